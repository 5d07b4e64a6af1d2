package dev.parley.conversation.core;

import static dev.parley.conversation.fixtures.Cast.ALICE_CUSTOMER;
import static dev.parley.conversation.fixtures.Cast.BEA_CUSTOMER;
import static dev.parley.conversation.fixtures.Cast.BOB;
import static dev.parley.conversation.fixtures.Cast.BOB_AGENT;
import static dev.parley.conversation.fixtures.Cast.WORKER;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.conversation.ConversationServiceApplication;
import dev.parley.conversation.fixtures.ClassDatabase;
import dev.parley.conversation.identity.domain.Caller;
import dev.parley.conversation.lifecycle.domain.Conversation;
import dev.parley.conversation.lifecycle.domain.LifecycleCommand;
import dev.parley.conversation.lifecycle.domain.Participant;
import dev.parley.conversation.messaging.application.MarkingRead;
import dev.parley.conversation.messaging.application.SendingMessage;
import dev.parley.conversation.messaging.domain.MessageKind;
import dev.parley.conversation.messaging.domain.SendMessage;
import dev.parley.events.Audience;
import dev.parley.events.EventEnvelope;
import dev.parley.testsupport.TestDatabase;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

/**
 * Messages and read receipts are decided on a snapshot without a lock and saved under a guard
 * (docs/architecture.md, "The append"). Two instances on one database each keep their own
 * snapshots, so each keeps deciding on state the other has moved on: what must hold is that
 * nothing is ever saved on a stale decision, whoever wins each race.
 */
class TwoInstancesIT extends CoreTestBase {

    private static ConfigurableApplicationContext other;

    @Autowired
    private MarkingRead reading;
    private SendingMessage otherSending;
    private MarkingRead otherReading;

    @BeforeEach
    void startTheOtherInstance() {
        if (other == null) {
            TestDatabase database = ClassDatabase.database();
            other = new SpringApplicationBuilder(ConversationServiceApplication.class).run(
                    "--server.port=0", "--parley.engine=memory", "--parley.conversation.inactivity.enabled=false",
                    "--parley.outbox.relay-enabled=false", "--spring.r2dbc.url=" + database.r2dbcUrl(),
                    "--spring.r2dbc.username=" + database.username(), "--spring.r2dbc.password=" + database.password(),
                    "--spring.flyway.url=" + database.jdbcUrl(), "--spring.flyway.user=" + database.username(),
                    "--spring.flyway.password=" + database.password());
        }
        otherSending = other.getBean(SendingMessage.class);
        otherReading = other.getBean(MarkingRead.class);
    }

    @AfterAll
    static void stopTheOtherInstance() {
        if (other != null) {
            other.close();
            other = null;
        }
    }

    @Test
    void aCustomerAndAnAgentWritingThroughTwoInstancesGetGapFreeSeqsAndEveryMessageOnce() {
        Conversation conversation = activeWithBob(ALICE_CUSTOMER);
        // both instances hold a snapshot now, and each write below makes the other's stale
        send(sending, ALICE_CUSTOMER, conversation, "warm-1");
        send(otherSending, BOB_AGENT, conversation, "warm-2");

        List<SendingMessage.Sent> sent = Flux.range(0, 60)
                .flatMap(i -> (i % 2 == 0
                        ? sendAsync(sending, ALICE_CUSTOMER, conversation, "alice-" + i)
                        : sendAsync(otherSending, BOB_AGENT, conversation, "bob-" + i))
                        .subscribeOn(Schedulers.parallel()), 16)
                .collectList().block(PATIENCE);

        assertThat(sent).hasSize(60).noneMatch(SendingMessage.Sent::duplicate);
        assertThat(sent.stream().map(s -> s.message().seq())).doesNotHaveDuplicates();
        long last = stored(conversation.id()).lastSeq();
        assertThat(events(conversation.id())).extracting(EventEnvelope::seq)
                .containsExactlyElementsOf(LongStream.rangeClosed(1, last).boxed().toList());
        assertThat(messages(conversation.id())).extracting(m -> m.clientMsgId())
                .filteredOn(id -> id != null && (id.startsWith("alice-") || id.startsWith("bob-")))
                .hasSize(60).doesNotHaveDuplicates();
        assertThat(outboxJson()).filteredOn(json -> json.contains("\"clientMsgId\":\"alice-")
                        || json.contains("\"clientMsgId\":\"bob-"))
                .as("each message once in the outbox").hasSize(60);
    }

    @Test
    void aRetryThroughTheOtherInstanceReturnsTheOriginal() {
        Conversation conversation = activeWithBob(BEA_CUSTOMER);

        List<SendingMessage.Sent> sent = Flux.range(0, 20)
                .flatMap(i -> sendAsync(i % 2 == 0 ? sending : otherSending, BEA_CUSTOMER, conversation, "twice")
                        .subscribeOn(Schedulers.parallel()), 20)
                .collectList().block(PATIENCE);

        assertThat(sent.stream().map(s -> s.message().id()).distinct()).hasSize(1);
        assertThat(sent.stream().map(s -> s.message().seq()).distinct()).hasSize(1);
        assertThat(sent).filteredOn(s -> !s.duplicate()).hasSize(1);
        assertThat(messages(conversation.id())).filteredOn(m -> "twice".equals(m.clientMsgId())).hasSize(1);
    }

    @Test
    void aSendDecidedBeforeTheConversationWasResolvedElsewhereReopensItInsteadOfIgnoringIt() {
        Conversation conversation = activeWithBob(ALICE_CUSTOMER);
        send(otherSending, ALICE_CUSTOMER, conversation, "before"); // the other instance's snapshot: ACTIVE
        accepted(apply(BOB_AGENT, conversation.id(), new LifecycleCommand.Resolve()));

        send(otherSending, ALICE_CUSTOMER, conversation, "after resolving");

        assertThat(stored(conversation.id()).status().name()).as("a customer's reply reopens").isEqualTo("QUEUED");
        assertThat(eventTypes(conversation.id())).containsSubsequence("conversation.status_changed",
                "message.created", "conversation.status_changed");
    }

    @Test
    void readReceiptsRacingThroughTwoInstancesNeverMoveAWatermarkBack() {
        Conversation conversation = activeWithBob(BEA_CUSTOMER);
        for (int i = 0; i < 20; i++) {
            send(sending, BEA_CUSTOMER, conversation, "to-read-" + i);
        }
        long last = stored(conversation.id()).lastSeq();

        Flux.range(1, (int) last)
                .flatMap(seq -> (seq % 2 == 0 ? reading : otherReading).mark(BOB_AGENT, conversation.id(), seq, seq)
                        .map(CoreTestBase::accepted).subscribeOn(Schedulers.parallel()), 8)
                .blockLast(PATIENCE);

        Participant bob = participantsOf(conversation.id()).stream().filter(p -> p.userId().equals(BOB)).findFirst().orElseThrow();
        assertThat(bob.lastReadSeq()).isEqualTo(last);
        List<Long> announced = outboxJson().stream().filter(json -> json.contains("\"type\":\"read.updated\"")
                        && json.contains(conversation.id().toString()))
                .map(json -> Long.parseLong(json.replaceAll(".*\"lastReadSeq\":(\\d+).*", "$1"))).toList();
        assertThat(announced).as("each receipt that moved the watermark, and only those").isSorted().doesNotHaveDuplicates()
                .last().isEqualTo(last);
    }

    @Test
    void onlyTheConversationsOwnChangesGoToItsDepartmentMessagesGoToItsPeople() {
        Conversation conversation = activeWithBob(ALICE_CUSTOMER);
        send(sending, ALICE_CUSTOMER, conversation, "just for us");

        List<EventEnvelope> events = events(conversation.id());

        assertThat(events).filteredOn(e -> e.type().startsWith("conversation."))
                .allSatisfy(e -> assertThat(e.audience().named()).contains(Audience.department(conversation.departmentId())));
        assertThat(events).filteredOn(e -> e.type().startsWith("message."))
                .allSatisfy(e -> assertThat(e.audience().named()).isEmpty());
        assertThat(events.get(events.size() - 1).audience().users()).containsExactlyInAnyOrder(ALICE_CUSTOMER.customerId(), BOB);
    }

    private Conversation activeWithBob(Caller.Customer customer) {
        Conversation conversation = queuedConversationOf(customer);
        return accepted(apply(WORKER, conversation.id(), new LifecycleCommand.Assign(BOB)));
    }

    private static void send(SendingMessage through, Caller caller, Conversation conversation, String clientMsgId) {
        sendAsync(through, caller, conversation, clientMsgId).block(PATIENCE);
    }

    private static reactor.core.publisher.Mono<SendingMessage.Sent> sendAsync(SendingMessage through, Caller caller,
                                                                           Conversation conversation, String clientMsgId) {
        return through.send(caller, new SendMessage(conversation.id(), clientMsgId, "text of " + clientMsgId,
                MessageKind.TEXT, null)).map(CoreTestBase::accepted);
    }
}
