package dev.parley.events.bus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.parley.events.EventEnvelope;
import dev.parley.events.TestEvents;
import dev.parley.events.Topics;
import dev.parley.events.json.EventCodec;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The guarantees of {@link EventBus}, run against every adapter (in-memory as a unit test, Kafka
 * against a real broker). An adapter passes by extending this class; the two must be
 * indistinguishable here.
 */
public abstract class EventBusContract {

    /** Partitions every adapter under test is configured with. */
    protected static final int PARTITIONS = 4;
    /** Kafka needs seconds for a group to form; memory needs none. Generous for shared CI machines. */
    private static final Duration PATIENCE = Duration.ofSeconds(90);
    private static final DeliverySettings FAST_RETRIES =
            new DeliverySettings(3, Duration.ofMillis(10), Duration.ofMillis(50));

    /** A record as stored in a topic, bypassing the codec. */
    public record RawRecord(String key, byte[] value, Map<String, String> headers) {
    }

    private final MeterRegistry registry = new SimpleMeterRegistry();
    private final EventCodec codec = new EventCodec();
    private final List<EventSubscription> subscriptions = new ArrayList<>();
    private EventBus bus;
    private String topic;

    /** A new bus with {@link #PARTITIONS} partitions per topic. */
    protected abstract EventBus createBus(MeterRegistry registry, DeliverySettings delivery);

    /** A topic name no other test uses. */
    protected abstract String uniqueTopic();

    /** Appends bytes to a topic as a foreign or broken producer would, bypassing the codec. */
    protected abstract void appendRaw(String topic, String key, byte[] value);

    /** Every record currently in the topic. */
    protected abstract List<RawRecord> readAll(String topic);

    @BeforeEach
    void createBusAndTopic() {
        bus = createBus(registry, FAST_RETRIES);
        topic = uniqueTopic();
    }

    @AfterEach
    void closeBus() {
        subscriptions.forEach(EventSubscription::close);
        bus.close();
    }

    @Test
    void eventsOfOneKeyArriveInPublishOrderUnderConcurrentPublishers() {
        var received = new Received();
        subscribe("order", received);
        List<UUID> conversations = IntStream.range(0, 16).mapToObj(i -> UUID.randomUUID()).toList();
        int perConversation = 40;

        Flux.fromIterable(conversations)
                .flatMap(conversation -> Flux.range(1, perConversation)
                        .concatMap(seq -> bus.publish(topic, TestEvents.message(conversation, seq)))
                        .subscribeOn(Schedulers.parallel()), conversations.size())
                .blockLast(PATIENCE);

        await().atMost(PATIENCE).until(() -> received.size() >= conversations.size() * perConversation);
        List<Long> expected = LongRange.closed(1, perConversation);
        for (UUID conversation : conversations) {
            assertThat(received.seqsOf(conversation)).as("seqs of %s", conversation).isEqualTo(expected);
        }
    }

    @Test
    void anEventNotAcknowledgedWhenItsConsumerStopsIsDeliveredAgain() {
        UUID conversation = UUID.randomUUID();
        bus.publishAll(topic, List.of(TestEvents.message(conversation, 1), TestEvents.message(conversation, 2),
                TestEvents.message(conversation, 3))).block(PATIENCE);
        var seenByFirst = new CopyOnWriteArrayList<Long>();
        EventSubscription first = subscribe("redelivery", event -> {
            seenByFirst.add(event.seq());
            return event.seq() == 2 ? Mono.never() : Mono.empty();
        });
        await().atMost(PATIENCE).until(() -> seenByFirst.contains(2L));

        first.close();
        var second = new Received();
        subscribe("redelivery", second);

        await().atMost(PATIENCE).until(() -> second.seqsOf(conversation).contains(3L));
        assertThat(seenByFirst).containsExactly(1L, 2L);
        assertThat(second.seqsOf(conversation)).containsExactly(2L, 3L);
    }

    @Test
    void twoConsumersOfOneGroupSharePartitionsWithoutDoubleProcessing() {
        var left = new Received();
        var right = new Received();
        EventSubscription a = subscribe("shared", left);
        EventSubscription b = subscribe("shared", right);
        await().atMost(PATIENCE).until(() -> splitsAllPartitions(a.assignedPartitions(), b.assignedPartitions()));

        List<EventEnvelope> events = IntStream.range(0, 40).mapToObj(i -> UUID.randomUUID())
                .flatMap(conversation -> IntStream.rangeClosed(1, 5).mapToObj(seq -> TestEvents.message(conversation, seq)))
                .toList();
        bus.publishAll(topic, events).block(PATIENCE);

        await().atMost(PATIENCE).until(() -> left.size() + right.size() >= events.size());
        List<UUID> handled = new ArrayList<>(left.eventIds());
        handled.addAll(right.eventIds());
        assertThat(handled).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(events.stream().map(EventEnvelope::eventId).toList());
        assertThat(left.size()).as("events handled by the first member").isPositive();
        assertThat(right.size()).as("events handled by the second member").isPositive();
    }

    @Test
    void everyGroupSeesEveryEvent() {
        var billing = new Received();
        var audit = new Received();
        subscribe("billing", billing);
        subscribe("audit", audit);
        UUID conversation = UUID.randomUUID();

        bus.publishAll(topic, IntStream.rangeClosed(1, 10).mapToObj(seq -> TestEvents.message(conversation, seq)).toList())
                .block(PATIENCE);

        await().atMost(PATIENCE).until(() -> billing.size() >= 10 && audit.size() >= 10);
        assertThat(billing.seqsOf(conversation)).isEqualTo(LongRange.closed(1, 10));
        assertThat(audit.seqsOf(conversation)).isEqualTo(LongRange.closed(1, 10));
    }

    @Test
    void aRecordThatCannotBeDecodedIsCountedDeadLetteredAndSkipped() {
        UUID conversation = UUID.randomUUID();
        byte[] garbage = "{\"type\":\"message.created\", truncated".getBytes(StandardCharsets.UTF_8);
        bus.publish(topic, TestEvents.message(conversation, 1)).block(PATIENCE);
        appendRaw(topic, conversation.toString(), garbage);
        bus.publish(topic, TestEvents.message(conversation, 2)).block(PATIENCE);
        var received = new Received();

        subscribe("poison", received);

        await().atMost(PATIENCE).until(() -> received.seqsOf(conversation).size() >= 2);
        assertThat(received.seqsOf(conversation)).containsExactly(1L, 2L);
        await().atMost(PATIENCE).until(() -> !readAll(Topics.deadLetterOf(topic)).isEmpty());
        List<RawRecord> dead = readAll(Topics.deadLetterOf(topic));
        assertThat(dead).singleElement().satisfies(record -> {
            assertThat(record.value()).isEqualTo(garbage);
            assertThat(record.key()).isEqualTo(conversation.toString());
            assertThat(record.headers()).containsEntry("parley.dlt.reason", DeadLetter.MALFORMED)
                    .containsEntry("parley.dlt.source-topic", topic)
                    .containsEntry("parley.dlt.group", "poison");
        });
        assertThat(deadLettered(DeadLetter.MALFORMED)).isEqualTo(1.0);
    }

    @Test
    void aHandlerThatKeepsFailingIsRetriedThenDeadLetteredWithoutBlockingItsPartition() {
        UUID conversation = UUID.randomUUID();
        EventEnvelope doomed = TestEvents.message(conversation, 1);
        bus.publishAll(topic, List.of(doomed, TestEvents.message(conversation, 2))).block(PATIENCE);
        var attemptsOnDoomed = new AtomicInteger();
        var handled = new CopyOnWriteArrayList<Long>();

        subscribe("failing", event -> {
            if (event.eventId().equals(doomed.eventId())) {
                attemptsOnDoomed.incrementAndGet();
                return Mono.error(new IllegalStateException("downstream refuses"));
            }
            handled.add(event.seq());
            return Mono.empty();
        });

        await().atMost(PATIENCE).until(() -> handled.contains(2L));
        assertThat(attemptsOnDoomed).hasValue(FAST_RETRIES.maxHandlerAttempts());
        await().atMost(PATIENCE).until(() -> !readAll(Topics.deadLetterOf(topic)).isEmpty());
        RawRecord dead = readAll(Topics.deadLetterOf(topic)).get(0);
        assertThat(codec.decode(dead.value())).isEqualTo(doomed);
        assertThat(dead.headers()).containsEntry("parley.dlt.reason", DeadLetter.HANDLER_FAILED)
                .hasEntrySatisfying("parley.dlt.error", error -> assertThat(error).contains("downstream refuses"));
        assertThat(deadLettered(DeadLetter.HANDLER_FAILED)).isEqualTo(1.0);
    }

    @Test
    void aHandlerThatRecoversWithinItsAttemptsHandlesTheEventOnce() {
        UUID conversation = UUID.randomUUID();
        bus.publish(topic, TestEvents.message(conversation, 1)).block(PATIENCE);
        var attempts = new AtomicInteger();
        var handled = new CopyOnWriteArrayList<Long>();

        subscribe("flaky", event -> attempts.incrementAndGet() < FAST_RETRIES.maxHandlerAttempts()
                ? Mono.error(new IllegalStateException("not yet"))
                : Mono.fromRunnable(() -> handled.add(event.seq())));

        await().atMost(PATIENCE).until(() -> !handled.isEmpty());
        assertThat(handled).containsExactly(1L);
        assertThat(deadLettered(DeadLetter.HANDLER_FAILED)).isZero();
        assertThat(registry.counter(EventBusMetrics.HANDLED, "topic", topic, "group", "flaky").count()).isEqualTo(1.0);
    }

    @Test
    void encodedEventsArriveByteForByteWithTheirHeaderInKeyOrder() {
        UUID conversation = UUID.randomUUID();
        List<EventEnvelope> events = IntStream.rangeClosed(1, 20).mapToObj(seq -> TestEvents.message(conversation, seq)).toList();
        List<byte[]> sent = events.stream().map(codec::encode).toList();
        var received = new ConcurrentLinkedQueue<ReceivedEvent>();
        EventSubscription subscription = bus.subscribeRaw(topic, "raw", event -> Mono.fromRunnable(() -> received.add(event)));
        subscriptions.add(subscription);

        bus.publishEncoded(topic, sent.stream().map(bytes -> new dev.parley.events.EncodedEvent(conversation.toString(), bytes)).toList())
                .block(PATIENCE);

        await().atMost(PATIENCE).until(() -> received.size() >= events.size());
        List<ReceivedEvent> inOrder = List.copyOf(received);
        for (int i = 0; i < events.size(); i++) {
            assertThat(inOrder.get(i).bytes()).as("bytes of event %d", i).isEqualTo(sent.get(i));
            assertThat(inOrder.get(i).header()).isEqualTo(dev.parley.events.EventHeader.of(events.get(i)));
        }
    }

    @Test
    void aRawSubscriberDeadLettersARecordWhoseHeaderDoesNotDecode() {
        UUID conversation = UUID.randomUUID();
        byte[] headless = "{\"type\":\"message.created\",\"data\":{}}".getBytes(StandardCharsets.UTF_8);
        appendRaw(topic, conversation.toString(), headless);
        bus.publish(topic, TestEvents.message(conversation, 1)).block(PATIENCE);
        var seqs = new CopyOnWriteArrayList<Long>();
        subscriptions.add(bus.subscribeRaw(topic, "raw-poison", event -> Mono.fromRunnable(() -> seqs.add(event.header().seq()))));

        await().atMost(PATIENCE).until(() -> !seqs.isEmpty());
        assertThat(seqs).containsExactly(1L);
        await().atMost(PATIENCE).until(() -> !readAll(Topics.deadLetterOf(topic)).isEmpty());
        assertThat(readAll(Topics.deadLetterOf(topic))).singleElement()
                .satisfies(record -> assertThat(record.value()).isEqualTo(headless));
        assertThat(deadLettered(DeadLetter.MALFORMED)).isEqualTo(1.0);
    }

    private EventSubscription subscribe(String group, EventHandler handler) {
        EventSubscription subscription = bus.subscribe(topic, group, handler);
        subscriptions.add(subscription);
        return subscription;
    }

    private double deadLettered(String reason) {
        var counter = registry.find(EventBusMetrics.DEAD_LETTERED).tag("topic", topic).tag("reason", reason).counter();
        return counter == null ? 0 : counter.count();
    }

    private static boolean splitsAllPartitions(Set<Integer> a, Set<Integer> b) {
        var union = new HashSet<>(a);
        union.addAll(b);
        return !a.isEmpty() && !b.isEmpty() && union.size() == a.size() + b.size() && union.size() == PARTITIONS;
    }

    /** Collects what a handler saw, in order. */
    private static final class Received implements EventHandler {
        private final ConcurrentLinkedQueue<EventEnvelope> events = new ConcurrentLinkedQueue<>();

        @Override
        public Mono<Void> handle(EventEnvelope event) {
            return Mono.fromRunnable(() -> events.add(event));
        }

        int size() {
            return events.size();
        }

        List<Long> seqsOf(UUID conversation) {
            return events.stream().filter(e -> conversation.equals(e.conversationId())).map(EventEnvelope::seq).toList();
        }

        List<UUID> eventIds() {
            return events.stream().map(EventEnvelope::eventId).collect(Collectors.toList());
        }
    }

    private static final class LongRange {
        static List<Long> closed(long from, long to) {
            return java.util.stream.LongStream.rangeClosed(from, to).boxed().toList();
        }
    }
}
