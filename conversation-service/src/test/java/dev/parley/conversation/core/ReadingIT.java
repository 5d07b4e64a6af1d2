package dev.parley.conversation.core;

import static dev.parley.conversation.fixtures.Cast.ALICE_CUSTOMER;
import static dev.parley.conversation.fixtures.Cast.BOB;
import static dev.parley.conversation.fixtures.Cast.BOB_AGENT;
import static dev.parley.conversation.fixtures.Cast.CAROL;
import static dev.parley.conversation.fixtures.Cast.DAN_AGENT;
import static dev.parley.conversation.fixtures.Cast.SUPPORT;
import static dev.parley.conversation.fixtures.Cast.BILLING;
import static dev.parley.conversation.fixtures.Cast.WORKER;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.conversation.lifecycle.domain.Conversation;
import dev.parley.conversation.lifecycle.domain.LifecycleCommand;
import dev.parley.conversation.messaging.domain.Message;
import dev.parley.conversation.reading.application.ConversationQueries.ConversationSummary;
import dev.parley.conversation.reading.application.ReadingConversations;
import dev.parley.conversation.reading.application.ReadingConversations.View;
import dev.parley.events.EventEnvelope;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class ReadingIT extends CoreTestBase {

    @Autowired
    private ReadingConversations reading;

    @Test
    void historyPagesWalkBackAndForthBySeqWithoutGapsOrOverlap() {
        Conversation conversation = queuedConversationOf(ALICE_CUSTOMER);
        for (int i = 0; i < 25; i++) {
            accepted(send(ALICE_CUSTOMER, conversation.id(), "page-" + i, "message " + i));
        }

        var newest = accepted(reading.history(ALICE_CUSTOMER, conversation.id(), null, null, 10).block(PATIENCE));
        var older = accepted(reading.history(ALICE_CUSTOMER, conversation.id(), newest.messages().get(0).seq(), null, 10).block(PATIENCE));
        var forward = accepted(reading.history(ALICE_CUSTOMER, conversation.id(), null, older.messages().get(9).seq(), 10).block(PATIENCE));

        assertThat(seqs(newest.messages())).isSorted().hasSize(10);
        assertThat(seqs(older.messages()).get(9)).isLessThan(seqs(newest.messages()).get(0));
        assertThat(forward.messages()).isEqualTo(newest.messages());
        assertThat(newest.more()).isTrue();
        assertThat(rejectionCode(reading.history(ALICE_CUSTOMER, conversation.id(), 5L, 1L, 10).block(PATIENCE)))
                .isEqualTo("page.invalid");
    }

    @Test
    void eventsSinceASeqResumeInOrderAcrossPages() {
        Conversation conversation = queuedConversationOf(ALICE_CUSTOMER);
        for (int i = 0; i < 12; i++) {
            accepted(send(ALICE_CUSTOMER, conversation.id(), "resume-" + i, "message " + i));
        }
        long last = accepted(reading.detail(ALICE_CUSTOMER, conversation.id()).block(PATIENCE)).conversation().lastSeq();

        var seen = new ArrayList<Long>();
        long through = 0;
        boolean more = true;
        while (more) {
            var page = accepted(reading.eventsSince(ALICE_CUSTOMER, conversation.id(), through, 5).block(PATIENCE));
            page.events().stream().map(EventEnvelope::seq).forEach(seen::add);
            through = page.throughSeq();
            more = page.more();
        }

        assertThat(seen).containsExactlyElementsOf(LongStream.rangeClosed(1, last).boxed().toList());
        assertThat(through).isEqualTo(last);
    }

    @Test
    void listsShowTheRightConversationsWithTheCallersUnreadCounts() throws Exception {
        Conversation mine = queuedConversationOf(ALICE_CUSTOMER);
        accepted(apply(WORKER, mine.id(), new LifecycleCommand.Assign(BOB)));
        accepted(send(ALICE_CUSTOMER, mine.id(), "unread-1", "Are you there?"));
        accepted(send(ALICE_CUSTOMER, mine.id(), "unread-2", "Hello?"));
        Conversation waiting = queuedConversationOf(ALICE_CUSTOMER);

        List<ConversationSummary> bobs = accepted(reading.list(BOB_AGENT, View.MINE, null, null, 50).block(PATIENCE)).conversations();
        List<ConversationSummary> queue = accepted(reading.list(BOB_AGENT, View.QUEUE, SUPPORT, null, 200).block(PATIENCE)).conversations();

        assertThat(bobs).extracting(ConversationSummary::id).contains(mine.id()).doesNotContain(waiting.id());
        assertThat(bobs).filteredOn(s -> s.id().equals(mine.id())).singleElement().satisfies(summary -> {
            assertThat(summary.unread()).isEqualTo(2);
            assertThat(summary.lastMessagePreview()).isEqualTo("Hello?");
        });
        assertThat(queue).extracting(ConversationSummary::id).contains(waiting.id()).doesNotContain(mine.id());
        assertThat(rejectionCode(reading.list(DAN_AGENT, View.QUEUE, SUPPORT, null, 50).block(PATIENCE)))
                .isEqualTo("conversation.forbidden");
        assertThat(accepted(reading.list(DAN_AGENT, View.QUEUE, BILLING, null, 50).block(PATIENCE)).conversations())
                .extracting(ConversationSummary::id).doesNotContain(waiting.id());
    }

    @Test
    void theWorkerListsTheOpenConversationsAnAgentOwns() {
        Conversation owned = queuedConversationOf(ALICE_CUSTOMER);
        accepted(apply(WORKER, owned.id(), new LifecycleCommand.Assign(BOB)));
        Conversation waiting = queuedConversationOf(ALICE_CUSTOMER);

        List<ConversationSummary> open = accepted(reading.openOwnedBy(WORKER, BOB).block(PATIENCE));

        assertThat(open).extracting(ConversationSummary::id).contains(owned.id()).doesNotContain(waiting.id());
        assertThat(open).extracting(ConversationSummary::ownerId).containsOnly(BOB);
        assertThat(rejectionCode(reading.openOwnedBy(BOB_AGENT, BOB).block(PATIENCE))).isEqualTo("conversation.forbidden");
    }

    @Test
    void theRoundRobinPositionIsTheOwnerOfTheLatestAssignment() {
        Conversation first = queuedConversationOf(ALICE_CUSTOMER);
        Conversation second = queuedConversationOf(ALICE_CUSTOMER);

        accepted(apply(WORKER, first.id(), new LifecycleCommand.Assign(CAROL)));
        assertThat(accepted(reading.lastAssignee(WORKER, SUPPORT).block(PATIENCE)).agentId()).isEqualTo(CAROL);
        accepted(apply(WORKER, second.id(), new LifecycleCommand.Assign(BOB)));

        assertThat(accepted(reading.lastAssignee(WORKER, SUPPORT).block(PATIENCE)).agentId()).isEqualTo(BOB);
        assertThat(accepted(reading.lastAssignee(WORKER, UUID.randomUUID()).block(PATIENCE)).agentId()).isNull();
        assertThat(rejectionCode(reading.lastAssignee(BOB_AGENT, SUPPORT).block(PATIENCE))).isEqualTo("conversation.forbidden");
    }

    @Test
    void aListIsWalkedPageByPageWithACursor() {
        for (int i = 0; i < 7; i++) {
            queuedConversationOf(ALICE_CUSTOMER);
        }
        var all = accepted(reading.list(ALICE_CUSTOMER, View.MINE, null, null, 200).block(PATIENCE)).conversations();

        var walked = new ArrayList<ConversationSummary>();
        var page = accepted(reading.list(ALICE_CUSTOMER, View.MINE, null, null, 3).block(PATIENCE));
        walked.addAll(page.conversations());
        while (page.next() != null) {
            page = accepted(reading.list(ALICE_CUSTOMER, View.MINE, null, page.next(), 3).block(PATIENCE));
            walked.addAll(page.conversations());
        }

        assertThat(walked).extracting(ConversationSummary::id).containsExactlyElementsOf(
                all.stream().map(ConversationSummary::id).toList());
    }

    @Test
    void theClosedListHoldsTheResolvedAndClosedConversationsOfTheAgentsDepartments() {
        Conversation resolved = queuedConversationOf(ALICE_CUSTOMER);
        accepted(apply(WORKER, resolved.id(), new LifecycleCommand.Assign(BOB)));
        accepted(apply(BOB_AGENT, resolved.id(), new LifecycleCommand.Resolve()));
        Conversation closed = queuedConversationOf(ALICE_CUSTOMER);
        accepted(apply(WORKER, closed.id(), new LifecycleCommand.Assign(BOB)));
        accepted(apply(BOB_AGENT, closed.id(), new LifecycleCommand.Close()));
        Conversation stillOpen = queuedConversationOf(ALICE_CUSTOMER);

        List<ConversationSummary> listed = accepted(reading.list(BOB_AGENT, View.CLOSED, null, null, 200).block(PATIENCE)).conversations();

        assertThat(listed).extracting(ConversationSummary::id).contains(resolved.id(), closed.id()).doesNotContain(stillOpen.id());
        assertThat(listed).extracting(ConversationSummary::status).containsOnly("RESOLVED", "CLOSED");
        assertThat(accepted(reading.list(DAN_AGENT, View.CLOSED, BILLING, null, 200).block(PATIENCE)).conversations())
                .extracting(ConversationSummary::id).doesNotContain(resolved.id(), closed.id());
    }

    @Test
    void theCustomerSidebarShowsWhoTheCustomerIsAndTheirConversationsToAgentsWhoMayReadIt() {
        store.setCustomerMetadata(ALICE_CUSTOMER.customerId(), Map.of("plan", "Gold", "company", "Acme"));
        Conversation earlier = queuedConversationOf(ALICE_CUSTOMER);
        accepted(apply(WORKER, earlier.id(), new LifecycleCommand.Assign(BOB)));
        accepted(apply(BOB_AGENT, earlier.id(), new LifecycleCommand.Resolve()));
        Conversation now = queuedConversationOf(ALICE_CUSTOMER);

        ReadingConversations.CustomerView view = accepted(reading.customer(BOB_AGENT, now.id()).block(PATIENCE));

        assertThat(view.customer().name()).isEqualTo("Alice");
        assertThat(view.customer().attributes()).containsExactly(Map.entry("company", "Acme"), Map.entry("plan", "Gold"));
        assertThat(view.conversations()).extracting(ConversationSummary::id).contains(now.id(), earlier.id());
        assertThat(view.conversations()).extracting(ConversationSummary::customerId).containsOnly(ALICE_CUSTOMER.customerId());
        assertThat(rejectionCode(reading.customer(DAN_AGENT, now.id()).block(PATIENCE))).isEqualTo("conversation.forbidden");
        assertThat(rejectionCode(reading.customer(ALICE_CUSTOMER, now.id()).block(PATIENCE))).isEqualTo("conversation.forbidden");
    }

    private static List<Long> seqs(List<Message> messages) {
        return messages.stream().map(Message::seq).toList();
    }
}
