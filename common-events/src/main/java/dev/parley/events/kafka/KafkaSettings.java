package dev.parley.events.kafka;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * How the Kafka adapter talks to the cluster.
 *
 * @param bootstrapServers  {@code host:port[,host:port]}
 * @param clientId          prefix of the producer and consumer client ids (shows in broker metrics)
 * @param partitions        partitions of the topics this adapter creates; bounds consumer parallelism
 * @param replicationFactor copies of each partition of the topics this adapter creates, set explicitly
 *                          rather than left to the broker's default; 1 for one broker, 3 in production
 * @param createTopics      create missing topics (and their dead-letter topics) on first use
 * @param linger            producer linger; Kafka 4 clients wait 5 ms by default, which is latency we don't want
 * @param deliveryTimeout   how long a publish may take, retries included, before it fails
 * @param commitInterval    how often acknowledged offsets are committed; a crash replays at most this much
 * @param extraProperties   raw client properties applied last (security settings, tuning)
 */
public record KafkaSettings(String bootstrapServers, String clientId, int partitions, short replicationFactor,
                            boolean createTopics,
                            Duration linger, Duration deliveryTimeout, Duration commitInterval,
                            Map<String, String> extraProperties) {

    public KafkaSettings {
        Objects.requireNonNull(bootstrapServers, "bootstrapServers");
        Objects.requireNonNull(clientId, "clientId");
        extraProperties = Map.copyOf(extraProperties);
        if (partitions < 1) {
            throw new IllegalArgumentException("partitions must be at least 1");
        }
        if (replicationFactor < 1) {
            throw new IllegalArgumentException("replicationFactor must be at least 1");
        }
    }

    /**
     * Defaults suited to a chat workload: low linger, fail a publish within 30 s, commit every 200 ms;
     * one replica, for one broker.
     */
    public static KafkaSettings defaults(String bootstrapServers, String clientId) {
        return new KafkaSettings(bootstrapServers, clientId, 12, (short) 1, true, Duration.ofMillis(1),
                Duration.ofSeconds(30), Duration.ofMillis(200), Map.of());
    }

    public KafkaSettings withPartitions(int count) {
        return new KafkaSettings(bootstrapServers, clientId, count, replicationFactor, createTopics, linger,
                deliveryTimeout, commitInterval, extraProperties);
    }

    public KafkaSettings withReplicationFactor(int copies) {
        return new KafkaSettings(bootstrapServers, clientId, partitions, (short) copies, createTopics, linger,
                deliveryTimeout, commitInterval, extraProperties);
    }

    public KafkaSettings withDeliveryTimeout(Duration timeout) {
        return new KafkaSettings(bootstrapServers, clientId, partitions, replicationFactor, createTopics, linger,
                timeout, commitInterval, extraProperties);
    }
}
