package dev.parley.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.gateway.config.NodeId;
import dev.parley.testsupport.RealInfrastructure;
import dev.parley.testsupport.TestKafka;
import dev.parley.testsupport.TestRedis;
import dev.parley.testsupport.http.ActuatorProbe;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.micrometer.metrics.test.autoconfigure.AutoConfigureMetrics;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** A gateway node starts on real Redis and Kafka and answers its probes. */
@RealInfrastructure
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "parley.gateway.node-id=gw-test-1")
@AutoConfigureMetrics // Boot tests turn metrics export off; the Prometheus endpoint is under test
@DirtiesContext
class ChatGatewayApplicationIT {

    private static TestRedis redis;
    private static TestKafka kafka;

    @LocalServerPort
    private int port;

    @Autowired
    private NodeId nodeId;

    @BeforeAll
    static void servers(TestRedis testRedis, TestKafka testKafka) {
        redis = testRedis;
        kafka = testKafka;
    }

    @DynamicPropertySource
    static void pointAtServers(DynamicPropertyRegistry registry) {
        registry.add("spring.data.redis.url", () -> redis.uri());
        registry.add("parley.events.kafka.bootstrap-servers", () -> kafka.bootstrapServers());
        registry.add("parley.events.topic-prefix", () -> kafka.topicPrefix());
    }

    @Test
    void livenessAndReadinessAreUpWhenRedisAnswers() {
        var probe = ActuatorProbe.onLocalPort(port);

        assertThat(probe.health("liveness").healthStatus()).isEqualTo("UP");
        assertThat(probe.health("readiness").healthStatus()).isEqualTo("UP");
    }

    /** {@code /ws} is a Netty route of its own: it upgrades and nothing else; WebFlux serves the rest. */
    @Test
    void wsAnswersARequestThatIsNoWebSocketUpgradeWithoutOpeningASocket() throws Exception {
        var client = HttpClient.newHttpClient();
        var ws = URI.create("http://127.0.0.1:" + port + "/ws");

        var post = client.send(HttpRequest.newBuilder(ws).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.discarding());
        var plainGet = client.send(HttpRequest.newBuilder(ws).GET().build(), HttpResponse.BodyHandlers.discarding());

        assertThat(post.statusCode()).isEqualTo(405);
        assertThat(post.headers().firstValue("Allow")).hasValue("GET");
        assertThat(plainGet.statusCode()).isEqualTo(400);
    }

    @Test
    void everyMetricCarriesTheConfiguredNodeId() {
        String metrics = ActuatorProbe.onLocalPort(port).prometheus().body();

        assertThat(nodeId.value()).isEqualTo("gw-test-1");
        assertThat(metrics).contains("jvm_memory_used_bytes{").contains("node=\"gw-test-1\"")
                .contains("application=\"chat-gateway\"");
    }
}
