package dev.parley.conversation.outbox;

import static dev.parley.conversation.outbox.OutboxEvents.ALICE_CONVERSATION;
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
import dev.parley.testsupport.RealInfrastructure;
import dev.parley.testsupport.TestDatabase;
import dev.parley.testsupport.TestKafka;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Two relays on one database: one leads at a time, the other takes over, nothing is lost. */
@RealInfrastructure
class OutboxLeadershipIT {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final String LOCK_HOLDER = """
            SELECT coalesce(max(pid), 0) FROM pg_locks
            WHERE locktype = 'advisory' AND granted AND classid = 1885434476 AND objid = 1702440303
              AND database = (SELECT oid FROM pg_database WHERE datname = current_database())""";
    private static OutboxDatabase database;

    private final TestKafka kafka;
    private final AtomicLong nextSeq = new AtomicLong(1);
    private Outbox outbox;
    private EventBus bus;
    private String topic;
    private RelayUnderTest first;
    private RelayUnderTest second;

    OutboxLeadershipIT(TestKafka kafka) {
        this.kafka = kafka;
    }

    @BeforeAll
    static void migrate(TestDatabase testDatabase) {
        database = OutboxDatabase.migrated(testDatabase);
    }

    @AfterAll
    static void closePool() {
        database.close();
    }

    @BeforeEach
    void twoRelaysOnOneDatabase() {
        database.execute("TRUNCATE event_outbox");
        outbox = new R2dbcOutbox(database.client(), new EventCodec(), new PostgresOutboxWakeUps(database.client()));
        bus = new KafkaEventBus(KafkaSettings.defaults(kafka.bootstrapServers(), "leadership-it"),
                new DeliverySettings(3, Duration.ofMillis(10), Duration.ofMillis(50)), new SimpleMeterRegistry());
        topic = kafka.topic("conversation-events-" + UUID.randomUUID());
        first = new RelayUnderTest(database, bus, RelayUnderTest.settings().build());
        second = new RelayUnderTest(database, bus, RelayUnderTest.settings().build());
    }

    @AfterEach
    void stopRelays() {
        first.stop();
        second.stop();
        bus.close();
    }

    @Test
    void onlyOneRelayLeadsAndTheOtherTakesOverWhenItStops() {
        first.start();
        second.start();
        await().atMost(PATIENCE).until(() -> first.leading() || second.leading());
        RelayUnderTest leader = first.leading() ? first : second;
        RelayUnderTest follower = leader == first ? second : first;
        commitMessages(10);
        await().atMost(PATIENCE).until(() -> database.unpublishedRows() == 0);
        assertThat(follower.leading()).isFalse();
        assertThat(follower.published()).isZero();

        leader.stop();
        commitMessages(10);

        await().atMost(PATIENCE).until(follower::leading);
        await().atMost(PATIENCE).until(() -> database.unpublishedRows() == 0);
        assertThat(leader.leading()).isFalse();
        assertThat(leader.published() + follower.published()).isEqualTo(20);
        assertEverySeqArrivedInOrder(20);
    }

    @Test
    void aLeaderWhoseDatabaseSessionDiesLosesTheLeaseAndNothingIsLost() {
        first.start();
        await().atMost(PATIENCE).until(first::leading);
        second.start();
        commitMessages(10);
        await().atMost(PATIENCE).until(() -> database.unpublishedRows() == 0);
        long deadSession = database.number(LOCK_HOLDER);

        database.execute("SELECT pg_terminate_backend(" + deadSession + ")");
        commitMessages(10);

        await().atMost(PATIENCE).until(() -> {
            long holder = database.number(LOCK_HOLDER);
            return holder != 0 && holder != deadSession;
        });
        await().atMost(PATIENCE).until(() -> database.unpublishedRows() == 0);
        assertThat(first.leading() && second.leading()).as("both lead").isFalse();
        assertEverySeqArrivedInOrder(20);
    }

    private void commitMessages(int count) {
        List<EventEnvelope> events = LongStream.range(0, count)
                .mapToObj(ignored -> message(ALICE_CONVERSATION, nextSeq.getAndIncrement()))
                .toList();
        for (EventEnvelope event : events) {
            database.transactions().transactional(outbox.append(topic, List.of(event))).block();
        }
    }

    /** Duplicates are allowed after a handover; gaps and reordering are not. */
    private void assertEverySeqArrivedInOrder(long last) {
        List<Long> firstOccurrences = new TopicReader(kafka.bootstrapServers()).readAll(topic).stream()
                .map(EventEnvelope::seq)
                .distinct()
                .toList();
        assertThat(firstOccurrences).containsExactlyElementsOf(LongStream.rangeClosed(1, last).boxed().toList());
    }
}
