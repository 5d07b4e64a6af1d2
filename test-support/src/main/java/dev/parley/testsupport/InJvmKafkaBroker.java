package dev.parley.testsupport;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Kafka node in KRaft combined mode (broker and controller in one), running in this JVM from
 * Apache Kafka's own server classes, the way {@code kafka-storage.sh format} and
 * {@code kafka-server-start.sh} would run it: the log directory is formatted once, then a
 * {@link KafkaRaftServer} is started on it.
 *
 * <p>{@link #stop()} shuts the server down; {@link #start()} builds a new server from the same
 * configuration, so it listens on the same port and reopens the same log directory: topics, records
 * and committed offsets survive, as after a real broker restart.
 */
final class InJvmKafkaBroker implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(InJvmKafkaBroker.class);
    private static final String BROKER_LISTENER = "PLAINTEXT";
    private static final String CONTROLLER_LISTENER = "CONTROLLER";
    private static final Duration EXIT_SHUTDOWN_LIMIT = Duration.ofSeconds(15);

    // Distinct node ids keep brokers in one JVM apart in Kafka's JVM-wide metrics and JMX names.
    private static final AtomicInteger NEXT_NODE_ID = new AtomicInteger(1);

    private final String name;
    private final Path directory;
    private final int brokerPort;
    private final int[] reservedPorts;
    private final Map<String, String> config;
    private final ShutdownTasks.Registration stopAtExit;
    private KafkaRaftServer server; // guarded by this
    private boolean closed; // guarded by this

    private InJvmKafkaBroker(String name, Path directory, int[] ports, Map<String, String> config) {
        this.name = name;
        this.directory = directory;
        this.brokerPort = ports[0];
        this.reservedPorts = ports.clone();
        this.config = Map.copyOf(config);
        this.stopAtExit = ShutdownTasks.register("stop Kafka broker " + name, this::stopWithinExitLimit);
    }

    /**
     * Formats a fresh log directory and starts a broker on it; returns once the broker is registered,
     * unfenced and accepting clients.
     */
    static InJvmKafkaBroker start(String name) {
        KafkaBrokerLogging.quiet();
        KafkaExitGuard.install();
        int nodeId = NEXT_NODE_ID.getAndIncrement();
        int[] ports = FreePorts.reserve(2);
        Path directory;
        try {
            directory = ScratchDirectories.create("kafka-" + name + "-");
            format(nodeId, directory);
        } catch (RuntimeException e) {
            FreePorts.release(ports);
            throw e;
        }
        InJvmKafkaBroker broker = new InJvmKafkaBroker(name, directory, ports,
                config(nodeId, ports[0], ports[1], directory));
        try {
            broker.start();
        } catch (RuntimeException e) {
            broker.close();
            throw e;
        }
        return broker;
    }

    String bootstrapServers() {
        return Hosts.LOOPBACK + ":" + brokerPort;
    }

    synchronized boolean isRunning() {
        return server != null;
    }

    /** Starts the broker again on the same port and log directory; does nothing if it runs. */
    synchronized void start() {
        if (closed) {
            throw new IllegalStateException("Kafka broker " + name + " is closed");
        }
        if (server != null) {
            return;
        }
        long started = System.nanoTime();
        KafkaRaftServer candidate = null;
        try {
            candidate = new KafkaRaftServer(new KafkaConfig(config, false), Time.SYSTEM);
            candidate.startup();
        } catch (RuntimeException e) {
            if (candidate != null) {
                try {
                    candidate.shutdown();
                    candidate.awaitShutdown();
                } catch (RuntimeException cleanup) {
                    e.addSuppressed(cleanup);
                }
            }
            throw new IllegalStateException("Kafka broker " + name + " did not start on " + bootstrapServers(), e);
        }
        server = candidate;
        log.info("Kafka broker {} up on {} in {} ms (data in {})", name, bootstrapServers(),
                (System.nanoTime() - started) / 1_000_000, directory);
    }

    /** Shuts the broker down; clients then find nothing on its port. Does nothing if it is stopped. */
    synchronized void stop() {
        if (server == null) {
            return;
        }
        long started = System.nanoTime();
        try {
            server.shutdown();
            server.awaitShutdown();
        } finally {
            server = null;
        }
        log.info("Kafka broker {} stopped in {} ms", name, (System.nanoTime() - started) / 1_000_000);
    }

    /** Stops the broker for good and deletes its data. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            stop();
        } finally {
            stopAtExit.cancel();
            FreePorts.release(reservedPorts);
            ScratchDirectories.deleteRecursively(directory);
        }
    }

    private void stopWithinExitLimit() {
        // A JVM on its way out should not wait long for a polite broker shutdown.
        Thread stopper = new Thread(this::stop, "parley-kafka-stop-" + name);
        stopper.setDaemon(true);
        stopper.start();
        try {
            stopper.join(EXIT_SHUTDOWN_LIMIT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void format(int nodeId, Path directory) {
        try {
            new Formatter()
                    .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
                    .setNodeId(nodeId)
                    .setClusterId(Uuid.randomUuid().toString())
                    .addDirectory(directory.toString())
                    .setMetadataLogDirectory(directory.toString())
                    .setControllerListenerName(CONTROLLER_LISTENER)
                    .run();
        } catch (Exception e) {
            throw new IllegalStateException("could not format Kafka log directory " + directory, e);
        }
    }

    private static Map<String, String> config(int nodeId, int brokerPort, int controllerPort, Path directory) {
        String host = Hosts.LOOPBACK;
        Map<String, String> config = new HashMap<>();
        config.put("process.roles", "broker,controller");
        config.put("node.id", Integer.toString(nodeId));
        config.put("controller.quorum.voters", nodeId + "@" + host + ":" + controllerPort);
        config.put("listeners", BROKER_LISTENER + "://" + host + ":" + brokerPort + ","
                + CONTROLLER_LISTENER + "://" + host + ":" + controllerPort);
        config.put("advertised.listeners", BROKER_LISTENER + "://" + host + ":" + brokerPort);
        config.put("listener.security.protocol.map", BROKER_LISTENER + ":PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT");
        config.put("controller.listener.names", CONTROLLER_LISTENER);
        config.put("inter.broker.listener.name", BROKER_LISTENER);
        config.put("log.dirs", directory.toString());

        // A single node: every internal topic must make do with one replica.
        config.put("offsets.topic.replication.factor", "1");
        config.put("offsets.topic.num.partitions", "4");
        config.put("transaction.state.log.replication.factor", "1");
        config.put("transaction.state.log.min.isr", "1");
        config.put("transaction.state.log.num.partitions", "4");
        config.put("share.coordinator.state.topic.replication.factor", "1");
        config.put("share.coordinator.state.topic.min.isr", "1");
        config.put("default.replication.factor", "1");
        config.put("min.insync.replicas", "1");

        // Tests want groups to form at once and topics to appear on first use.
        config.put("group.initial.rebalance.delay.ms", "0");
        config.put("num.partitions", "4");
        config.put("auto.create.topics.enable", "true");
        config.put("auto.leader.rebalance.enable", "false");

        // Small and few: this shares two cores and the heap with the tests.
        config.put("log.segment.bytes", Integer.toString(1024 * 1024));
        config.put("log.cleaner.dedupe.buffer.size", Integer.toString(2 * 1024 * 1024));
        config.put("log.cleaner.threads", "1");
        config.put("num.network.threads", "2");
        config.put("num.io.threads", "2");
        config.put("background.threads", "2");
        config.put("num.recovery.threads.per.data.dir", "1");
        config.put("num.replica.fetchers", "1");
        return config;
    }
}
