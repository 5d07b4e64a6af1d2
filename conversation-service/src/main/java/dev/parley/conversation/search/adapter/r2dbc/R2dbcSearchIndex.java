package dev.parley.conversation.search.adapter.r2dbc;

import dev.parley.conversation.search.application.SearchIndex;
import dev.parley.conversation.search.application.SearchQuery;
import java.time.Instant;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;

/**
 * Search in SQL. Message hits come from the GIN index on {@code message.search}; customer hits from
 * name, email and external id. A conversation's rank is its best message's {@code ts_rank} plus 1
 * when the customer matches, so "alice" finds Alice's conversations first. The snippet is the best
 * matching message with the words highlighted by {@code ts_headline} between U+E000 and U+E001
 * (private-use characters, taken out of the body first): unlike {@code <b>}, no text a customer
 * types can pass for a mark, and the snippet stays plain text that clients escape as a whole.
 */
public final class R2dbcSearchIndex implements SearchIndex {

    private final DatabaseClient db;

    public R2dbcSearchIndex(DatabaseClient db) {
        this.db = db;
    }

    @Override
    public Flux<Hit> search(SearchQuery query, Scope scope) {
        var spec = db.sql("""
                        WITH q AS (SELECT websearch_to_tsquery('simple', :text) AS words),
                        message_hits AS (
                            SELECT m.conversation_id, max(ts_rank(m.search, q.words)) AS rank
                            FROM message m, q
                            WHERE m.search @@ q.words AND m.deleted_at IS NULL AND (:notes OR m.kind <> 'NOTE')
                            GROUP BY m.conversation_id),
                        customer_hits AS (
                            SELECT c.id AS conversation_id, 1.0::real AS rank
                            FROM conversation c JOIN customer cu ON cu.id = c.customer_id
                            WHERE cu.name ILIKE :like ESCAPE '\\' OR lower(cu.email) = lower(:text)
                               OR cu.email ILIKE :like ESCAPE '\\' OR cu.external_id = :text),
                        hits AS (
                            SELECT conversation_id, sum(rank) AS rank
                            FROM (SELECT * FROM message_hits UNION ALL SELECT * FROM customer_hits) found
                            GROUP BY conversation_id)
                        SELECT c.id, c.customer_id, cu.name AS customer_name, c.status, c.department_id, c.owner_id,
                               c.last_activity_at, hits.rank,
                               (SELECT ts_headline('simple', translate(m.body, U&'\\E000\\E001', ''), q.words,
                                       'StartSel=' || U&'\\E000' || ', StopSel=' || U&'\\E001' || ', MaxFragments=1, MaxWords=20, MinWords=5')
                                FROM message m
                                WHERE m.conversation_id = c.id AND m.search @@ q.words AND m.deleted_at IS NULL
                                  AND (:notes OR m.kind <> 'NOTE')
                                ORDER BY ts_rank(m.search, q.words) DESC LIMIT 1) AS snippet
                        FROM hits JOIN conversation c ON c.id = hits.conversation_id
                        JOIN customer cu ON cu.id = c.customer_id, q
                        WHERE (:customer::uuid IS NULL OR c.customer_id = :customer)
                          AND (:everything OR :customer::uuid IS NOT NULL OR c.department_id = ANY(:departments)
                               OR EXISTS (SELECT 1 FROM participant p WHERE p.conversation_id = c.id
                                          AND p.user_id = :participant AND p.left_at IS NULL))
                          AND (:status::text IS NULL OR c.status = :status)
                          AND (:department::uuid IS NULL OR c.department_id = :department)
                          AND (:agent::uuid IS NULL OR c.owner_id = :agent)
                          AND (:from::timestamptz IS NULL OR c.last_activity_at >= :from)
                          AND (:to::timestamptz IS NULL OR c.last_activity_at < :to)
                        ORDER BY hits.rank DESC, c.last_activity_at DESC, c.id
                        LIMIT :limit OFFSET :offset""")
                .bind("text", query.text())
                .bind("like", "%" + query.text().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%")
                .bind("notes", scope.notes())
                .bind("everything", scope.everything())
                .bind("departments", scope.departmentIds().toArray(UUID[]::new))
                .bind("limit", query.limit())
                .bind("offset", query.offset());
        spec = scope.customerId() == null ? spec.bindNull("customer", UUID.class) : spec.bind("customer", scope.customerId());
        spec = scope.participantId() == null ? spec.bindNull("participant", UUID.class) : spec.bind("participant", scope.participantId());
        spec = query.status() == null ? spec.bindNull("status", String.class) : spec.bind("status", query.status());
        spec = query.departmentId() == null ? spec.bindNull("department", UUID.class) : spec.bind("department", query.departmentId());
        spec = query.agentId() == null ? spec.bindNull("agent", UUID.class) : spec.bind("agent", query.agentId());
        spec = query.from() == null ? spec.bindNull("from", Instant.class) : spec.bind("from", query.from());
        spec = query.to() == null ? spec.bindNull("to", Instant.class) : spec.bind("to", query.to());
        return spec.map(row -> new Hit(row.get("id", UUID.class), row.get("customer_id", UUID.class),
                        row.get("customer_name", String.class), row.get("status", String.class),
                        row.get("department_id", UUID.class), row.get("owner_id", UUID.class),
                        row.get("last_activity_at", Instant.class), row.get("rank", Double.class),
                        row.get("snippet", String.class)))
                .all();
    }
}
