package dev.parley.testsupport;

/**
 * A topic namespace on the shared Kafka cluster that belongs to one test class: topics it uses should
 * start with {@link #topicPrefix()} ({@code t-<random>.}), and consumer group ids likewise, so
 * classes running in parallel or one after another never read each other's records. Topics are
 * created on first use (auto-creation is on for the in-JVM broker, 4 partitions) or by the test.
 *
 * <p>The shared cluster is never stopped by this module while the JVM runs. To simulate an outage,
 * take a {@link DedicatedKafka} instead.
 */
public final class TestKafka {

    private final KafkaEndpoint cluster;
    private final String topicPrefix;

    private TestKafka(KafkaEndpoint cluster, String topicPrefix) {
        this.cluster = cluster;
        this.topicPrefix = topicPrefix;
    }

    static TestKafka on(KafkaEndpoint cluster) {
        return new TestKafka(cluster, KafkaTopics.newPrefix());
    }

    /** For {@code bootstrap.servers}. */
    public String bootstrapServers() {
        return cluster.bootstrapServers();
    }

    /** {@code t-<random>.}, unique to this test class. */
    public String topicPrefix() {
        return topicPrefix;
    }

    /** {@code topicPrefix() + name}; also fit as a consumer group id. */
    public String topic(String name) {
        return topicPrefix + name;
    }

    /** The cluster this namespace lives on. */
    public KafkaEndpoint cluster() {
        return cluster;
    }

    @Override
    public String toString() {
        return "TestKafka[" + topicPrefix + "* on " + cluster.bootstrapServers() + "]";
    }
}
