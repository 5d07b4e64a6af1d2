package dev.parley.conversation.messaging.adapter.memory;

import dev.parley.conversation.messaging.application.ReactionStore;
import dev.parley.conversation.shared.adapter.memory.MemoryDatabase;
import java.time.Instant;
import java.util.UUID;
import reactor.core.publisher.Mono;

/** Reactions in memory; the key makes each one unique per user and emoji. */
public final class MemoryReactionStore implements ReactionStore {

    public record Key(UUID messageId, UUID userId, String emoji) {
    }

    /** A reaction and when it was added. */
    public record Reaction(Key key, Instant at) {
    }

    public static final MemoryDatabase.Table<Key, Reaction> REACTIONS = new MemoryDatabase.Table<>("reaction",
            reaction -> reaction.key().messageId());

    private final MemoryDatabase db;

    public MemoryReactionStore(MemoryDatabase db) {
        this.db = db;
    }

    @Override
    public Mono<Boolean> add(UUID messageId, UUID userId, String emoji, Instant at) {
        return db.statement(tx -> {
            var key = new Key(messageId, userId, emoji);
            if (db.table(REACTIONS).contains(key)) {
                return false;
            }
            db.table(REACTIONS).put(tx, key, new Reaction(key, at));
            return true;
        });
    }

    @Override
    public Mono<Boolean> remove(UUID messageId, UUID userId, String emoji) {
        return db.statement(tx -> db.table(REACTIONS).remove(tx, new Key(messageId, userId, emoji)));
    }
}
