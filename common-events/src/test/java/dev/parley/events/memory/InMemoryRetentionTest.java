package dev.parley.events.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.parley.events.EventEnvelope;
import dev.parley.events.TestEvents;
import dev.parley.events.bus.DeliverySettings;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/** The in-memory bus forgets what every group has handled, so a long-running standalone process does not fill its heap. */
class InMemoryRetentionTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final int EVENTS = 3 * TopicLog.KEEP;

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final InMemoryEventBus bus = new InMemoryEventBus(1, new DeliverySettings(3, Duration.ofMillis(10), Duration.ofMillis(50)), registry);
    private final UUID conversation = UUID.randomUUID();

    @AfterEach
    void close() {
        bus.close();
    }

    @Test
    void recordsEveryGroupHasHandledAreReleasedButTheNewestAreKept() {
        var worker = new Seqs();
        var gateway = new Seqs();
        bus.subscribe("conversations", "worker", worker);
        bus.subscribe("conversations", "gateway", gateway);

        publish(1, EVENTS);
        await().atMost(PATIENCE).until(() -> worker.count() == EVENTS && gateway.count() == EVENTS);
        publish(EVENTS + 1, EVENTS + 1); // releasing happens as records arrive

        assertThat(bus.readAll("conversations")).hasSize(TopicLog.KEEP);
        assertThat(retained()).isEqualTo(TopicLog.KEEP);
    }

    @Test
    void aGroupThatLagsKeepsWhatItHasNotHandled() {
        var fast = new Seqs();
        bus.subscribe("conversations", "fast", fast);
        var slow = new Seqs();
        var slowSubscription = bus.subscribe("conversations", "slow", slow);
        slowSubscription.close(); // the group stays, with nothing read: as if its only consumer were down

        publish(1, EVENTS);
        await().atMost(PATIENCE).until(() -> fast.count() == EVENTS);
        assertThat(retained()).isEqualTo(EVENTS);

        bus.subscribe("conversations", "slow", slow);
        await().atMost(PATIENCE).until(() -> slow.count() == EVENTS);
        assertThat(slow.seqs()).containsExactlyElementsOf(IntStream.rangeClosed(1, EVENTS).asLongStream().boxed().toList());
    }

    @Test
    void aGroupThatJoinsLateFindsAtLeastTheNewestRecordsKept() {
        var early = new Seqs();
        bus.subscribe("conversations", "early", early);
        publish(1, EVENTS);
        await().atMost(PATIENCE).until(() -> early.count() == EVENTS);

        var late = new Seqs();
        bus.subscribe("conversations", "late", late);

        await().atMost(PATIENCE).until(() -> late.seqs().contains((long) EVENTS));
        List<Long> seen = late.seqs();
        assertThat(seen).as("an unbroken run of the newest events").hasSizeGreaterThanOrEqualTo(TopicLog.KEEP)
                .containsExactlyElementsOf(IntStream.rangeClosed(EVENTS - seen.size() + 1, EVENTS).asLongStream().boxed().toList());
    }

    @Test
    void aTopicNobodyReadsKeepsOnlyTheNewest() {
        publish(1, EVENTS);

        assertThat(bus.readAll("conversations")).hasSize(TopicLog.KEEP);
    }

    private void publish(int from, int to) {
        bus.publishAll("conversations", IntStream.rangeClosed(from, to).mapToObj(seq -> TestEvents.message(conversation, seq)).toList())
                .block(PATIENCE);
    }

    private double retained() {
        return registry.get(InMemoryEventBus.RETAINED).tag("topic", "conversations").gauge().value();
    }

    private static final class Seqs implements dev.parley.events.bus.EventHandler {
        private final ConcurrentLinkedQueue<Long> seqs = new ConcurrentLinkedQueue<>();

        @Override
        public Mono<Void> handle(EventEnvelope event) {
            return Mono.fromRunnable(() -> seqs.add(event.seq()));
        }

        int count() {
            return seqs.size();
        }

        List<Long> seqs() {
            return List.copyOf(seqs);
        }
    }
}
