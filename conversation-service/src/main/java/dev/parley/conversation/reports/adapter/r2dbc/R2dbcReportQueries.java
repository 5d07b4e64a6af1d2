package dev.parley.conversation.reports.adapter.r2dbc;

import dev.parley.conversation.reports.application.ReportingSupport.GroupBy;
import dev.parley.conversation.reports.application.ReportingSupport.ReportQueries;
import dev.parley.conversation.reports.application.SupportReport;
import java.time.Instant;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;

/**
 * Reports from the history itself: conversations, their messages and the event log. "Waiting
 * since" is the first {@code conversation.queued} event (a bot conversation waits from its
 * handoff), else the start. A customer turn starts at a customer message whose previous text
 * message is not the customer's; it is answered by the next agent text message.
 */
public final class R2dbcReportQueries implements ReportQueries {

    private final DatabaseClient db;

    public R2dbcReportQueries(DatabaseClient db) {
        this.db = db;
    }

    @Override
    public Flux<SupportReport> report(GroupBy groupBy, Instant from, Instant to) {
        // Chosen from an enum, never from input.
        String key = switch (groupBy) {
            case AGENT -> "owner_id";
            case DEPARTMENT -> "department_id";
            case INBOX -> "inbox_id";
        };
        String names = switch (groupBy) {
            case AGENT -> "SELECT id, name FROM agent";
            case DEPARTMENT -> "SELECT id, name FROM department";
            case INBOX -> "SELECT id, name FROM inbox";
        };
        return db.sql("""
                        WITH convs AS (
                            SELECT c.id, c.%1$s AS key, c.created_at, c.resolved_at,
                                   COALESCE((SELECT min(e.occurred_at) FROM conversation_event e
                                             WHERE e.conversation_id = c.id AND e.type = 'conversation.queued'), c.created_at) AS waiting_since,
                                   (SELECT min(m.created_at) FROM message m
                                    WHERE m.conversation_id = c.id AND m.sender_kind = 'AGENT' AND m.kind = 'TEXT') AS first_response_at
                            FROM conversation c
                            WHERE c.created_at >= :from AND c.created_at < :to AND c.%1$s IS NOT NULL),
                        texts AS (
                            SELECT m.conversation_id, m.seq, m.sender_kind, m.created_at,
                                   lag(m.sender_kind) OVER (PARTITION BY m.conversation_id ORDER BY m.seq) AS previous_sender
                            FROM message m JOIN convs ON convs.id = m.conversation_id
                            WHERE m.kind = 'TEXT' AND m.sender_kind IN ('CUSTOMER', 'AGENT')),
                        turns AS (
                            SELECT t.conversation_id, t.created_at AS asked_at,
                                   (SELECT min(r.created_at) FROM texts r WHERE r.conversation_id = t.conversation_id
                                      AND r.seq > t.seq AND r.sender_kind = 'AGENT') AS answered_at
                            FROM texts t WHERE t.sender_kind = 'CUSTOMER' AND t.previous_sender IS DISTINCT FROM 'CUSTOMER'),
                        per_key AS (
                            SELECT convs.key, count(*) AS handled,
                                   count(*) FILTER (WHERE convs.resolved_at IS NOT NULL) AS resolved,
                                   avg(extract(epoch FROM convs.first_response_at - convs.waiting_since))
                                       FILTER (WHERE convs.first_response_at IS NOT NULL) AS first_response,
                                   avg(extract(epoch FROM convs.resolved_at - convs.created_at))
                                       FILTER (WHERE convs.resolved_at IS NOT NULL) AS resolution
                            FROM convs GROUP BY convs.key),
                        responses AS (
                            SELECT convs.key, avg(extract(epoch FROM turns.answered_at - turns.asked_at)) AS average_response
                            FROM turns JOIN convs ON convs.id = turns.conversation_id
                            WHERE turns.answered_at IS NOT NULL GROUP BY convs.key)
                        SELECT per_key.*, responses.average_response, names.name
                        FROM per_key LEFT JOIN responses ON responses.key = per_key.key
                        LEFT JOIN (%2$s) names ON names.id = per_key.key
                        ORDER BY per_key.handled DESC, names.name""".formatted(key, names))
                .bind("from", from).bind("to", to)
                .map(row -> {
                    long handled = row.get("handled", Long.class);
                    long resolved = row.get("resolved", Long.class);
                    return new SupportReport(row.get("key", UUID.class), row.get("name", String.class), handled, resolved,
                            handled == 0 ? null : (double) resolved / handled, number(row.get("first_response", Number.class)),
                            number(row.get("average_response", Number.class)), number(row.get("resolution", Number.class)));
                })
                .all();
    }

    private static Double number(Number value) {
        return value == null ? null : value.doubleValue();
    }
}
