package dev.parley.conversation.core;

import static dev.parley.conversation.fixtures.Cast.ADA_ADMIN;
import static dev.parley.conversation.fixtures.Cast.ALICE_CUSTOMER;
import static dev.parley.conversation.fixtures.Cast.BOB;
import static dev.parley.conversation.fixtures.Cast.BOB_AGENT;
import static dev.parley.conversation.fixtures.Cast.CAROL;
import static dev.parley.conversation.fixtures.Cast.ERIN_CUSTOMER;
import static dev.parley.conversation.fixtures.Cast.WORKER;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.conversation.directory.domain.AgentStatus;
import dev.parley.conversation.lifecycle.domain.Conversation;
import dev.parley.conversation.lifecycle.domain.ConversationStatus;
import dev.parley.conversation.lifecycle.domain.LifecycleCommand;
import dev.parley.conversation.lifecycle.domain.Participant;
import dev.parley.conversation.messaging.domain.Message;
import dev.parley.conversation.messaging.domain.MessageKind;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

class LifecycleIT extends CoreTestBase {

    @Autowired
    private MeterRegistry meters;

    @Test
    void talkToAgentIsIdempotentUnderRepeatedClicks() {
        Conversation conversation = start(ERIN_CUSTOMER);
        assertThat(conversation.status()).isEqualTo(ConversationStatus.BOT);

        List<Conversation> results = Flux.range(0, 5)
                .flatMap(i -> lifecycle.apply(ERIN_CUSTOMER, conversation.id(), new LifecycleCommand.TalkToAgent())
                        .subscribeOn(Schedulers.parallel()), 5)
                .map(CoreTestBase::accepted).collectList().block(PATIENCE);

        assertThat(results).allSatisfy(c -> assertThat(c.status()).isEqualTo(ConversationStatus.QUEUED));
        assertThat(typesOf(conversation.id())).filteredOn("conversation.queued"::equals).hasSize(1);
        assertThat(systemMessages(conversation.id())).filteredOn(text -> text.contains("in the queue")).hasSize(1);
    }

    @Test
    void anAssignmentWritesItsEventsAndASystemMessage() {
        Conversation conversation = queuedConversationOf(ALICE_CUSTOMER);

        Conversation assigned = accepted(apply(WORKER, conversation.id(), new LifecycleCommand.Assign(BOB)));

        assertThat(assigned.status()).isEqualTo(ConversationStatus.ACTIVE);
        assertThat(assigned.ownerId()).isEqualTo(BOB);
        assertThat(typesOf(conversation.id())).containsSubsequence("conversation.status_changed",
                "conversation.assigned", "conversation.participant_joined", "message.created");
        assertThat(systemMessages(conversation.id())).last().isEqualTo("Bob joined the conversation.");
        assertThat(participantsOf(conversation.id())).filteredOn(Participant::isActive).extracting(Participant::userId)
                .containsExactly(ALICE_CUSTOMER.customerId(), BOB);
    }

    @Test
    void aCustomerReplyReopensAResolvedConversationIntoTheQueue() {
        Conversation conversation = assignedTo(BOB);
        long seatsBefore = seatsOf(BOB);
        accepted(apply(BOB_AGENT, conversation.id(), new LifecycleCommand.Resolve()));
        assertThat(seatsOf(BOB)).isEqualTo(seatsBefore - 1);

        accepted(send(ALICE_CUSTOMER, conversation.id(), "reopen-" + UUID.randomUUID(), "Actually, one more thing"));

        assertThat(stored(conversation.id()).status()).isEqualTo(ConversationStatus.QUEUED);
        assertThat(systemMessages(conversation.id())).last().asString().contains("reopened");
        assertThat(seatsOf(BOB)).isEqualTo(seatsBefore - 1);
    }

    @Test
    void aCustomerReplyToAClosedConversationIsRefusedAndChangesNothing() {
        Conversation conversation = assignedTo(BOB);
        accepted(apply(BOB_AGENT, conversation.id(), new LifecycleCommand.Close()));
        long lastSeq = stored(conversation.id()).lastSeq();

        assertThat(rejectionCode(send(ALICE_CUSTOMER, conversation.id(), "late", "Hello?"))).isEqualTo("conversation.closed");
        assertThat(stored(conversation.id()).lastSeq()).isEqualTo(lastSeq);
    }

    @Test
    void transferToAnotherAgentMovesTheSeatAndTheParticipant() {
        Conversation conversation = assignedTo(BOB);
        long bob = seatsOf(BOB);
        long carol = seatsOf(CAROL);

        Conversation transferred = accepted(apply(BOB_AGENT, conversation.id(), new LifecycleCommand.TransferToAgent(CAROL)));

        assertThat(transferred.ownerId()).isEqualTo(CAROL);
        assertThat(seatsOf(BOB)).isEqualTo(bob - 1);
        assertThat(seatsOf(CAROL)).isEqualTo(carol + 1);
        assertThat(participantsOf(conversation.id())).filteredOn(p -> p.isActive() && p.role() == Participant.Role.AGENT)
                .extracting(Participant::userId).containsExactly(CAROL);
    }

    @Test
    void requeueAfterTheOwnerWentOfflinePutsTheConversationFirstInLine() {
        Conversation conversation = assignedTo(BOB);

        Conversation requeued = accepted(apply(WORKER, conversation.id(), new LifecycleCommand.Requeue()));

        assertThat(requeued.status()).isEqualTo(ConversationStatus.QUEUED);
        assertThat(requeued.ownerId()).isNull();
        assertThat(stored(conversation.id()).queuePriority()).isTrue();
    }

    @Test
    void illegalTransitionsAreRefusedWithAStableCode() {
        Conversation conversation = assignedTo(BOB);

        assertThat(rejectionCode(apply(WORKER, conversation.id(), new LifecycleCommand.Assign(CAROL))))
                .isEqualTo("conversation.illegal_transition");
        assertThat(rejectionCode(apply(ADA_ADMIN, UUID.randomUUID(), new LifecycleCommand.Resolve())))
                .isEqualTo("conversation.not_found");
    }

    @Test
    void onlyAnOnlineAgentWithAFreeSeatCanBeAssigned() {
        Conversation conversation = queuedConversationOf(ALICE_CUSTOMER);
        directory.changeStatus(CAROL, AgentStatus.AWAY, Instant.now()).block(PATIENCE);
        try {
            assertThat(rejectionCode(apply(WORKER, conversation.id(), new LifecycleCommand.Assign(CAROL))))
                    .isEqualTo("agent.unavailable");
            assertThat(stored(conversation.id()).status()).isEqualTo(ConversationStatus.QUEUED);
        } finally {
            directory.changeStatus(CAROL, AgentStatus.ONLINE, Instant.now()).block(PATIENCE);
        }
    }

    @Test
    void supportMetersCountTheFirstAgentReplyOnceAndEachResolution() {
        Conversation conversation = assignedTo(BOB);
        long firstResponses = count("parley.support.first.response");
        long resolutions = count("parley.support.resolution");

        accepted(send(BOB_AGENT, conversation.id(), "first-" + UUID.randomUUID(), "Hi, how can I help?"));
        accepted(send(BOB_AGENT, conversation.id(), "second-" + UUID.randomUUID(), "Still there?"));
        accepted(apply(BOB_AGENT, conversation.id(), new LifecycleCommand.Resolve()));

        assertThat(count("parley.support.first.response")).isEqualTo(firstResponses + 1);
        assertThat(count("parley.support.resolution")).isEqualTo(resolutions + 1);
    }

    private long count(String timer) {
        return meters.find(timer).timers().stream().mapToLong(Timer::count).sum();
    }

    private Conversation assignedTo(UUID agent) {
        Conversation conversation = queuedConversationOf(ALICE_CUSTOMER);
        return accepted(apply(WORKER, conversation.id(), new LifecycleCommand.Assign(agent)));
    }

    private long seatsOf(UUID agent) {
        return agent(agent).openCount();
    }

    private List<String> typesOf(UUID conversation) {
        return eventTypes(conversation);
    }

    private List<String> systemMessages(UUID conversation) {
        return messages(conversation).stream().filter(m -> m.kind() == MessageKind.SYSTEM).map(Message::body).toList();
    }
}
