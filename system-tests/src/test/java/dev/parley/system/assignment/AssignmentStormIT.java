package dev.parley.system.assignment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.parley.testsupport.RealInfrastructure;
import dev.parley.testsupport.TestDatabase;
import dev.parley.testsupport.TestKafka;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.context.ConfigurableApplicationContext;
import reactor.core.publisher.Flux;

/**
 * The storm: many conversations queued at once in two departments, agents of capacity 3,
 * two workers. During the drain customers resolve what was assigned (freeing seats), some agents go
 * AWAY and come back, and one worker is stopped and a new one started. Afterwards the history, not
 * just the end state, must show one owner per conversation, no agent above capacity at any moment,
 * every conversation assigned, and FIFO per department.
 *
 * <p>The size, 1000 conversations and 20 agents, drains in about 80 s on 2 cores (about 20 s
 * of it queueing); {@code -Dparley.storm.conversations} and {@code -Dparley.storm.agents} change it.
 */
@RealInfrastructure
class AssignmentStormIT {

    private static final int CONVERSATIONS = Integer.getInteger("parley.storm.conversations", 1000);
    private static final int AGENTS = Integer.getInteger("parley.storm.agents", 20);
    private static final int CAPACITY = 3;
    private static final int CUSTOMERS = 20;
    /**
     * How far from its place in the queue a conversation may be assigned. Two workers draining one
     * queue at once may commit the head's and the next conversation's assignments in either order
     * (the loser of the head moves on to the next), and the worker this test stops mid-storm may
     * still have assignment requests in flight that commit after its successor's; the history's
     * numbers are drawn at insert, not at commit. 4 was exceeded once (by 5) on a CI run; any
     * real loss of queue order (LIFO, a department starved) moves conversations by hundreds.
     */
    private static final int FIFO_SLACK = 8;

    @Test
    @Timeout(300)
    void aStormOfConversationsIsDrainedWithOneOwnerEachWithinCapacityAndInOrder(TestDatabase database,
                                                                                TestKafka kafka) throws Exception {
        var suite = new Suite(database, kafka);
        var cast = new Cast(database);
        var history = new History(database);
        try (var service = suite.conversationService()) {
            history.install();
            var api = new Api(Suite.port(service));
            List<UUID> departments = List.of(cast.department("Sales"), cast.department("Support"));
            List<UUID> agents = new ArrayList<>();
            for (int i = 0; i < AGENTS; i++) {
                agents.add(cast.agent("Agent" + i, "ONLINE", CAPACITY, Instant.now().minusSeconds(i),
                        departments.get(i % 2)));
            }
            List<Api.Session> customers = new ArrayList<>();
            for (int i = 0; i < CUSTOMERS; i++) {
                customers.add(api.customer(cast.inbox(departments.get(i % 2))));
            }
            var workers = new ArrayList<ConfigurableApplicationContext>(List.of(
                    suite.worker(service, "parley.assignment.sweep-interval=5s"),
                    suite.worker(service, "parley.assignment.sweep-interval=5s")));
            try {
                Map<UUID, Api.Session> customerOf = new HashMap<>();
                long startedAt = System.nanoTime();
                Flux.range(0, CONVERSATIONS)
                        .flatMap(i -> api.starting(customers.get(i % CUSTOMERS))
                                .doOnNext(id -> {
                                    synchronized (customerOf) {
                                        customerOf.put(id, customers.get(i % CUSTOMERS));
                                    }
                                }), 16)
                        .then().block(Duration.ofSeconds(120));
                long queuedAt = System.nanoTime();

                var stoppedOne = new AtomicBoolean();
                var restartedOne = new AtomicBoolean();
                await().atMost(Duration.ofSeconds(150)).pollInterval(Duration.ofMillis(250)).until(() -> {
                    int assigned = history.assignmentOrder(departments.get(0)).size()
                            + history.assignmentOrder(departments.get(1)).size();
                    if (assigned >= CONVERSATIONS / 4 && stoppedOne.compareAndSet(false, true)) {
                        workers.remove(1).close();
                        api.status(agents.get(0), "AWAY");
                        api.status(agents.get(1), "BUSY");
                    }
                    if (assigned >= CONVERSATIONS / 2 && restartedOne.compareAndSet(false, true)) {
                        workers.add(suite.worker(service, "parley.assignment.sweep-interval=5s"));
                        api.status(agents.get(0), "ONLINE");
                        api.status(agents.get(1), "ONLINE");
                    }
                    List<UUID> active = activeConversations(database);
                    Flux.fromIterable(active).flatMap(id -> api.resolving(customerOf.get(id), id), 8)
                            .then().block(Duration.ofSeconds(30));
                    return assigned == CONVERSATIONS;
                });
                assertThat(restartedOne).isTrue();
                System.out.printf("storm: %d conversations, %d agents: queued in %d ms, all assigned %d ms later%n",
                        CONVERSATIONS, AGENTS, (queuedAt - startedAt) / 1_000_000, (System.nanoTime() - queuedAt) / 1_000_000);
            } finally {
                workers.forEach(ConfigurableApplicationContext::close);
            }

            Map<UUID, List<UUID>> assignedEvents = history.assignedEvents();
            assertThat(assignedEvents).hasSize(CONVERSATIONS);
            assertThat(assignedEvents.values()).allSatisfy(owners -> assertThat(owners).hasSize(1));
            assertThat(history.peakLoad()).hasSize(AGENTS).allSatisfy((agent, peak) -> assertThat(peak).isLessThanOrEqualTo(CAPACITY));
            for (UUID department : departments) {
                assertInQueueOrder(history.queueOrder(department), history.assignmentOrder(department));
            }
        }
    }

    private static void assertInQueueOrder(List<UUID> queued, List<UUID> assigned) {
        assertThat(assigned).containsExactlyInAnyOrderElementsOf(queued);
        for (int turn = 0; turn < assigned.size(); turn++) {
            int place = queued.indexOf(assigned.get(turn));
            assertThat(Math.abs(place - turn)).as("conversation %d in the queue assigned %d-th", place, turn)
                    .isLessThanOrEqualTo(FIFO_SLACK);
        }
    }

    private static List<UUID> activeConversations(TestDatabase database) throws SQLException {
        var active = new ArrayList<UUID>();
        try (var c = database.openConnection(); var query = c.prepareStatement(
                "SELECT id FROM conversation WHERE status = 'ACTIVE'"); var rows = query.executeQuery()) {
            while (rows.next()) {
                active.add(rows.getObject(1, UUID.class));
            }
        }
        return active;
    }
}
