package dev.parley.conversation.outbox;

import static dev.parley.conversation.outbox.OutboxEvents.message;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.parley.conversation.outbox.adapter.r2dbc.PostgresOutboxWakeUps;
import dev.parley.conversation.outbox.adapter.r2dbc.R2dbcOutbox;
import dev.parley.conversation.outbox.application.Outbox;
import dev.parley.events.EventEnvelope;
import dev.parley.events.bus.DeliverySettings;
import dev.parley.events.bus.EventBus;
import dev.parley.events.json.EventCodec;
import dev.parley.events.kafka.KafkaEventBus;
import dev.parley.events.kafka.KafkaSettings;
import dev.parley.testsupport.DedicatedKafka;
import dev.parley.testsupport.RealInfrastructure;
import dev.parley.testsupport.TestDatabase;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The key scenario: the broker goes down and comes back while conversations keep
 * changing. Writes never notice; afterwards every conversation's events are on the topic, every
 * seq once at least, first occurrences in seq order.
 */
@RealInfrastructure
class OutboxKafkaOutageIT {

    private static final Duration PATIENCE = Duration.ofSeconds(90);
    private static final int CONVERSATIONS = 6;
    /** Two writers per conversation race for its row lock, as concurrent requests do in the core. */
    private static final int WRITERS_PER_CONVERSATION = 2;
    /** Bounds the load whatever happens: at most 12 × 250 transactions of one or two events. */
    private static final int MAX_TRANSACTIONS_PER_WRITER = 250;
    private static final Duration WRITER_PAUSE = Duration.ofMillis(50);
    private static OutboxDatabase database;

    private final DedicatedKafka kafka;
    private EventBus bus;
    private Outbox outbox;
    private String topic;

    OutboxKafkaOutageIT(DedicatedKafka kafka) {
        this.kafka = kafka;
    }

    @BeforeAll
    static void migrate(TestDatabase testDatabase) {
        database = OutboxDatabase.migrated(testDatabase);
        // The core hands out seqs from conversation.last_seq under the row lock; this is that, alone.
        database.execute("CREATE TABLE seq_allocation (conversation_id UUID PRIMARY KEY, last_seq BIGINT NOT NULL)");
    }

    @AfterAll
    static void closePool() {
        database.close();
    }

    @BeforeEach
    void freshOutboxAndTopic() {
        database.execute("TRUNCATE event_outbox, seq_allocation");
        outbox = new R2dbcOutbox(database.client(), new EventCodec(), new PostgresOutboxWakeUps(database.client()));
        // A publish gives up after 3 s instead of 30 s, so the outage shows within the test.
        var settings = KafkaSettings.defaults(kafka.bootstrapServers(), "outage-it")
                .withPartitions(4)
                .withDeliveryTimeout(Duration.ofSeconds(3));
        bus = new KafkaEventBus(settings, new DeliverySettings(3, Duration.ofMillis(10), Duration.ofMillis(50)),
                new SimpleMeterRegistry());
        topic = kafka.topic("conversation-events-" + UUID.randomUUID());
    }

    @AfterEach
    void brokerBackThenCloseBus() {
        kafka.start(); // a producer with records for a dead broker would not close
        bus.close();
    }

    @Test
    void everyCommittedEventReachesKafkaInSeqOrderThroughABrokerOutage() {
        List<UUID> conversations = IntStream.range(0, CONVERSATIONS).mapToObj(ignored -> UUID.randomUUID()).toList();
        conversations.forEach(id -> database.execute("INSERT INTO seq_allocation VALUES ('" + id + "', 0)"));
        var load = new WriteLoad(conversations);
        var relay = new RelayUnderTest(database, bus, RelayUnderTest.settings().build()).start();
        try {
            load.start();
            await().atMost(PATIENCE).until(() -> load.committed() >= 100 && relay.published() >= 50);

            kafka.stop();
            long committedWhenBrokerStopped = load.committed();
            await().atMost(PATIENCE).until(() -> relay.publishFailures() >= 1
                    && load.committed() >= committedWhenBrokerStopped + 200);
            assertThat(load.errors()).as("writes fail during the outage").isEmpty();

            kafka.start();
            long committedWhenBrokerStarted = load.committed();
            await().atMost(PATIENCE).until(() -> load.committed() >= committedWhenBrokerStarted + 100);
            load.finish();

            assertThat(load.errors()).as("writes failed").isEmpty();
            await().atMost(PATIENCE).until(() -> database.unpublishedRows() == 0);
        } finally {
            load.finish();
            relay.stop();
        }

        Map<String, List<Long>> seqsByConversation = new TopicReader(kafka.bootstrapServers()).readAll(topic).stream()
                .collect(Collectors.groupingBy(EventEnvelope::key,
                        Collectors.mapping(EventEnvelope::seq, Collectors.toList())));
        assertThat(seqsByConversation).hasSize(CONVERSATIONS);
        for (UUID conversation : conversations) {
            long last = database.number(
                    "SELECT last_seq FROM seq_allocation WHERE conversation_id = '" + conversation + "'");
            assertThat(seqsByConversation.get(conversation.toString()).stream().distinct().toList())
                    .as("first occurrences of the seqs of conversation %s", conversation)
                    .containsExactlyElementsOf(LongStream.rangeClosed(1, last).boxed().toList());
        }
    }

    @Test
    void stoppingDuringAnOutageLeavesTheBatchUnpublishedAndReleasesTheLease() {
        UUID conversation = UUID.randomUUID();
        commit(conversation, 1);
        var relay = new RelayUnderTest(database, bus, RelayUnderTest.settings()
                .shutdownGrace(Duration.ofMillis(500)).build()).start();
        await().atMost(PATIENCE).until(() -> database.unpublishedRows() == 0);

        kafka.stop();
        for (long seq = 2; seq <= 6; seq++) {
            commit(conversation, seq);
        }
        await().atMost(PATIENCE).until(() -> relay.publishFailures() >= 1);
        relay.stop();

        assertThat(relay.leading()).isFalse();
        assertThat(database.unpublishedRows()).as("nothing the bus did not confirm is marked").isEqualTo(5);
        kafka.start();
        var successor = new RelayUnderTest(database, bus, RelayUnderTest.settings().build()).start();
        try {
            await().atMost(PATIENCE).until(() -> database.unpublishedRows() == 0);
        } finally {
            successor.stop();
        }
        List<Long> seqs = new TopicReader(kafka.bootstrapServers()).readAll(topic).stream()
                .map(EventEnvelope::seq).distinct().toList();
        assertThat(seqs).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
    }

    private void commit(UUID conversation, long seq) {
        database.transactions().transactional(outbox.append(topic, List.of(message(conversation, seq)))).block();
    }

    /**
     * Writers that commit like the core: lock the conversation's row while taking the next seqs,
     * append their events, commit; one or two events per transaction.
     */
    private final class WriteLoad {

        private final List<UUID> conversations;
        private final AtomicBoolean finishing = new AtomicBoolean();
        private final AtomicLong committed = new AtomicLong();
        private final Queue<Throwable> errors = new ConcurrentLinkedQueue<>();
        private CompletableFuture<Void> done;

        WriteLoad(List<UUID> conversations) {
            this.conversations = conversations;
        }

        void start() {
            done = Flux.fromIterable(conversations)
                    .flatMap(conversation -> Flux.range(0, WRITERS_PER_CONVERSATION).map(ignored -> conversation))
                    .flatMap(this::writer)
                    .then()
                    .toFuture();
        }

        private Mono<Void> writer(UUID conversation) {
            AtomicLong transactions = new AtomicLong();
            return Mono.defer(() -> transaction(conversation, 1 + (int) (transactions.incrementAndGet() % 2)))
                    .doOnError(errors::add)
                    .onErrorResume(ignored -> Mono.empty())
                    .then(Mono.delay(WRITER_PAUSE))
                    .repeat(() -> !finishing.get() && transactions.get() < MAX_TRANSACTIONS_PER_WRITER)
                    .then();
        }

        private Mono<Void> transaction(UUID conversation, int events) {
            Mono<Void> work = database.client()
                    .sql("UPDATE seq_allocation SET last_seq = last_seq + :n WHERE conversation_id = :id "
                            + "RETURNING last_seq")
                    .bind("n", events)
                    .bind("id", conversation)
                    .map(row -> row.get("last_seq", Long.class))
                    .one()
                    .flatMap(last -> outbox.append(topic, LongStream.rangeClosed(last - events + 1, last)
                            .mapToObj(seq -> message(conversation, seq)).toList()));
            return database.transactions().transactional(work).doOnSuccess(ignored -> committed.addAndGet(events));
        }

        long committed() {
            return committed.get();
        }

        List<Throwable> errors() {
            return List.copyOf(errors);
        }

        void finish() {
            finishing.set(true);
            done.orTimeout(PATIENCE.toSeconds(), TimeUnit.SECONDS).join();
        }
    }
}
