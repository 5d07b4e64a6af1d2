package dev.parley.assignment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.assignment.config.AssignmentProperties;
import dev.parley.testsupport.RealInfrastructure;
import dev.parley.testsupport.TestKafka;
import dev.parley.testsupport.http.ActuatorProbe;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.micrometer.metrics.test.autoconfigure.AutoConfigureMetrics;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The worker starts against a real Kafka and answers its probes. */
@RealInfrastructure
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMetrics // Boot tests turn metrics export off; the Prometheus endpoint is under test
@DirtiesContext
class AssignmentWorkerApplicationIT {

    private static TestKafka kafka;

    @LocalServerPort
    private int port;

    @Autowired
    private AssignmentProperties properties;

    @BeforeAll
    static void servers(TestKafka testKafka) {
        kafka = testKafka;
    }

    @DynamicPropertySource
    static void pointAtServers(DynamicPropertyRegistry registry) {
        registry.add("parley.events.kafka.bootstrap-servers", () -> kafka.bootstrapServers());
        registry.add("parley.events.topic-prefix", () -> kafka.topicPrefix());
    }

    @Test
    void livenessAndReadinessAreUp() {
        var probe = ActuatorProbe.onLocalPort(port);

        assertThat(probe.health("liveness").healthStatus()).isEqualTo("UP");
        assertThat(probe.health("readiness").healthStatus()).isEqualTo("UP");
    }

    @Test
    void prometheusExposesMetricsTaggedWithTheService() {
        assertThat(ActuatorProbe.onLocalPort(port).prometheus().body())
                .contains("jvm_memory_used_bytes{").contains("application=\"assignment-worker\"");
    }

    @Test
    void settingsBindUnderParleyWithTheirDefaults() {
        assertThat(properties.consumerGroup()).isEqualTo("assignment-worker");
    }
}
