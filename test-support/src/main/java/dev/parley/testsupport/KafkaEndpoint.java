package dev.parley.testsupport;

import java.util.Objects;

/**
 * The Kafka cluster shared by every test class in the JVM. It is never stopped by this module while
 * the JVM runs; tests that need to stop a broker take a {@link DedicatedKafka}. Test classes keep to
 * their own topics through a {@link TestKafka} prefix.
 *
 * @param bootstrapServers {@code host:port[,host:port...]} for {@code bootstrap.servers}
 * @param source           where this cluster came from, for logs
 */
public record KafkaEndpoint(String bootstrapServers, String source) {

    public KafkaEndpoint {
        Objects.requireNonNull(bootstrapServers, "bootstrapServers");
        Objects.requireNonNull(source, "source");
    }
}
