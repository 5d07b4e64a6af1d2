package dev.parley.conversation.lifecycle.adapter.r2dbc;

import static dev.parley.conversation.shared.adapter.r2dbc.Sql.bindNullable;

import dev.parley.conversation.lifecycle.application.ConversationJournal;
import dev.parley.conversation.lifecycle.domain.Conversation;
import dev.parley.conversation.outbox.application.OutboxWakeUps;
import dev.parley.conversation.shared.adapter.r2dbc.AfterCommit;
import dev.parley.events.EventData;
import dev.parley.events.EventEnvelope;
import dev.parley.events.json.EventCodec;
import io.r2dbc.postgresql.api.PostgresqlException;
import io.r2dbc.postgresql.codec.Json;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@link ConversationJournal} as one PostgreSQL statement, one round trip: the guarded update of
 * the conversation row returns it, and the event log, outbox and message rows are inserted from
 * what it returned, so a failed guard writes nothing and a duplicate message aborts everything.
 * Outside a transaction the statement is its own, committed before the driver completes it (the
 * exchange ends with ReadyForQuery, after the commit's WAL flush); it is always consumed to the end.
 *
 * <p>Each event is encoded here, once: the event log keeps the bytes and the outbox row points at
 * them ({@code docs/architecture.md}, "The append"). The last activity moves only when the status
 * changes or it is older than {@code activityResolution}, so most appends leave every indexed
 * column alone and PostgreSQL updates the row in place (HOT).
 */
public final class R2dbcConversationJournal implements ConversationJournal {

    /** The unique index that makes sends idempotent (V2). */
    static final String CLIENT_MSG_ID_INDEX = "message_conversation_id_sender_id_client_msg_id_key";
    private static final JsonMapper ATTACHMENTS = JsonMapper.builder().build();

    private final DatabaseClient db;
    private final EventCodec codec;
    private final String topic;
    private final Duration activityResolution;
    private final OutboxWakeUps wakeUps;
    /** One statement text per shape, so the driver prepares each shape once per connection. */
    private final Map<Shape, String> statements = new ConcurrentHashMap<>();

    private record Shape(int events, int messages) {
    }

    /**
     * @param topic              the topic conversation events are published to
     * @param activityResolution how stale {@code last_activity_at} may become within one status
     */
    public R2dbcConversationJournal(DatabaseClient db, EventCodec codec, String topic, Duration activityResolution,
                                    OutboxWakeUps wakeUps) {
        this.db = db;
        this.codec = codec;
        this.topic = topic;
        this.activityResolution = activityResolution;
        this.wakeUps = wakeUps;
    }

    @Override
    public Mono<Result> write(Entry entry) {
        List<EventEnvelope> events = entry.events();
        List<EventEnvelope> messages = events.stream().filter(e -> e.data() instanceof EventData.MessageCreated).toList();
        String sql = statements.computeIfAbsent(new Shape(events.size(), messages.size()), R2dbcConversationJournal::sql);
        GenericExecuteSpec spec = bindConversation(db.sql(sql), entry);
        for (int i = 0; i < events.size(); i++) {
            EventEnvelope event = events.get(i);
            spec = spec.bind("e" + i + "seq", event.seq()).bind("e" + i + "id", event.eventId())
                    .bind("e" + i + "type", event.type()).bind("e" + i + "agents", event.audience().agentsOnly())
                    .bind("e" + i + "payload", codec.encode(event)).bind("e" + i + "at", event.occurredAt());
        }
        for (int i = 0; i < messages.size(); i++) {
            spec = bindMessage(spec, "m" + i, messages.get(i));
        }
        return spec.map(row -> row.get("saved", Long.class)).all().collectList()
                .flatMap(saved -> saved.get(0) == 1
                        ? AfterCommit.run(wakeUps::committed).thenReturn(Result.WRITTEN)
                        : Mono.just(Result.STALE))
                .onErrorResume(DataIntegrityViolationException.class, error -> isDuplicateMessage(error)
                        ? Mono.just(Result.DUPLICATE_MESSAGE) : Mono.error(error));
    }

    private GenericExecuteSpec bindConversation(GenericExecuteSpec spec, Entry entry) {
        Conversation c = entry.conversation();
        Instant activity = entry.events().get(entry.events().size() - 1).occurredAt();
        var bound = spec.bind("id", c.id()).bind("topic", topic).bind("expected", entry.expectedLastSeq()).bind("lastSeq", entry.lastSeq())
                .bind("status", c.status().name()).bind("department", c.departmentId())
                .bind("priority", c.queuePriority()).bind("activity", activity)
                .bind("activityCutoff", activity.minus(activityResolution));
        bound = bindNullable(bound, "owner", c.ownerId(), UUID.class);
        bound = bindNullable(bound, "queuedAt", c.queuedAt(), Instant.class);
        bound = bindNullable(bound, "resolvedAt", entry.resolvedAt(), Instant.class);
        bound = bindNullable(bound, "closedAt", entry.closedAt(), Instant.class);
        return bindNullable(bound, "firstResponse", firstAgentReply(entry.events()), Instant.class);
    }

    private static GenericExecuteSpec bindMessage(GenericExecuteSpec spec, String p, EventEnvelope event) {
        var m = (EventData.MessageCreated) event.data();
        var bound = spec.bind(p + "id", m.messageId()).bind(p + "seq", event.seq()).bind(p + "senderKind", m.senderKind())
                .bind(p + "kind", m.kind()).bind(p + "at", m.createdAt());
        bound = bindNullable(bound, p + "sender", m.senderId(), UUID.class);
        bound = bindNullable(bound, p + "body", m.body(), String.class);
        bound = bindNullable(bound, p + "replyTo", m.replyTo(), UUID.class);
        bound = bindNullable(bound, p + "clientMsgId", m.clientMsgId(), String.class);
        bound = bindNullable(bound, p + "quickReplies",
                m.quickReplies() == null ? null : m.quickReplies().toArray(String[]::new), String[].class);
        return bindNullable(bound, p + "attachments",
                m.attachments() == null ? null : Json.of(ATTACHMENTS.writeValueAsString(m.attachments())), Json.class);
    }

    /** When the first agent reply among these is, if there is one: the first-response meter's mark. */
    private static Instant firstAgentReply(List<EventEnvelope> events) {
        for (EventEnvelope event : events) {
            if (event.data() instanceof EventData.MessageCreated m && "AGENT".equals(m.senderKind()) && "TEXT".equals(m.kind())) {
                return m.createdAt();
            }
        }
        return null;
    }

    private static boolean isDuplicateMessage(DataIntegrityViolationException error) {
        return error.getCause() instanceof PostgresqlException postgres
                && CLIENT_MSG_ID_INDEX.equals(postgres.getErrorDetails().getConstraintName().orElse(null));
    }

    private static String sql(Shape shape) {
        var events = new StringJoiner(", ");
        var seqs = new StringJoiner(", ");
        for (int i = 0; i < shape.events(); i++) {
            String e = ":e" + i;
            events.add("(" + e + "seq::bigint, " + e + "id::uuid, " + e + "type::text, " + e + "agents::boolean, "
                    + e + "payload::bytea, " + e + "at::timestamptz)");
            seqs.add("(" + e + "seq::bigint)");
        }
        var sql = new StringBuilder("""
                WITH saved AS (
                    UPDATE conversation SET status = :status, owner_id = :owner, department_id = :department,
                           last_seq = :lastSeq, queued_at = :queuedAt, queue_priority = :priority,
                           last_activity_at = CASE WHEN status <> :status OR last_activity_at <= :activityCutoff
                                                   THEN :activity ELSE last_activity_at END,
                           -- Kept through closing (reports measure resolution); cleared on reopening.
                           resolved_at = COALESCE(:resolvedAt, CASE WHEN :status IN ('RESOLVED', 'CLOSED') THEN resolved_at END),
                           closed_at = COALESCE(:closedAt, CASE WHEN :status = 'CLOSED' THEN closed_at END),
                           first_response_at = COALESCE(first_response_at, :firstResponse)
                    WHERE id = :id AND last_seq = :expected
                    RETURNING id),
                logged AS (
                    INSERT INTO conversation_event (conversation_id, seq, event_id, type, agents_only, payload, occurred_at)
                    SELECT saved.id, e.seq, e.event_id, e.type, e.agents_only, e.payload, e.occurred_at
                    FROM saved, (VALUES %s) AS e (seq, event_id, type, agents_only, payload, occurred_at)),
                queued AS (
                    INSERT INTO event_outbox (topic, event_key, conversation_id, seq)
                    SELECT :topic, saved.id::text, saved.id, e.seq
                    FROM saved, (VALUES %s) AS e (seq) ORDER BY e.seq)""".formatted(events, seqs));
        if (shape.messages() > 0) {
            var rows = new StringJoiner(", ");
            for (int i = 0; i < shape.messages(); i++) {
                String m = ":m" + i;
                rows.add("(" + m + "id::uuid, " + m + "seq::bigint, " + m + "sender::uuid, " + m + "senderKind::text, "
                        + m + "kind::text, " + m + "body::text, " + m + "replyTo::uuid, " + m + "clientMsgId::text, "
                        + m + "at::timestamptz, " + m + "quickReplies::text[], " + m + "attachments::jsonb)");
            }
            sql.append("""
                    ,
                    written AS (
                        INSERT INTO message (id, conversation_id, seq, sender_id, sender_kind, kind, body, reply_to,
                                             client_msg_id, created_at, quick_replies, attachments)
                        SELECT m.id, saved.id, m.seq, m.sender, m.sender_kind, m.kind, m.body, m.reply_to,
                               m.client_msg_id, m.at, m.quick_replies, m.attachments
                        FROM saved, (VALUES %s) AS m (id, seq, sender, sender_kind, kind, body, reply_to, client_msg_id,
                                                      at, quick_replies, attachments))""".formatted(rows));
        }
        sql.append("\nSELECT count(*) AS saved FROM saved");
        return sql.toString();
    }
}
