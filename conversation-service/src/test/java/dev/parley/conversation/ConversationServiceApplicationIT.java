package dev.parley.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.conversation.fixtures.DatabaseProperties;

import dev.parley.conversation.config.ConversationProperties;
import dev.parley.testsupport.RealInfrastructure;
import dev.parley.testsupport.TestDatabase;
import dev.parley.testsupport.TestKafka;
import dev.parley.testsupport.http.ActuatorProbe;
import java.sql.ResultSet;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.micrometer.metrics.test.autoconfigure.AutoConfigureMetrics;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The service starts on real PostgreSQL and Kafka, migrates its schema and answers its probes. */
@RealInfrastructure
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "parley.identity.services.chat-gateway.secret=" + ConversationServiceApplicationIT.PRESENCE_SECRET,
        "parley.identity.signing-keys.encryption-secret=signing-keys-secret-for-tests-0123456789"})
@AutoConfigureMetrics // Boot tests turn metrics export off; the Prometheus endpoint is under test
@DirtiesContext
class ConversationServiceApplicationIT {

    static final String PRESENCE_SECRET = "presence-secret-for-tests-0123456789";

    private static TestDatabase database;
    private static TestKafka kafka;

    @LocalServerPort
    private int port;

    @Autowired
    private ConversationProperties properties;

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
    }

    @Test
    void livenessAndReadinessAreUpWhenTheDatabaseAnswers() {
        var probe = ActuatorProbe.onLocalPort(port);

        assertThat(probe.health("liveness").healthStatus()).isEqualTo("UP");
        assertThat(probe.health("readiness").healthStatus()).isEqualTo("UP");
        assertThat(probe.health("").status()).isEqualTo(200);
    }

    @Test
    void prometheusExposesJvmAndEventBusMetricsTaggedWithTheService() {
        String metrics = ActuatorProbe.onLocalPort(port).prometheus().body();

        assertThat(metrics).contains("jvm_memory_used_bytes{").contains("application=\"conversation-service\"");
    }

    @Test
    void startupAppliedEveryMigrationToTheDatabase() throws Exception {
        try (var connection = database.openConnection();
             var statement = connection.createStatement();
             ResultSet result = statement.executeQuery(
                     "select count(*) filter (where success), count(*) from flyway_schema_history where version is not null")) {
            result.next();
            assertThat(result.getInt(1)).as("successful migrations").isPositive().isEqualTo(result.getInt(2));
        }
    }

    @Test
    void theOpenApiDescriptionListsThePublicApiWithoutTheCaller() throws Exception {
        var client = java.net.http.HttpClient.newHttpClient();
        var response = client.send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create("http://127.0.0.1:" + port + "/v3/api-docs")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("/api/v1/conversations/{conversationId}/messages")
                .contains("/api/v1/conversations/{id}/events").doesNotContain("\"caller\"");
    }

    @Test
    void settingsBindUnderParleyWithTheirDocumentedDefaults() {
        assertThat(properties.messages().maxLength()).isEqualTo(4000);
        assertThat(properties.messages().editWindow()).isEqualTo(Duration.ofMinutes(15));
    }

    /** Issue 15, 8a: without it the gateways never report agents OFFLINE, so they stay assigned. */
    @Test
    void aClusterWithoutThePresenceSecretRefusesToStartNamingTheSetting() {
        assertThatThrownBy(() -> new SpringApplicationBuilder(ConversationServiceApplication.class)
                .run(clusterArguments()).close())
                .hasStackTraceContaining("parley.identity.services.chat-gateway.secret");
    }

    private static String[] clusterArguments() {
        return new String[] {"--server.port=0", "--parley.engine=cluster", "--parley.outbox.relay-enabled=false",
                "--parley.conversation.inactivity.enabled=false",
                "--parley.events.kafka.bootstrap-servers=" + kafka.bootstrapServers(),
                "--parley.events.topic-prefix=" + kafka.topicPrefix(),
                "--spring.r2dbc.url=" + database.r2dbcUrl(), "--spring.r2dbc.username=" + database.username(),
                "--spring.r2dbc.password=" + database.password(), "--spring.flyway.url=" + database.jdbcUrl(),
                "--spring.flyway.user=" + database.username(), "--spring.flyway.password=" + database.password(),
                "--management.server.port=0"};
    }
}
