package dev.parley.testsupport;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the shared Kafka cluster for this JVM: the one named by {@code PARLEY_TEST_KAFKA_BOOTSTRAP},
 * else a Testcontainers one, else a broker started in this JVM and kept until it exits. A variable
 * that is set but points nowhere is an error, not a reason to quietly test against something else.
 */
final class KafkaLocator {

    private static final InfrastructureKind KIND = InfrastructureKind.KAFKA;
    private static final Logger log = LoggerFactory.getLogger(KafkaLocator.class);

    private KafkaLocator() {
    }

    static Resolution<KafkaEndpoint> locate() {
        List<String> attempts = new ArrayList<>();
        String bootstrap = System.getenv(KIND.variable());
        if (bootstrap != null && !bootstrap.isBlank()) {
            try {
                InetSocketAddress first = Probes.firstAddress(bootstrap);
                Optional<String> noListener = Probes.tcp(first.getHostString(), first.getPort());
                if (noListener.isEmpty()) {
                    return Resolution.found(new KafkaEndpoint(bootstrap.trim(), "env " + KIND.variable()), attempts);
                }
                attempts.add(KIND.variable() + " is set but " + noListener.get());
            } catch (IllegalArgumentException e) {
                attempts.add(KIND.variable() + " is set but unusable: " + Probes.describe(e));
            }
            return Resolution.none(attempts);
        }
        attempts.add(KIND.variable() + " is not set");

        Optional<String> noDocker = DockerEngine.unavailableReason();
        if (noDocker.isEmpty()) {
            try {
                return Resolution.found(Containers.kafka(), attempts);
            } catch (RuntimeException e) {
                attempts.add("Testcontainers apache/kafka did not start: " + Probes.describe(e));
            }
        } else {
            attempts.add(noDocker.get());
        }

        try {
            InJvmKafkaBroker broker = InJvmKafkaBroker.start("shared");
            return Resolution.found(new KafkaEndpoint(broker.bootstrapServers(), "in-JVM KRaft broker"), attempts);
        } catch (RuntimeException | LinkageError e) {
            log.warn("The in-JVM Kafka broker did not start", e);
            attempts.add("the in-JVM broker did not start: " + Probes.explain(e));
            return Resolution.none(attempts);
        }
    }
}
