package dev.parley.conversation.outbox.adapter.r2dbc;

import static dev.parley.conversation.outbox.OutboxEvents.ALICE_CONVERSATION;
import static dev.parley.conversation.outbox.OutboxEvents.message;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.parley.conversation.outbox.OutboxDatabase;
import dev.parley.conversation.outbox.application.OutboxLease;
import dev.parley.conversation.outbox.domain.PendingEvent;
import dev.parley.events.json.EventCodec;
import dev.parley.testsupport.RealInfrastructure;
import dev.parley.testsupport.TestDatabase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

/** The lease is one PostgreSQL session holding an advisory lock; what it reads and removes dies with it. */
@RealInfrastructure
class PostgresOutboxLeaseIT {

    private static final String TOPIC = "parley.conversation-events";
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    /** The pid of the session holding the relay's advisory lock in this database, if any. */
    private static final String LOCK_HOLDER = """
            SELECT coalesce(max(pid), 0) FROM pg_locks
            WHERE locktype = 'advisory' AND granted AND classid = 1885434476 AND objid = 1702440303
              AND database = (SELECT oid FROM pg_database WHERE datname = current_database())""";

    private static OutboxDatabase database;

    private final List<OutboxLease> leases = new ArrayList<>();
    private PostgresOutboxLeadership leadership;

    @BeforeAll
    static void migrate(TestDatabase testDatabase) {
        database = OutboxDatabase.migrated(testDatabase);
    }

    @AfterAll
    static void closePool() {
        database.close();
    }

    @BeforeEach
    void emptyOutbox() {
        database.execute("TRUNCATE event_outbox, event_outbox_quarantine, conversation_event");
        leadership = new PostgresOutboxLeadership(database.connectionFactory());
    }

    @AfterEach
    void releaseLeases() {
        leases.forEach(lease -> lease.release().block());
    }

    @Test
    void aSecondLeaseIsRefusedWhileTheFirstIsHeldAndGrantedOnceItIsReleased() {
        OutboxLease first = acquire();

        StepVerifier.create(leadership.tryAcquire()).verifyComplete();

        first.release().block();
        assertThat(acquire()).as("free as soon as release completed").isNotNull();
    }

    @Test
    void theLockKeyIsTheOneDocumentedForOperators() {
        acquire();

        assertThat(database.number(LOCK_HOLDER)).isPositive();
    }

    @Test
    void readsTheOldestUnpublishedEventsInIdOrderAndForgetsRemovedOnes() {
        commit(5);
        OutboxLease lease = acquire();
        lease.removePublished(List.of(lease.oldestUnpublished(1).block().get(0).id())).block();

        List<PendingEvent> oldest = lease.oldestUnpublished(3).block();

        assertThat(oldest).extracting(PendingEvent::id).isSorted().hasSize(3);
        assertThat(oldest).extracting(event -> new EventCodec().decode(event.payload()).seq())
                .containsExactly(2L, 3L, 4L);
        assertThat(oldest).extracting(PendingEvent::key).containsOnly(ALICE_CONVERSATION.toString());
        assertThat(database.outboxRows()).isEqualTo(4);
    }

    @Test
    void aSequencedEventsRowReadsItsBytesFromTheEventLog() {
        var event = message(ALICE_CONVERSATION, 1);
        byte[] bytes = new EventCodec().encode(event);
        database.client().sql("""
                        INSERT INTO conversation_event (conversation_id, seq, event_id, type, agents_only, payload, occurred_at)
                        VALUES (:c, 1, :e, 'message.created', false, :p, now())""")
                .bind("c", ALICE_CONVERSATION).bind("e", event.eventId()).bind("p", bytes).then().block();
        database.execute("INSERT INTO event_outbox (topic, event_key, conversation_id, seq) VALUES ('" + TOPIC + "', '"
                + ALICE_CONVERSATION + "', '" + ALICE_CONVERSATION + "', 1)");

        assertThat(acquire().oldestUnpublished(10).block()).singleElement()
                .satisfies(pending -> assertThat(pending.payload()).isEqualTo(bytes));
    }

    @Test
    void aQuarantinedRowLeavesTheOutboxWithItsReason() {
        commit(2);
        OutboxLease lease = acquire();
        PendingEvent first = lease.oldestUnpublished(1).block().get(0);

        lease.quarantine(first, "malformed").block();

        assertThat(database.outboxRows()).isOne();
        assertThat(database.column("SELECT reason FROM event_outbox_quarantine WHERE id = " + first.id()))
                .containsExactly("malformed");
    }

    @Test
    void aLeaseWhoseSessionEndedCanNoLongerRemoveAnythingAndItsNotificationsEnd() {
        commit(1);
        OutboxLease lease = acquire();
        List<Long> ids = lease.oldestUnpublished(10).block().stream().map(PendingEvent::id).toList();
        var notifications = StepVerifier.create(lease.notifications()).expectSubscription();

        database.execute("SELECT pg_terminate_backend((" + LOCK_HOLDER + "))");

        notifications.expectError().verify(PATIENCE);
        StepVerifier.create(lease.removePublished(ids)).expectError().verify(PATIENCE);
        assertThat(database.unpublishedRows()).isOne();
        await("the lock died with the session").atMost(PATIENCE).until(this::tryToAcquire);
    }

    @Test
    void aWriterOfAnotherInstanceNotifiesTheLeaseAfterItsCommit() {
        OutboxLease lease = acquire();

        StepVerifier.create(lease.notifications().take(1))
                .then(() -> commit(2))
                .expectNextCount(1)
                .verifyComplete();
    }

    private OutboxLease acquire() {
        OutboxLease lease = leadership.tryAcquire().block();
        assertThat(lease).as("lease").isNotNull();
        leases.add(lease);
        return lease;
    }

    private boolean tryToAcquire() {
        OutboxLease lease = leadership.tryAcquire().block();
        if (lease != null) {
            leases.add(lease);
        }
        return lease != null;
    }

    private void commit(int count) {
        // a writer whose relay does not lead: it tells the leader with NOTIFY after the commit
        var outbox = new R2dbcOutbox(database.client(), new EventCodec(), new PostgresOutboxWakeUps(database.client()));
        var events = LongStream.rangeClosed(1, count).mapToObj(seq -> message(ALICE_CONVERSATION, seq)).toList();
        database.transactions().transactional(outbox.append(TOPIC, events)).block();
    }
}
