package dev.parley.conversation.messaging.adapter.r2dbc;

import dev.parley.conversation.messaging.application.ReactionStore;
import java.time.Instant;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

/** Reactions in PostgreSQL; the primary key makes each one unique per user and emoji. */
public final class R2dbcReactionStore implements ReactionStore {

    private final DatabaseClient db;

    public R2dbcReactionStore(DatabaseClient db) {
        this.db = db;
    }

    @Override
    public Mono<Boolean> add(UUID messageId, UUID userId, String emoji, Instant at) {
        return db.sql("""
                        INSERT INTO reaction (message_id, user_id, emoji, created_at) VALUES (:message, :user, :emoji, :at)
                        ON CONFLICT DO NOTHING""")
                .bind("message", messageId).bind("user", userId).bind("emoji", emoji).bind("at", at)
                .fetch().rowsUpdated().map(rows -> rows == 1);
    }

    @Override
    public Mono<Boolean> remove(UUID messageId, UUID userId, String emoji) {
        return db.sql("DELETE FROM reaction WHERE message_id = :message AND user_id = :user AND emoji = :emoji")
                .bind("message", messageId).bind("user", userId).bind("emoji", emoji)
                .fetch().rowsUpdated().map(rows -> rows == 1);
    }
}
