package dev.parley.conversation.identity.adapter.memory;

import dev.parley.conversation.identity.application.SigningKeyStore;
import dev.parley.conversation.shared.adapter.memory.MemoryDatabase;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Signing keys in memory: one process, so they are new at every start and tokens die with it. */
public final class MemorySigningKeyStore implements SigningKeyStore {

    public static final MemoryDatabase.Table<String, StoredKey> KEYS = new MemoryDatabase.Table<>("signing_key");

    private final MemoryDatabase db;

    public MemorySigningKeyStore(MemoryDatabase db) {
        this.db = db;
    }

    @Override
    public Flux<StoredKey> findAll() {
        return db.query(tx -> db.table(KEYS).all().stream()
                .sorted(Comparator.comparing(StoredKey::createdAt).reversed()).toList());
    }

    @Override
    public Mono<Boolean> insertUnlessNewerExists(StoredKey key, Instant unlessNewerThan) {
        return db.statement(tx -> {
            if (!db.table(KEYS).where(existing -> existing.createdAt().isAfter(unlessNewerThan)).isEmpty()) {
                return false;
            }
            db.table(KEYS).put(tx, key.kid(), key);
            return true;
        });
    }

    @Override
    public Mono<Void> delete(Collection<String> kids) {
        return db.statement(tx -> {
            kids.forEach(kid -> db.table(KEYS).remove(tx, kid));
            return null;
        });
    }
}
