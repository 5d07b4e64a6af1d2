package dev.parley.conversation.reading.adapter.r2dbc;

import dev.parley.conversation.messaging.adapter.r2dbc.R2dbcMessageStore;
import dev.parley.conversation.messaging.domain.Message;
import dev.parley.conversation.reading.application.ConversationQueries;
import io.r2dbc.spi.Readable;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Mono;

/**
 * The read side in SQL. Every query is keyed by conversation id or walks one of the list indexes
 * of V2 ({@code conversation_by_customer}, {@code conversation_by_owner}, {@code conversation_open}).
 */
public final class R2dbcConversationQueries implements ConversationQueries {

    private final DatabaseClient db;

    public R2dbcConversationQueries(DatabaseClient db) {
        this.db = db;
    }

    @Override
    public Flux<Message> messages(UUID conversationId, Long beforeSeq, Long afterSeq, int limit, boolean includeNotes) {
        String sql = afterSeq != null
                ? "SELECT * FROM message WHERE conversation_id = :c AND seq > :seq AND (:notes OR kind <> 'NOTE') ORDER BY seq LIMIT :limit"
                : "SELECT * FROM message WHERE conversation_id = :c AND seq < :seq AND (:notes OR kind <> 'NOTE') ORDER BY seq DESC LIMIT :limit";
        long seq = afterSeq != null ? afterSeq : beforeSeq != null ? beforeSeq : Long.MAX_VALUE;
        return db.sql(sql).bind("c", conversationId).bind("seq", seq).bind("notes", includeNotes).bind("limit", limit)
                .map(R2dbcMessageStore::message).all();
    }

    @Override
    public Flux<ReactionCount> reactions(List<UUID> messageIds, boolean includeNotes) {
        if (messageIds.isEmpty()) {
            return Flux.empty();
        }
        return db.sql("""
                        SELECT r.message_id, r.emoji, array_agg(r.user_id ORDER BY r.created_at) AS users
                        FROM reaction r JOIN message m ON m.id = r.message_id
                        WHERE r.message_id = ANY(:ids) AND (:notes OR m.kind <> 'NOTE')
                        GROUP BY r.message_id, r.emoji ORDER BY r.message_id, min(r.created_at)""")
                .bind("ids", messageIds.toArray(UUID[]::new)).bind("notes", includeNotes)
                .map(row -> new ReactionCount(row.get("message_id", UUID.class), row.get("emoji", String.class),
                        Arrays.asList(row.get("users", UUID[].class))))
                .all();
    }

    @Override
    public Flux<ConversationSummary> queue(UUID departmentId, int limit) {
        return db.sql("""
                        SELECT c.*, cu.name AS customer_name, 0::bigint AS unread, NULL AS preview
                        FROM conversation c JOIN customer cu ON cu.id = c.customer_id
                        WHERE c.status = 'QUEUED' AND c.department_id = :department
                        ORDER BY c.queue_priority DESC, c.queued_at, c.id LIMIT :limit""")
                .bind("department", departmentId).bind("limit", limit)
                .map(R2dbcConversationQueries::summary).all();
    }

    @Override
    public Mono<UUID> lastAssignee(UUID departmentId) {
        return db.sql("""
                        SELECT c.owner_id FROM conversation c
                        JOIN LATERAL (SELECT max(e.occurred_at) AS at FROM conversation_event e
                                      WHERE e.conversation_id = c.id AND e.type = 'conversation.assigned') a ON TRUE
                        WHERE c.department_id = :department AND c.owner_id IS NOT NULL
                          AND c.status IN ('ACTIVE', 'WAITING_ON_CUSTOMER')
                        ORDER BY a.at DESC NULLS LAST, c.id LIMIT 1""")
                .bind("department", departmentId)
                .map(row -> row.get("owner_id", UUID.class)).one();
    }

    @Override
    public Mono<Integer> positionInQueue(UUID conversationId) {
        return db.sql("""
                        SELECT count(*) + 1 AS position FROM conversation ahead, conversation me
                        WHERE me.id = :id AND ahead.status = 'QUEUED' AND ahead.department_id = me.department_id
                          AND (ahead.queue_priority, me.queued_at, me.id) > (me.queue_priority, ahead.queued_at, ahead.id)""")
                .bind("id", conversationId).map(row -> row.get("position", Long.class).intValue()).one();
    }

    @Override
    public Mono<Seats> seats(UUID departmentId) {
        return db.sql("""
                        SELECT count(*) AS online, COALESCE(sum(GREATEST(a.max_concurrent - a.open_count, 0)), 0) AS free
                        FROM agent a JOIN agent_department d ON d.agent_id = a.id
                        WHERE d.department_id = :department AND a.status = 'ONLINE'""")
                .bind("department", departmentId)
                .map(row -> new Seats(row.get("online", Long.class).intValue(), row.get("free", Number.class).intValue()))
                .one();
    }

    @Override
    public Mono<Duration> recentAssignmentInterval(UUID departmentId) {
        return db.sql("""
                        SELECT count(*) AS n, extract(epoch FROM max(occurred_at) - min(occurred_at)) AS span
                        FROM (SELECT e.occurred_at FROM conversation_event e JOIN conversation c ON c.id = e.conversation_id
                              WHERE c.department_id = :department AND e.type = 'conversation.assigned'
                                AND e.occurred_at > now() - interval '1 hour'
                              ORDER BY e.occurred_at DESC LIMIT 20) recent""")
                .bind("department", departmentId)
                .map(row -> {
                    long n = row.get("n", Long.class);
                    Number span = row.get("span", Number.class);
                    return n < 2 || span == null ? Duration.ZERO : Duration.ofMillis((long) (span.doubleValue() * 1000 / (n - 1)));
                })
                .one()
                .filter(interval -> !interval.isZero());
    }

    @Override
    public Flux<ConversationSummary> list(ListFilter filter, UUID caller, boolean callerIsAgent, Position after, int limit) {
        var spec = db.sql("""
                        SELECT c.*, cu.name AS customer_name,
                               (SELECT count(*) FROM message m
                                WHERE m.conversation_id = c.id AND m.seq > COALESCE(p.last_read_seq, 0)
                                  AND m.deleted_at IS NULL AND m.sender_id IS DISTINCT FROM :caller
                                  AND m.kind <> 'SYSTEM' AND (:agent OR m.kind <> 'NOTE')) AS unread,
                               (SELECT left(m.body, 140) FROM message m
                                WHERE m.conversation_id = c.id AND m.deleted_at IS NULL AND m.kind IN ('TEXT', 'BOT')
                                ORDER BY m.seq DESC LIMIT 1) AS preview
                        FROM conversation c
                        JOIN customer cu ON cu.id = c.customer_id
                        LEFT JOIN participant p ON p.conversation_id = c.id AND p.user_id = :caller
                        WHERE (:customer::uuid IS NULL OR c.customer_id = :customer)
                          AND (:owner::uuid IS NULL OR c.owner_id = :owner)
                          AND (:allDepartments OR :customer::uuid IS NOT NULL OR :owner::uuid IS NOT NULL
                               OR c.department_id = ANY(:departments))
                          AND (cardinality(:statuses::text[]) = 0 OR c.status = ANY(:statuses))
                          AND (:afterAt::timestamptz IS NULL OR (c.last_activity_at, c.id) < (:afterAt, :afterId))
                        ORDER BY c.last_activity_at DESC, c.id DESC
                        LIMIT :limit""")
                .bind("caller", caller).bind("agent", callerIsAgent)
                .bind("allDepartments", filter.allDepartments())
                .bind("departments", (filter.departmentIds() == null ? List.<UUID>of() : filter.departmentIds()).toArray(UUID[]::new))
                .bind("statuses", filter.statuses().toArray(String[]::new))
                .bind("limit", limit);
        spec = filter.customerId() == null ? spec.bindNull("customer", UUID.class) : spec.bind("customer", filter.customerId());
        spec = filter.ownerId() == null ? spec.bindNull("owner", UUID.class) : spec.bind("owner", filter.ownerId());
        spec = after == null ? spec.bindNull("afterAt", Instant.class).bindNull("afterId", UUID.class)
                : spec.bind("afterAt", after.lastActivityAt()).bind("afterId", after.id());
        return spec.map(R2dbcConversationQueries::summary).all();
    }

    @Override
    public Mono<CustomerProfile> customer(UUID customerId) {
        Mono<Map<String, String>> attributes = db.sql("SELECT m.key, m.value FROM customer cu, jsonb_each_text(cu.metadata) m WHERE cu.id = :id ORDER BY m.key")
                .bind("id", customerId)
                .map(row -> Map.entry(row.get("key", String.class), String.valueOf(row.get("value", String.class))))
                .all().collectList()
                .map(entries -> {
                    Map<String, String> ordered = new java.util.LinkedHashMap<>();
                    entries.forEach(entry -> ordered.put(entry.getKey(), entry.getValue()));
                    return ordered;
                });
        return db.sql("""
                SELECT id, name, email, external_id, last_seen_at, current_page_url, current_page_title, current_page_at
                FROM customer WHERE id = :id""")
                .bind("id", customerId)
                .map(row -> new Object[] {row.get("name", String.class), row.get("email", String.class),
                        row.get("external_id", String.class), row.get("last_seen_at", Instant.class), page(row)})
                .one()
                .zipWith(attributes, (row, attrs) -> new CustomerProfile(customerId, (String) row[0], (String) row[1],
                        (String) row[2], attrs, (Instant) row[3], (Page) row[4]));
    }

    private static Page page(Readable row) {
        String url = row.get("current_page_url", String.class);
        return url == null ? null
                : new Page(url, row.get("current_page_title", String.class), row.get("current_page_at", Instant.class));
    }

    private static ConversationSummary summary(Readable row) {
        return new ConversationSummary(row.get("id", UUID.class), row.get("inbox_id", UUID.class),
                row.get("customer_id", UUID.class), row.get("customer_name", String.class),
                row.get("department_id", UUID.class), row.get("status", String.class),
                row.get("owner_id", UUID.class), row.get("last_seq", Long.class),
                row.get("queued_at", Instant.class), row.get("last_activity_at", Instant.class),
                row.get("unread", Long.class), row.get("preview", String.class));
    }
}
