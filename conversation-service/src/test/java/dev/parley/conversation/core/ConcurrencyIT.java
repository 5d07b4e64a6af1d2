package dev.parley.conversation.core;

import static dev.parley.conversation.fixtures.Cast.ALICE_CUSTOMER;
import static dev.parley.conversation.fixtures.Cast.BEA_CUSTOMER;
import static dev.parley.conversation.fixtures.Cast.WORKER;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.conversation.lifecycle.domain.Conversation;
import dev.parley.conversation.lifecycle.domain.ConversationStatus;
import dev.parley.conversation.lifecycle.domain.LifecycleCommand;
import dev.parley.conversation.messaging.application.SendingMessage;
import dev.parley.conversation.messaging.domain.MessageKind;
import dev.parley.conversation.messaging.domain.SendMessage;
import dev.parley.conversation.shared.domain.Outcome;
import dev.parley.events.EventEnvelope;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

/** What must hold however many requests race: seqs, idempotency, single winner, capacity. */
class ConcurrencyIT extends CoreTestBase {

    @Test
    void fiftyParallelSendersGetGapFreeUniqueSeqs() {
        Conversation conversation = queuedConversationOf(ALICE_CUSTOMER);

        List<Outcome<SendingMessage.Sent>> outcomes = Flux.range(0, 50)
                .flatMap(i -> sending.send(ALICE_CUSTOMER, new SendMessage(conversation.id(), "parallel-" + i,
                        "message " + i, MessageKind.TEXT, null)).subscribeOn(Schedulers.parallel()), 50)
                .collectList().block(PATIENCE);

        List<Long> seqs = outcomes.stream().map(CoreTestBase::accepted).map(sent -> sent.message().seq()).toList();
        assertThat(seqs).hasSize(50).doesNotHaveDuplicates();
        long last = stored(conversation.id()).lastSeq();
        assertThat(events(conversation.id())).extracting(EventEnvelope::seq)
                .as("every seq from 1 to the last, once")
                .containsExactlyElementsOf(LongStream.rangeClosed(1, last).boxed().toList());
        assertThat(messages(conversation.id())).filteredOn(m -> m.clientMsgId() != null && m.clientMsgId().startsWith("parallel-"))
                .hasSize(50);
    }

    @Test
    void retriesWithTheSameClientMessageIdGiveOneMessage() {
        Conversation conversation = queuedConversationOf(BEA_CUSTOMER);

        List<SendingMessage.Sent> sent = Flux.range(0, 10)
                .flatMap(i -> sending.send(BEA_CUSTOMER, new SendMessage(conversation.id(), "retry-me",
                        "only once", MessageKind.TEXT, null)).subscribeOn(Schedulers.parallel()), 10)
                .map(CoreTestBase::accepted).collectList().block(PATIENCE);

        assertThat(sent.stream().map(s -> s.message().id()).distinct()).hasSize(1);
        assertThat(sent.stream().filter(s -> !s.duplicate())).hasSize(1);
        assertThat(messages(conversation.id())).filteredOn(m -> "retry-me".equals(m.clientMsgId())).hasSize(1);
        assertThat(outboxJson()).filteredOn(json -> json.contains("\"clientMsgId\":\"retry-me\""))
                .as("one message.created event in the outbox").hasSize(1);
    }

    @Test
    void twentyParallelAssignsOfOneConversationHaveExactlyOneWinner() {
        List<UUID> agents = extraAgents("single", 20, 3);
        Conversation conversation = queuedConversationOf(ALICE_CUSTOMER);

        List<Outcome<Conversation>> outcomes = Flux.fromIterable(agents)
                .flatMap(agent -> lifecycle.apply(WORKER, conversation.id(), new LifecycleCommand.Assign(agent))
                        .subscribeOn(Schedulers.parallel()), agents.size())
                .collectList().block(PATIENCE);

        assertThat(outcomes.stream().filter(o -> o instanceof Outcome.Accepted)).as(outcomes.toString()).hasSize(1);
        UUID winner = outcomes.stream().filter(o -> o instanceof Outcome.Accepted).map(CoreTestBase::accepted)
                .findFirst().orElseThrow().ownerId();
        assertThat(stored(conversation.id()).ownerId()).isEqualTo(winner);
        assertThat(agents.stream().mapToInt(agent -> agent(agent).openCount()).sum()).isEqualTo(1);
        assertThat(eventTypes(conversation.id())).filteredOn("conversation.assigned"::equals).hasSize(1);
    }

    @Test
    void parallelAssignsToOneAgentNeverExceedTheirCapacity() {
        UUID agent = extraAgents("capacity", 1, 3).get(0);
        List<Conversation> queued = IntStream.range(0, 12).mapToObj(i -> queuedConversationOf(BEA_CUSTOMER)).toList();

        long winners = Flux.fromIterable(queued)
                .flatMap(c -> lifecycle.apply(WORKER, c.id(), new LifecycleCommand.Assign(agent))
                        .subscribeOn(Schedulers.parallel()), queued.size())
                .filter(o -> o instanceof Outcome.Accepted).count().block(PATIENCE);

        assertThat(winners).isEqualTo(3);
        assertThat(agent(agent).openCount()).isEqualTo(3);
        assertThat(queued.stream().map(c -> stored(c.id()))
                .filter(c -> agent.equals(c.ownerId()) && c.status() == ConversationStatus.ACTIVE)).hasSize(3);
    }

    private List<UUID> extraAgents(String prefix, int count, int capacity) {
        var ids = new java.util.ArrayList<UUID>();
        for (int i = 0; i < count; i++) {
            UUID id = UUID.randomUUID();
            store.addAgent(id, prefix + "-" + i, capacity);
            ids.add(id);
        }
        return ids;
    }
}
