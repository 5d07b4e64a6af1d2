package dev.parley.conversation.attachments.adapter.r2dbc;

import dev.parley.conversation.attachments.application.LinkSecrets;
import java.nio.ByteBuffer;
import java.security.SecureRandom;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

/**
 * The link secret kept in PostgreSQL: the first instance to ask inserts a random one, and
 * {@code ON CONFLICT DO NOTHING} makes every racing instance read back the same winner.
 */
public final class R2dbcLinkSecrets implements LinkSecrets {

    /** 256 bits: the HMAC-SHA256 key size. */
    private static final int SECRET_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final DatabaseClient db;

    public R2dbcLinkSecrets(DatabaseClient db) {
        this.db = db;
    }

    @Override
    public Mono<byte[]> secret() {
        byte[] candidate = new byte[SECRET_BYTES];
        RANDOM.nextBytes(candidate);
        return db.sql("INSERT INTO attachment_link_secret (id, secret) VALUES (1, :secret) ON CONFLICT (id) DO NOTHING")
                .bind("secret", ByteBuffer.wrap(candidate)).then()
                .then(db.sql("SELECT secret FROM attachment_link_secret WHERE id = 1")
                        .map(row -> bytes(row.get("secret", ByteBuffer.class))).one());
    }

    private static byte[] bytes(ByteBuffer buffer) {
        byte[] copy = new byte[buffer.remaining()];
        buffer.get(copy);
        return copy;
    }
}
