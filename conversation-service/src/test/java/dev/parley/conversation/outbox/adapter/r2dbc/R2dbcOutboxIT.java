package dev.parley.conversation.outbox.adapter.r2dbc;

import static dev.parley.conversation.outbox.OutboxEvents.ALICE_CONVERSATION;
import static dev.parley.conversation.outbox.OutboxEvents.BOB_AGENT;
import static dev.parley.conversation.outbox.OutboxEvents.bobGoesAway;
import static dev.parley.conversation.outbox.OutboxEvents.message;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.conversation.outbox.OutboxDatabase;
import dev.parley.conversation.outbox.application.Outbox;
import dev.parley.events.EventEnvelope;
import dev.parley.events.json.EventCodec;
import dev.parley.testsupport.RealInfrastructure;
import dev.parley.testsupport.TestDatabase;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/** The outbox writer commits and rolls back with the caller's transaction, and only inside one. */
@RealInfrastructure
class R2dbcOutboxIT {

    private static final String TOPIC = "parley.conversation-events";
    private static OutboxDatabase database;

    private final EventCodec codec = new EventCodec();
    private Outbox outbox;

    @BeforeAll
    static void migrate(TestDatabase testDatabase) {
        database = OutboxDatabase.migrated(testDatabase);
        // Stands in for the state a use case changes next to its events.
        database.execute("CREATE TABLE state_change (note TEXT NOT NULL)");
    }

    @AfterAll
    static void closePool() {
        database.close();
    }

    @BeforeEach
    void emptyTables() {
        database.execute("TRUNCATE event_outbox, state_change");
        outbox = new R2dbcOutbox(database.client(), codec, new PostgresOutboxWakeUps(database.client()));
    }

    @Test
    void aRolledBackTransactionLeavesNeitherStateNorOutboxRows() {
        Mono<Void> failingUseCase = changeState("reply")
                .then(outbox.append(TOPIC, List.of(message(ALICE_CONVERSATION, 1))))
                .then(Mono.error(new IllegalStateException("the use case fails after appending")));

        StepVerifier.create(database.transactions().transactional(failingUseCase))
                .expectErrorMessage("the use case fails after appending")
                .verify();

        assertThat(database.number("SELECT count(*) FROM state_change")).isZero();
        assertThat(database.outboxRows()).isZero();
    }

    @Test
    void aCommittedTransactionStoresEveryEventInListOrderWithTopicKeyAndEncodedPayload() {
        List<EventEnvelope> events = List.of(message(ALICE_CONVERSATION, 1), message(ALICE_CONVERSATION, 2),
                bobGoesAway());

        database.transactions().transactional(changeState("reply").then(outbox.append(TOPIC, events))).block();

        assertThat(database.number("SELECT count(*) FROM state_change")).isOne();
        assertThat(database.column("SELECT event_key FROM event_outbox ORDER BY id"))
                .containsExactly(ALICE_CONVERSATION.toString(), ALICE_CONVERSATION.toString(), BOB_AGENT.toString());
        assertThat(database.column("SELECT DISTINCT topic FROM event_outbox")).containsExactly(TOPIC);
        assertThat(database.unpublishedRows()).isEqualTo(3);
        List<EventEnvelope> stored = database.client().sql("SELECT payload FROM event_outbox ORDER BY id")
                .map(row -> codec.decode(bytes(row.get("payload", java.nio.ByteBuffer.class))))
                .all().collectList().block();
        assertThat(stored).isEqualTo(events);
    }

    @Test
    void appendingOutsideATransactionFailsAndStoresNothing() {
        StepVerifier.create(outbox.append(TOPIC, List.of(message(ALICE_CONVERSATION, 1))))
                .expectErrorSatisfies(error -> assertThat(error)
                        .isInstanceOf(IllegalStateException.class)
                        .hasMessageContaining("inside the transaction"))
                .verify();

        assertThat(database.outboxRows()).isZero();
    }

    @Test
    void appendingNoEventsStoresNothing() {
        database.transactions().transactional(outbox.append(TOPIC, List.of())).block();

        assertThat(database.outboxRows()).isZero();
    }

    private Mono<Void> changeState(String note) {
        return database.client().sql("INSERT INTO state_change (note) VALUES (:note)")
                .bind("note", note)
                .then();
    }

    private static byte[] bytes(java.nio.ByteBuffer buffer) {
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        return bytes;
    }
}
