package dev.parley.conversation.core;

import static dev.parley.conversation.fixtures.Cast.ADA_ADMIN;
import static dev.parley.conversation.fixtures.Cast.BOB_AGENT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.parley.conversation.directory.application.DirectoryAdmin;
import dev.parley.conversation.identity.application.Customers;
import dev.parley.conversation.identity.domain.CustomerProfile;
import dev.parley.conversation.lifecycle.domain.Conversation;
import dev.parley.conversation.lifecycle.domain.ConversationStatus;
import dev.parley.conversation.messaging.application.MessageStore;
import dev.parley.conversation.messaging.domain.Message;
import dev.parley.conversation.messaging.domain.MessageKind;
import dev.parley.conversation.reports.application.ReportingSupport;
import dev.parley.conversation.reports.application.ReportingSupport.GroupBy;
import dev.parley.conversation.reports.application.SupportReport;
import dev.parley.events.Actor;
import dev.parley.events.Audience;
import dev.parley.events.EventData;
import dev.parley.events.EventEnvelope;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
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

    @Autowired
    private ReportingSupport reporting;
    @Autowired
    private DirectoryAdmin admin;
    @Autowired
    private Customers customers;
    @Autowired
    private MessageStore messageStore;
    private UUID zoe;

    @Test
    void reportNumbersMatchAScriptedHistory() {
        admin.createDepartment(new DirectoryAdmin.Department(RETURNS, "Returns"), at(0)).block(PATIENCE);
        admin.createInbox(new DirectoryAdmin.NewInbox(SHOP, "Shop", "pk_reports", "secret", List.of(), false, RETURNS),
                at(0)).block(PATIENCE);
        admin.createAgent(new DirectoryAdmin.NewAgent(RITA, "Rita", "rita@shop.test", "AGENT", 3, Set.of()), at(0))
                .block(PATIENCE);
        zoe = customers.createAnonymous(SHOP, new CustomerProfile(Optional.of("Zoe"), Optional.empty())).block(PATIENCE);

        // A: queued at T; answered after 60 s; a second turn of two messages answered 60 s after its first; resolved at T+600.
        UUID a = conversation(at(0), at(600));
        event(a, 1, at(0));
        message(a, 2, "CUSTOMER", at(0));
        message(a, 3, "AGENT", at(60));
        message(a, 4, "CUSTOMER", at(120));
        message(a, 5, "CUSTOMER", at(130));
        message(a, 6, "AGENT", at(180));
        // B: a bot conversation from T+1000, handed to the queue at T+1100, answered at T+1400; not resolved.
        UUID b = conversation(at(1000), null);
        message(b, 1, "CUSTOMER", at(1000));
        event(b, 2, at(1100));
        message(b, 3, "AGENT", at(1400));
        // C: started two days before the period; it must not count.
        UUID c = conversation(at(-172_800), at(-172_000));
        message(c, 1, "CUSTOMER", at(-172_800));
        message(c, 2, "AGENT", at(-172_790));

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

    /** Written through the store ports, as the use cases write history. */
    private UUID conversation(Instant created, Instant resolved) {
        UUID id = UUID.randomUUID();
        var conversation = new Conversation(id, SHOP, zoe, RETURNS,
                resolved == null ? ConversationStatus.ACTIVE : ConversationStatus.CLOSED, RITA, 10, null, false, created, created);
        conversations.insert(conversation).block(PATIENCE);
        if (resolved != null) {
            store.setResolvedAt(id, resolved);
        }
        return id;
    }

    private void message(UUID conversation, long seq, String sender, Instant at) {
        messageStore.insert(new Message(UUID.randomUUID(), conversation, seq, sender.equals("AGENT") ? RITA : zoe,
                Message.SenderKind.valueOf(sender), MessageKind.TEXT, "text", null, null, at, null, null)).block(PATIENCE);
    }

    private void event(UUID conversation, long seq, Instant at) {
        store.logEvent(EventEnvelope.of(UUID.randomUUID(), conversation, seq, at, Actor.system(),
                Audience.users(Set.of()), new EventData.ConversationQueued(RETURNS, at, false)));
    }

    private static Instant at(long secondsAfterT) {
        return T.plusSeconds(secondsAfterT);
    }
}
