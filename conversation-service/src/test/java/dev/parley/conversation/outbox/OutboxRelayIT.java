package dev.parley.conversation.outbox;

import static dev.parley.conversation.outbox.OutboxEvents.ALICE_CONVERSATION;
import static dev.parley.conversation.outbox.OutboxEvents.CAROL_CONVERSATION;
import static dev.parley.conversation.outbox.OutboxEvents.bobGoesAway;
import static dev.parley.conversation.outbox.OutboxEvents.message;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.parley.conversation.outbox.adapter.r2dbc.PostgresOutboxWakeUps;
import dev.parley.conversation.outbox.adapter.r2dbc.R2dbcOutbox;
import dev.parley.conversation.outbox.application.Outbox;
import dev.parley.conversation.outbox.application.RelaySettings;
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
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The relay publishes committed events in id order, removes them, wakes up at once, quarantines and reports. */
@RealInfrastructure
class OutboxRelayIT {

    /** Kafka needs seconds for a first publish (topic creation, metadata); generous for shared CI machines. */
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static OutboxDatabase database;

    private final TestKafka kafka;
    private final List<RelayUnderTest> relays = new ArrayList<>();
    private Outbox outbox;
    /** Event ids committed per topic, in commit order. */
    private final java.util.Map<String, List<String>> committed = new java.util.HashMap<>();
    private EventBus bus;
    private String conversationTopic;
    private String agentTopic;

    OutboxRelayIT(TestKafka kafka) {
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
    void emptyOutboxAndFreshTopics() {
        database.execute("TRUNCATE event_outbox, event_outbox_quarantine");
        committed.clear();
        // a writer of another instance until a test gives it a relay's own wake-ups
        outbox = new R2dbcOutbox(database.client(), new EventCodec(), new PostgresOutboxWakeUps(database.client()));
        // One partition per topic: the topic's order is then exactly the publishing order.
        bus = new KafkaEventBus(KafkaSettings.defaults(kafka.bootstrapServers(), "relay-it").withPartitions(1),
                new DeliverySettings(3, Duration.ofMillis(10), Duration.ofMillis(50)), new SimpleMeterRegistry());
        conversationTopic = kafka.topic("conversation-events-" + UUID.randomUUID());
        agentTopic = kafka.topic("agent-events-" + UUID.randomUUID());
    }

    @AfterEach
    void stopRelaysAndBus() {
        relays.forEach(RelayUnderTest::stop);
        bus.close();
    }

    @Test
    void publishesEveryTopicInIdOrderAcrossBatchesAndRemovesEveryPublishedRow() {
        commit(conversationTopic, message(ALICE_CONVERSATION, 1), message(ALICE_CONVERSATION, 2));
        commit(agentTopic, bobGoesAway());
        commit(conversationTopic, message(CAROL_CONVERSATION, 1));
        commit(conversationTopic, message(ALICE_CONVERSATION, 3), message(CAROL_CONVERSATION, 2));
        commit(agentTopic, bobGoesAway());
        commit(conversationTopic, message(CAROL_CONVERSATION, 3));
        // Batches of 3 split runs of one topic and cut across transactions.
        var relay = relay(RelayUnderTest.settings().batchSize(3).build()).start();

        await().atMost(PATIENCE).until(() -> database.unpublishedRows() == 0);

        assertThat(eventIds(new TopicReader(kafka.bootstrapServers()).readAll(conversationTopic)))
                .containsExactlyElementsOf(committed.get(conversationTopic));
        assertThat(eventIds(new TopicReader(kafka.bootstrapServers()).readAll(agentTopic)))
                .containsExactlyElementsOf(committed.get(agentTopic));
        assertThat(database.outboxRows()).isZero();
        assertThat(relay.published()).isEqualTo(8);
    }

    @Test
    void aCommitOnAnotherInstanceWakesTheRelayThroughNotifyLongBeforeItsNextPoll() {
        commit(conversationTopic, message(ALICE_CONVERSATION, 1));
        var relay = relay(RelayUnderTest.settings().pollInterval(Duration.ofHours(1)).build()).start();
        // The first drain of the term publishes what was committed before the relay listened...
        await().atMost(PATIENCE).until(() -> database.unpublishedRows() == 0);

        commit(conversationTopic, message(ALICE_CONVERSATION, 2));

        // ...and only the writer's NOTIFY can wake it for this one within the hour.
        await().atMost(PATIENCE).until(() -> database.unpublishedRows() == 0);
        assertThat(relay.published()).isEqualTo(2);
        assertThat(seqs(new TopicReader(kafka.bootstrapServers()).readAll(conversationTopic))).containsExactly(1L, 2L);
    }

    @Test
    void aCommitOnTheRelaysOwnInstanceWakesItInProcess() {
        var relay = relay(RelayUnderTest.settings().pollInterval(Duration.ofHours(1)).build()).start();
        await().atMost(PATIENCE).until(relay::leading);
        outbox = new R2dbcOutbox(database.client(), new EventCodec(), relay.wakeUps());

        commit(conversationTopic, message(ALICE_CONVERSATION, 1));

        await().atMost(PATIENCE).until(() -> database.unpublishedRows() == 0);
        assertThat(relay.published()).isEqualTo(1);
    }

    @Test
    void aRowThatIsNotAnEventIsQuarantinedAndEverythingAroundItIsPublished() {
        commit(conversationTopic, message(ALICE_CONVERSATION, 1));
        database.execute("INSERT INTO event_outbox (topic, event_key, payload) VALUES ('" + conversationTopic + "', '"
                + ALICE_CONVERSATION + "', convert_to('{\"type\":\"message.created\", truncated', 'UTF8'))");
        database.execute("INSERT INTO event_outbox (topic, event_key, conversation_id, seq) VALUES ('" + conversationTopic
                + "', '" + ALICE_CONVERSATION + "', '" + ALICE_CONVERSATION + "', 99)");
        commit(conversationTopic, message(ALICE_CONVERSATION, 2));
        var relay = relay(RelayUnderTest.settings().build()).start();

        await().atMost(PATIENCE).until(() -> database.unpublishedRows() == 0);

        assertThat(seqs(new TopicReader(kafka.bootstrapServers()).readAll(conversationTopic))).containsExactly(1L, 2L);
        assertThat(relay.quarantined("malformed")).isEqualTo(1);
        assertThat(relay.quarantined("no_event")).isEqualTo(1);
        assertThat(database.number("SELECT count(*) FROM event_outbox_quarantine")).isEqualTo(2);
    }

    @Test
    void metersShowTheBacklogWhileNoRelayLeadsAndItsDrainingOnceOneDoes() {
        commit(conversationTopic, message(ALICE_CONVERSATION, 1), message(ALICE_CONVERSATION, 2));
        commit(conversationTopic, message(CAROL_CONVERSATION, 1));
        database.execute("UPDATE event_outbox SET created_at = now() - interval '90 seconds'");
        var relay = relay(RelayUnderTest.settings().build());

        relay.watchBacklog();

        await().atMost(PATIENCE).until(() -> relay.pending() == 3);
        assertThat(relay.lagSeconds()).isBetween(90.0, 3600.0);
        assertThat(relay.leading()).isFalse();

        relay.start();

        await().atMost(PATIENCE).until(() -> relay.pending() == 0 && relay.lagSeconds() == 0);
        assertThat(relay.leading()).isTrue();
        assertThat(relay.published()).isEqualTo(3);
        assertThat(relay.publishFailures()).isZero();

        relay.stop();

        assertThat(relay.leading()).isFalse();
    }

    private RelayUnderTest relay(RelaySettings settings) {
        var relay = new RelayUnderTest(database, bus, settings);
        relays.add(relay);
        return relay;
    }

    private void commit(String topic, EventEnvelope... events) {
        database.transactions().transactional(outbox.append(topic, List.of(events))).block();
        committed.computeIfAbsent(topic, ignored -> new ArrayList<>()).addAll(eventIds(List.of(events)));
    }

    private static List<String> eventIds(List<EventEnvelope> events) {
        return events.stream().map(event -> event.eventId().toString()).toList();
    }

    private static List<Long> seqs(List<EventEnvelope> events) {
        return events.stream().map(EventEnvelope::seq).toList();
    }
}
