package dev.parley.conversation.lifecycle.adapter.r2dbc;

import static dev.parley.conversation.shared.adapter.r2dbc.Sql.bindNullable;

import dev.parley.conversation.lifecycle.application.ConversationStore;
import dev.parley.conversation.lifecycle.domain.Conversation;
import dev.parley.conversation.lifecycle.domain.ConversationSnapshot;
import dev.parley.conversation.lifecycle.domain.ConversationStatus;
import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Conversations and agent seats in PostgreSQL. */
public final class R2dbcConversationStore implements ConversationStore {

    private static final String COLUMNS = """
            id, inbox_id, customer_id, department_id, status, owner_id, last_seq, queued_at, queue_priority,
            created_at, last_activity_at""";

    private final DatabaseClient db;

    public R2dbcConversationStore(DatabaseClient db) {
        this.db = db;
    }

    @Override
    public Mono<Void> insert(Conversation c) {
        var spec = db.sql("""
                        INSERT INTO conversation (id, inbox_id, customer_id, department_id, status, owner_id, last_seq,
                                                  queued_at, queue_priority, created_at, last_activity_at)
                        VALUES (:id, :inbox, :customer, :department, :status, :owner, :lastSeq, :queuedAt, :priority,
                                :createdAt, :lastActivity)""")
                .bind("id", c.id()).bind("inbox", c.inboxId()).bind("customer", c.customerId())
                .bind("department", c.departmentId()).bind("status", c.status().name())
                .bind("lastSeq", c.lastSeq()).bind("priority", c.queuePriority())
                .bind("createdAt", c.createdAt()).bind("lastActivity", c.lastActivityAt());
        spec = bindNullable(spec, "owner", c.ownerId(), UUID.class);
        spec = bindNullable(spec, "queuedAt", c.queuedAt(), Instant.class);
        return spec.then();
    }

    @Override
    public Mono<Conversation> lock(UUID conversationId) {
        return db.sql("SELECT " + COLUMNS + " FROM conversation WHERE id = :id FOR UPDATE")
                .bind("id", conversationId).map(R2dbcConversationStore::conversation).one();
    }

    @Override
    public Flux<UUID> openOwnedBy(UUID agentId) {
        return db.sql("SELECT id FROM conversation WHERE owner_id = :agent AND status IN ('ACTIVE', 'WAITING_ON_CUSTOMER')")
                .bind("agent", agentId).map(row -> row.get("id", UUID.class)).all();
    }

    @Override
    public Mono<Conversation> find(UUID conversationId) {
        return db.sql("SELECT " + COLUMNS + " FROM conversation WHERE id = :id")
                .bind("id", conversationId).map(R2dbcConversationStore::conversation).one();
    }

    @Override
    public Mono<ConversationSnapshot> snapshot(UUID conversationId) {
        return db.sql("SELECT " + COLUMNS + ", first_response_at FROM conversation WHERE id = :id")
                .bind("id", conversationId)
                .map(row -> new Answered(conversation(row), row.get("first_response_at", Instant.class) != null))
                .one()
                .flatMap(found -> db.sql("SELECT * FROM participant WHERE conversation_id = :id")
                        .bind("id", conversationId)
                        .map(R2dbcParticipantStore::participant)
                        .all().collectList()
                        .map(people -> new ConversationSnapshot(found.conversation(), people, found.answered())));
    }

    private record Answered(Conversation conversation, boolean answered) {
    }

    @Override
    public Mono<Boolean> takeSeat(UUID agentId, boolean mustBeOnline) {
        return db.sql("""
                        UPDATE agent SET open_count = open_count + 1
                        WHERE id = :agent AND open_count < max_concurrent AND (NOT :online OR status = 'ONLINE')""")
                .bind("agent", agentId).bind("online", mustBeOnline)
                .fetch().rowsUpdated().map(rows -> rows == 1);
    }

    @Override
    public Mono<Void> releaseSeat(UUID agentId) {
        return db.sql("UPDATE agent SET open_count = GREATEST(open_count - 1, 0) WHERE id = :agent")
                .bind("agent", agentId).fetch().rowsUpdated().then();
    }

    static Conversation conversation(Readable row) {
        return new Conversation(row.get("id", UUID.class), row.get("inbox_id", UUID.class),
                row.get("customer_id", UUID.class), row.get("department_id", UUID.class),
                ConversationStatus.valueOf(row.get("status", String.class)), row.get("owner_id", UUID.class),
                row.get("last_seq", Long.class), row.get("queued_at", Instant.class),
                Boolean.TRUE.equals(row.get("queue_priority", Boolean.class)), row.get("created_at", Instant.class),
                row.get("last_activity_at", Instant.class));
    }
}
