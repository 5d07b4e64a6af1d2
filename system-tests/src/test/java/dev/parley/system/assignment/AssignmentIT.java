package dev.parley.system.assignment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.parley.testsupport.RealInfrastructure;
import dev.parley.testsupport.TestDatabase;
import dev.parley.testsupport.TestKafka;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A real conversation service and one worker on real PostgreSQL and Kafka. The worker's sweep is
 * set far apart, so what happens here is driven by events.
 */
@RealInfrastructure
class AssignmentIT {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private static TestDatabase database;
    private static ConfigurableApplicationContext service;
    private static ConfigurableApplicationContext worker;
    private static Cast cast;
    private static Api api;
    private static UUID roundRobin;

    @BeforeAll
    static void start(TestDatabase testDatabase, TestKafka kafka) {
        database = testDatabase;
        var suite = new Suite(database, kafka);
        service = suite.conversationService();
        cast = new Cast(database);
        try {
            roundRobin = cast.department("Round robin", "ROUND_ROBIN");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        worker = suite.worker(service, "parley.assignment.sweep-interval=10m");
        api = new Api(Suite.port(service));
    }

    @AfterAll
    static void stop() {
        if (worker != null) {
            worker.close();
        }
        if (service != null) {
            service.close();
        }
    }

    @Test
    void queuedConversationsGoToTheLeastBusyFreeAgentsOfTheirDepartmentInOrder() throws SQLException {
        UUID sales = cast.department("Sales");
        UUID other = cast.department("Other");
        Instant now = Instant.now();
        UUID longIdle = cast.agent("Ann", "ONLINE", 1, now.minusSeconds(3600), sales);
        UUID shortIdle = cast.agent("Bob", "ONLINE", 1, now.minusSeconds(60), sales);
        cast.agent("Cid", "AWAY", 3, now.minusSeconds(7200), sales);
        cast.agent("Dan", "ONLINE", 3, now.minusSeconds(7200), other);
        var customer = api.customer(cast.inbox(sales));

        UUID first = api.start(customer);
        await().atMost(WAIT).until(() -> owner(first) != null);
        UUID second = api.start(customer);
        UUID third = api.start(customer);
        await().atMost(WAIT).until(() -> owner(second) != null);

        assertThat(owner(first)).isEqualTo(longIdle);
        assertThat(owner(second)).isEqualTo(shortIdle);
        assertThat(status(third)).isEqualTo("QUEUED");

        api.resolve(customer, first);

        await().atMost(WAIT).until(() -> longIdle.equals(owner(third)));
    }

    @Test
    void aRoundRobinDepartmentsAgentsTakeTurnsInIdOrder() throws SQLException {
        var agents = new java.util.ArrayList<UUID>();
        for (String name : List.of("Hal", "Ida", "Jon")) {
            agents.add(cast.agent(name, "ONLINE", 5, Instant.now(), roundRobin));
        }
        agents.sort(null);
        var customer = api.customer(cast.inbox(roundRobin));

        var owners = new java.util.ArrayList<UUID>();
        for (int i = 0; i < 4; i++) {
            UUID conversation = api.start(customer);
            await().atMost(WAIT).until(() -> owner(conversation) != null);
            owners.add(owner(conversation));
        }

        assertThat(owners).containsExactly(agents.get(0), agents.get(1), agents.get(2), agents.get(0));
    }

    @Test
    void anAgentReportedOfflineHasTheirConversationsRequeuedToAnotherAgent() throws SQLException {
        UUID support = cast.department("Support");
        UUID leaving = cast.agent("Eve", "ONLINE", 2, Instant.now(), support);
        var customer = api.customer(cast.inbox(support));
        UUID conversation = api.start(customer);
        await().atMost(WAIT).until(() -> leaving.equals(owner(conversation)));
        UUID staying = cast.agent("Fay", "ONLINE", 2, Instant.now(), support);

        api.status(leaving, "OFFLINE");

        await().atMost(WAIT).until(() -> staying.equals(owner(conversation)));
    }

    @Test
    void assignmentsAndTheirLatencyAreMetered() throws SQLException {
        UUID billing = cast.department("Billing");
        cast.agent("Gus", "ONLINE", 3, Instant.now(), billing);
        var customer = api.customer(cast.inbox(billing));
        UUID conversation = api.start(customer);
        await().atMost(WAIT).until(() -> owner(conversation) != null);

        MeterRegistry meters = worker.getBean(MeterRegistry.class);
        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(meters.get("parley.assignment.assignments").tag("strategy", "least_busy")
                    .tag("outcome", "assigned").counter().count()).isGreaterThanOrEqualTo(1);
            assertThat(meters.get("parley.assignment.latency").timer().count()).isGreaterThanOrEqualTo(1);
            assertThat(meters.get("parley.assignment.queue.length").tag("department", billing.toString()).gauge())
                    .isNotNull();
        });
    }

    private static UUID owner(UUID conversation) throws SQLException {
        String owner = column("SELECT owner_id FROM conversation WHERE id = ? AND status <> 'QUEUED'", conversation);
        return owner == null ? null : UUID.fromString(owner);
    }

    private static String status(UUID conversation) throws SQLException {
        return column("SELECT status FROM conversation WHERE id = ?", conversation);
    }

    private static String column(String sql, UUID id) throws SQLException {
        try (var c = database.openConnection(); var query = c.prepareStatement(sql)) {
            query.setObject(1, id);
            try (var result = query.executeQuery()) {
                return result.next() ? result.getString(1) : null;
            }
        }
    }
}
