package dev.parley.conversation.lifecycle.adapter.r2dbc;

import dev.parley.conversation.lifecycle.application.ParticipantStore;
import dev.parley.conversation.lifecycle.domain.Participant;
import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Participants and their watermarks in PostgreSQL. */
public final class R2dbcParticipantStore implements ParticipantStore {

    private final DatabaseClient db;

    public R2dbcParticipantStore(DatabaseClient db) {
        this.db = db;
    }

    @Override
    public Mono<Boolean> join(UUID conversationId, UUID userId, Participant.Role role, Instant at) {
        // RETURNING yields a row only for an insert or a re-join: the WHERE skips active participants.
        return db.sql("""
                        INSERT INTO participant (conversation_id, user_id, role, joined_at)
                        VALUES (:conversation, :user, :role, :at)
                        ON CONFLICT (conversation_id, user_id) DO UPDATE SET left_at = NULL, joined_at = :at
                            WHERE participant.left_at IS NOT NULL
                        RETURNING user_id""")
                .bind("conversation", conversationId).bind("user", userId).bind("role", role.name()).bind("at", at)
                .map(row -> true).one().defaultIfEmpty(false);
    }

    @Override
    public Mono<Boolean> leave(UUID conversationId, UUID userId, Instant at) {
        return db.sql("""
                        UPDATE participant SET left_at = :at
                        WHERE conversation_id = :conversation AND user_id = :user AND left_at IS NULL""")
                .bind("conversation", conversationId).bind("user", userId).bind("at", at)
                .fetch().rowsUpdated().map(rows -> rows == 1);
    }

    @Override
    public Flux<Participant> all(UUID conversationId) {
        return db.sql("SELECT * FROM participant WHERE conversation_id = :conversation ORDER BY joined_at")
                .bind("conversation", conversationId).map(R2dbcParticipantStore::participant).all();
    }

    @Override
    public Mono<Participant> advanceWatermarks(UUID conversationId, UUID userId, long delivered, long read, Instant at) {
        return db.sql("""
                        UPDATE participant SET
                            delivered_at = CASE WHEN :delivered > last_delivered_seq THEN :at ELSE delivered_at END,
                            last_delivered_seq = GREATEST(last_delivered_seq, :delivered),
                            read_at = CASE WHEN :read > last_read_seq THEN :at ELSE read_at END,
                            last_read_seq = GREATEST(last_read_seq, :read)
                        WHERE conversation_id = :conversation AND user_id = :user
                        RETURNING *""")
                .bind("conversation", conversationId).bind("user", userId)
                .bind("delivered", delivered).bind("read", read).bind("at", at)
                .map(R2dbcParticipantStore::participant).one();
    }

    static Participant participant(Readable row) {
        return new Participant(row.get("conversation_id", UUID.class), row.get("user_id", UUID.class),
                Participant.Role.valueOf(row.get("role", String.class)), row.get("joined_at", Instant.class),
                row.get("left_at", Instant.class), row.get("last_delivered_seq", Long.class),
                row.get("delivered_at", Instant.class), row.get("last_read_seq", Long.class),
                row.get("read_at", Instant.class));
    }
}
