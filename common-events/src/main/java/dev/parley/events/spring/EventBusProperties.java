package dev.parley.events.spring;

import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the event bus, under {@code parley.events}.
 *
 * @param topicPrefix        prefix of every topic name; separates tenants or test runs on one cluster
 * @param partitions         partitions of created topics (Kafka) or of the in-memory log; bounds how many
 *                           consumers of one group work in parallel
 * @param kafka              Kafka connection, used by the cluster engine
 * @param delivery           how consumers retry failing handlers before dead-lettering
 */
@ConfigurationProperties("parley.events")
public record EventBusProperties(
        @DefaultValue("") String topicPrefix,
        @DefaultValue("12") int partitions,
        @DefaultValue Kafka kafka,
        @DefaultValue Delivery delivery) {

    /**
     * @param bootstrapServers Kafka bootstrap servers
     * @param clientId         prefix of client ids, shows in broker metrics
     * @param createTopics     create missing topics on first use
     * @param replicationFactor copies of each partition of the topics this service creates, given
     *                         explicitly instead of the broker's default: 1 fits one broker (dev,
     *                         compose); production sets 3, so one broker lost loses no event
     * @param linger           producer linger; Kafka 4 defaults to 5 ms, which is chat latency we don't want
     * @param deliveryTimeout  how long one publish may take, retries included, before it fails
     * @param commitInterval   how often consumers commit; a crash replays at most this much
     * @param properties       raw Kafka client properties applied last (security, tuning)
     */
    public record Kafka(
            @DefaultValue("127.0.0.1:9092") String bootstrapServers,
            @DefaultValue("parley") String clientId,
            @DefaultValue("true") boolean createTopics,
            @DefaultValue("1") short replicationFactor,
            @DefaultValue("1ms") Duration linger,
            @DefaultValue("30s") Duration deliveryTimeout,
            @DefaultValue("200ms") Duration commitInterval,
            @DefaultValue Map<String, String> properties) {
    }

    /**
     * @param maxHandlerAttempts attempts per event before it goes to the dead-letter topic
     * @param firstBackoff       wait before the second attempt; doubles after each failure
     * @param maxBackoff         longest wait between two attempts
     */
    public record Delivery(
            @DefaultValue("10") int maxHandlerAttempts,
            @DefaultValue("200ms") Duration firstBackoff,
            @DefaultValue("15s") Duration maxBackoff) {
    }
}
