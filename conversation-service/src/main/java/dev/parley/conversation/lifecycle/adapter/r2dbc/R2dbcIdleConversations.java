package dev.parley.conversation.lifecycle.adapter.r2dbc;

import dev.parley.conversation.lifecycle.application.IdleConversations;
import dev.parley.conversation.lifecycle.domain.ConversationStatus;
import java.time.Instant;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;

/** {@code FOR UPDATE SKIP LOCKED}: concurrent sweeps split the idle conversations between them. */
public final class R2dbcIdleConversations implements IdleConversations {

    private final DatabaseClient db;

    public R2dbcIdleConversations(DatabaseClient db) {
        this.db = db;
    }

    @Override
    public Flux<UUID> lockIdle(ConversationStatus status, Instant cutoff, int limit) {
        return db.sql("""
                        SELECT id FROM conversation
                        WHERE status = :status AND last_activity_at < :cutoff
                        ORDER BY last_activity_at LIMIT :limit
                        FOR UPDATE SKIP LOCKED""")
                .bind("status", status.name()).bind("cutoff", cutoff).bind("limit", limit)
                .map(row -> row.get("id", UUID.class)).all();
    }
}
