package dev.parley.conversation.outbox;

import dev.parley.conversation.fixtures.DatabaseProperties;
import static dev.parley.conversation.outbox.OutboxEvents.ALICE_CONVERSATION;
import static dev.parley.conversation.outbox.OutboxEvents.message;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.parley.conversation.outbox.application.Outbox;
import dev.parley.events.EventEnvelope;
import dev.parley.events.Topics;
import dev.parley.testsupport.RealInfrastructure;
import dev.parley.testsupport.TestDatabase;
import dev.parley.testsupport.TestKafka;
import dev.parley.testsupport.http.ActuatorProbe;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.micrometer.metrics.test.autoconfigure.AutoConfigureMetrics;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.reactive.TransactionalOperator;

/** In the running service, an event appended in a transaction reaches Kafka and the meters show it. */
@RealInfrastructure
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"parley.identity.services.chat-gateway.secret=presence-secret-for-tests-0123456789",
                "parley.identity.signing-keys.encryption-secret=signing-keys-secret-for-tests-0123456789"})
@AutoConfigureMetrics // Boot tests turn metrics export off; the Prometheus endpoint is under test
@DirtiesContext
class OutboxWiringIT {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static TestDatabase database;
    private static TestKafka kafka;

    @LocalServerPort
    private int port;

    @Autowired
    private Outbox outbox;

    @Autowired
    private TransactionalOperator transactions;

    @Autowired
    private Topics topics;

    @BeforeAll
    static void servers(TestDatabase testDatabase, TestKafka testKafka) {
        database = testDatabase;
        kafka = testKafka;
    }

    @DynamicPropertySource
    static void pointAtServers(DynamicPropertyRegistry registry) {
        DatabaseProperties.pointAt(registry, () -> database);
        registry.add("parley.events.kafka.bootstrap-servers", () -> kafka.bootstrapServers());
        registry.add("parley.events.topic-prefix", () -> kafka.topicPrefix());
        registry.add("parley.outbox.backlog-sample-interval", () -> "100ms");
    }

    @Test
    void anEventAppendedInATransactionReachesItsTopicAndTheMetersCountIt() {
        EventEnvelope event = message(ALICE_CONVERSATION, 1);

        transactions.transactional(outbox.append(topics.conversationEvents(), List.of(event))).block();

        var reader = new TopicReader(kafka.bootstrapServers());
        await().atMost(PATIENCE).until(() -> reader.readAll(topics.conversationEvents()).contains(event));
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(ActuatorProbe.onLocalPort(port).prometheus().body())
                .contains("parley_outbox_leader{application=\"conversation-service\"} 1.0")
                .contains("parley_outbox_published_total{application=\"conversation-service\"} 1.0")
                .contains("parley_outbox_pending{application=\"conversation-service\"} 0.0")
                .contains("parley_outbox_lag_seconds{application=\"conversation-service\"} 0.0")
                .contains("parley_outbox_publish_failures_total{application=\"conversation-service\"} 0.0")
                .contains("parley_outbox_quarantined_total{application=\"conversation-service\",reason=\"malformed\"} 0.0"));
    }

    /**
     * Issue 15, defect 5: the leader's session had no TCP keepalive, so a peer that vanished without
     * a FIN (a NAT or firewall dropping the flow) left the relay waiting on a dead socket, and the
     * advisory lock held by PostgreSQL's side of it, for as long as the kernel cared to wait.
     */
    @Test
    void theLeadersSessionToPostgresqlHasTcpKeepalive() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/ss")), "needs ss (iproute2) to read socket options");
        int port = await().atMost(PATIENCE).until(this::leaderClientPort, found -> found > 0);

        var ss = new ProcessBuilder("/usr/bin/ss", "-tnoH", "state", "established", "( sport = :" + port + " )")
                .redirectErrorStream(true).start();
        String socket = new String(ss.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        ss.waitFor();

        assertThat(socket).as("the relay's own end of its session").contains(":" + port).contains("keepalive");
    }

    /** The client port of the session holding the relay's advisory lock, 0 while none does. */
    private int leaderClientPort() throws SQLException {
        try (var connection = database.openConnection(); var statement = connection.createStatement();
             ResultSet row = statement.executeQuery("""
                     SELECT a.client_port FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
                     WHERE l.locktype = 'advisory' AND l.classid = 1885434476 AND l.objid = 1702440303
                       AND l.granted AND a.datname = current_database()""")) {
            return row.next() ? row.getInt(1) : 0;
        }
    }
}
