package dev.parley.conversation.core;

import static dev.parley.conversation.fixtures.Cast.ADA_ADMIN;
import static dev.parley.conversation.fixtures.Cast.BOB_AGENT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.parley.conversation.reports.application.ReportingSupport;
import dev.parley.conversation.reports.application.ReportingSupport.GroupBy;
import dev.parley.conversation.reports.application.SupportReport;
import java.sql.Connection;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Report numbers against a scripted history with known times, in a department, inbox and agent
 * of its own (Rita of "Returns"), so other tests' conversations do not count.
 */
class ReportsIT extends CoreTestBase {

    private static final Instant T = Instant.parse("2026-01-05T10:00:00Z");
    private static final UUID RETURNS = UUID.randomUUID();
    private static final UUID SHOP = UUID.randomUUID();
    private static final UUID RITA = UUID.randomUUID();
    private static final UUID ZOE = UUID.randomUUID();

    @Autowired
    private ReportingSupport reporting;

    @Test
    void reportNumbersMatchAScriptedHistory() throws Exception {
        try (Connection connection = database.openConnection()) {
            exec(connection, "INSERT INTO department (id, name, created_at) VALUES (?, 'Returns', ?)", RETURNS, at(0));
            exec(connection, """
                    INSERT INTO inbox (id, name, public_key, hmac_secret, default_department_id, created_at)
                    VALUES (?, 'Shop', 'pk_reports', 'secret', ?, ?)""", SHOP, RETURNS, at(0));
            exec(connection, """
                    INSERT INTO agent (id, name, email, role, status_changed_at, created_at)
                    VALUES (?, 'Rita', 'rita@shop.test', 'AGENT', ?, ?)""", RITA, at(0), at(0));
            exec(connection, "INSERT INTO customer (id, inbox_id, name, created_at) VALUES (?, ?, 'Zoe', ?)", ZOE, SHOP, at(0));

            // A: queued at T; answered after 60 s; a second turn of two messages answered 60 s after its first; resolved at T+600.
            UUID a = conversation(connection, at(0), at(600));
            event(connection, a, 1, "conversation.queued", at(0));
            message(connection, a, 2, "CUSTOMER", at(0));
            message(connection, a, 3, "AGENT", at(60));
            message(connection, a, 4, "CUSTOMER", at(120));
            message(connection, a, 5, "CUSTOMER", at(130));
            message(connection, a, 6, "AGENT", at(180));
            // B: a bot conversation from T+1000, handed to the queue at T+1100, answered at T+1400; not resolved.
            UUID b = conversation(connection, at(1000), null);
            message(connection, b, 1, "CUSTOMER", at(1000));
            event(connection, b, 2, "conversation.queued", at(1100));
            message(connection, b, 3, "AGENT", at(1400));
            // C: started two days before the period; it must not count.
            UUID c = conversation(connection, at(-172_800), at(-172_000));
            message(connection, c, 1, "CUSTOMER", at(-172_800));
            message(connection, c, 2, "AGENT", at(-172_790));
        }

        List<SupportReport> byAgent = accepted(reporting.report(ADA_ADMIN, GroupBy.AGENT, T.minusSeconds(3600),
                T.plusSeconds(86_400)).block(PATIENCE));

        SupportReport rita = byAgent.stream().filter(report -> RITA.equals(report.key())).findFirst().orElseThrow();
        assertThat(rita.name()).isEqualTo("Rita");
        assertThat(rita.handled()).isEqualTo(2);
        assertThat(rita.resolved()).isEqualTo(1);
        assertThat(rita.resolutionRate()).isEqualTo(0.5);
        assertThat(rita.firstResponse()).isCloseTo((60 + 300) / 2.0, within(0.001));
        assertThat(rita.averageResponse()).isCloseTo((60 + 60 + 400) / 3.0, within(0.001));
        assertThat(rita.resolution()).isCloseTo(600, within(0.001));
        assertThat(accepted(reporting.report(ADA_ADMIN, GroupBy.INBOX, T.minusSeconds(3600), T.plusSeconds(86_400))
                .block(PATIENCE))).filteredOn(report -> SHOP.equals(report.key())).singleElement()
                .satisfies(shop -> assertThat(shop.handled()).isEqualTo(2));
        assertThat(rejectionCode(reporting.report(BOB_AGENT, GroupBy.AGENT, T, T.plusSeconds(60)).block(PATIENCE)))
                .isEqualTo("directory.admin_only");
        assertThat(rejectionCode(reporting.report(ADA_ADMIN, GroupBy.AGENT, T, T).block(PATIENCE))).isEqualTo("report.invalid");
    }

    private static UUID conversation(Connection connection, Timestamp created, Timestamp resolved) throws Exception {
        UUID id = UUID.randomUUID();
        exec(connection, """
                INSERT INTO conversation (id, inbox_id, customer_id, department_id, status, owner_id, last_seq, created_at,
                                          last_activity_at, resolved_at)
                VALUES (?, ?, ?, ?, ?, ?, 10, ?, ?, ?)""", id, SHOP, ZOE, RETURNS, resolved == null ? "ACTIVE" : "CLOSED",
                RITA, created, created, resolved);
        return id;
    }

    private static void message(Connection connection, UUID conversation, long seq, String sender, Timestamp at) throws Exception {
        exec(connection, """
                INSERT INTO message (id, conversation_id, seq, sender_id, sender_kind, kind, body, created_at)
                VALUES (?, ?, ?, ?, ?, 'TEXT', 'text', ?)""", UUID.randomUUID(), conversation, seq,
                sender.equals("AGENT") ? RITA : ZOE, sender, at);
    }

    private static void event(Connection connection, UUID conversation, long seq, String type, Timestamp at) throws Exception {
        exec(connection, """
                INSERT INTO conversation_event (conversation_id, seq, event_id, type, agents_only, payload, occurred_at)
                VALUES (?, ?, ?, ?, false, '\\x7b7d', ?)""", conversation, seq, UUID.randomUUID(), type, at);
    }

    private static Timestamp at(long secondsAfterT) {
        return Timestamp.from(T.plusSeconds(secondsAfterT));
    }

    private static void exec(Connection connection, String sql, Object... values) throws Exception {
        try (var statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                statement.setObject(i + 1, values[i]);
            }
            statement.executeUpdate();
        }
    }
}
