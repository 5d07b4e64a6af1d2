package dev.parley.testsupport;

/**
 * A Kafka broker of one test class's own, running in the test JVM, that the test may stop and start
 * again to simulate an outage without disturbing classes that run in parallel on the shared cluster.
 *
 * <ul>
 *   <li>{@link #stop()} shuts the broker down: its port refuses connections, so producers block and
 *       time out and consumers stall, as against a dead broker.</li>
 *   <li>{@link #start()} brings it back on the same port with the same log directory: topics,
 *       records and committed consumer offsets are all still there, and clients reconnect by
 *       themselves.</li>
 *   <li>{@link #close()} (done after the class) stops it for good and deletes its data.</li>
 * </ul>
 *
 * It is always an in-JVM broker, whatever serves the shared cluster, because only then can this
 * module stop it and bring it back on the same address. Starting or stopping it takes well under
 * a second once the Kafka classes are loaded.
 */
public final class DedicatedKafka implements AutoCloseable {

    private final InJvmKafkaBroker broker;
    private final String topicPrefix;

    private DedicatedKafka(InJvmKafkaBroker broker, String topicPrefix) {
        this.broker = broker;
        this.topicPrefix = topicPrefix;
    }

    static DedicatedKafka start(String owner) {
        return new DedicatedKafka(InJvmKafkaBroker.start("dedicated-" + owner), KafkaTopics.newPrefix());
    }

    /** For {@code bootstrap.servers}; the same before and after a restart. */
    public String bootstrapServers() {
        return broker.bootstrapServers();
    }

    /** {@code t-<random>.}, unique to this broker. */
    public String topicPrefix() {
        return topicPrefix;
    }

    /** {@code topicPrefix() + name}; also fit as a consumer group id. */
    public String topic(String name) {
        return topicPrefix + name;
    }

    /** Shuts the broker down and returns when it is gone. Does nothing if it is stopped. */
    public void stop() {
        broker.stop();
    }

    /**
     * Starts the broker again, on the same port with the same data, and returns once it accepts
     * clients. Does nothing if it runs.
     */
    public void start() {
        broker.start();
    }

    public boolean isRunning() {
        return broker.isRunning();
    }

    /** Stops the broker for good and deletes its data. Idempotent. */
    @Override
    public void close() {
        broker.close();
    }

    @Override
    public String toString() {
        return "DedicatedKafka[" + topicPrefix + "* on " + bootstrapServers() + (isRunning() ? "" : ", stopped") + "]";
    }
}
