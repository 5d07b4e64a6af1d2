package dev.parley.conversation.identity.adapter.r2dbc;

import dev.parley.conversation.identity.application.SigningKeyStore;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Collection;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The signing_key table. */
public final class R2dbcSigningKeyStore implements SigningKeyStore {

    /**
     * Serializes key creation across instances (a transaction-scoped advisory lock), so instances
     * starting together create one first key between them. A constant used for nothing else:
     * "parley" in ASCII, then 02.
     */
    private static final long KEY_CREATION_LOCK = 0x7061726c6579_02L;

    private final DatabaseClient db;
    private final TransactionalOperator transactions;

    public R2dbcSigningKeyStore(DatabaseClient db, TransactionalOperator transactions) {
        this.db = db;
        this.transactions = transactions;
    }

    @Override
    public Flux<StoredKey> findAll() {
        return db.sql("SELECT kid, material, encrypted, created_at FROM signing_key ORDER BY created_at DESC")
                .map((row, meta) -> new StoredKey(
                        row.get("kid", String.class),
                        bytes(row.get("material", ByteBuffer.class)),
                        Boolean.TRUE.equals(row.get("encrypted", Boolean.class)),
                        row.get("created_at", Instant.class)))
                .all();
    }

    @Override
    public Mono<Boolean> insertUnlessNewerExists(StoredKey key, Instant unlessNewerThan) {
        Mono<Boolean> insert = db.sql("""
                        INSERT INTO signing_key (kid, material, encrypted, created_at)
                        SELECT :kid, :material, :encrypted, :created
                        WHERE NOT EXISTS (SELECT 1 FROM signing_key WHERE created_at > :threshold)""")
                .bind("kid", key.kid())
                .bind("material", ByteBuffer.wrap(key.material()))
                .bind("encrypted", key.encrypted())
                .bind("created", key.createdAt())
                .bind("threshold", unlessNewerThan)
                .fetch()
                .rowsUpdated()
                .map(inserted -> inserted == 1);
        return transactions.transactional(db.sql("SELECT pg_advisory_xact_lock(:lock)")
                .bind("lock", KEY_CREATION_LOCK).then().then(insert));
    }

    @Override
    public Mono<Void> delete(Collection<String> kids) {
        if (kids.isEmpty()) {
            return Mono.empty();
        }
        return db.sql("DELETE FROM signing_key WHERE kid = ANY(:kids)")
                .bind("kids", kids.toArray(String[]::new))
                .then();
    }

    private static byte[] bytes(ByteBuffer buffer) {
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        return bytes;
    }
}
