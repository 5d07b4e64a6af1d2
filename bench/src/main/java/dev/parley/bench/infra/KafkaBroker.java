package dev.parley.bench.infra;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;

/**
 * One Kafka node in KRaft combined mode, in a JVM of its own so the benchmark can read the broker's
 * CPU time apart from everything else: what {@code kafka-storage.sh format} and
 * {@code kafka-server-start.sh} do, from Apache Kafka's own server classes (the ones test-support
 * runs inside test JVMs). Kafka's defaults, except what one node needs (replication factors of 1)
 * and {@code num.partitions}, which the services' own topic creation overrides anyway.
 *
 * <p>Arguments: log directory, broker port, controller port. Prints {@code kafka ready} once started;
 * stops on {@code SIGTERM}. Started again on the same directory it keeps its topics and records.
 */
public final class KafkaBroker {

    private KafkaBroker() {
    }

    public static void main(String[] args) throws Exception {
        Path directory = Path.of(args[0]);
        int brokerPort = Integer.parseInt(args[1]);
        int controllerPort = Integer.parseInt(args[2]);
        Files.createDirectories(directory);
        // started again on its own directory, the node keeps its cluster id, topics and records
        if (!Files.exists(directory.resolve("meta.properties"))) {
            new Formatter()
                    .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
                    .setNodeId(1)
                    .setClusterId(Uuid.randomUuid().toString())
                    .addDirectory(directory.toString())
                    .setMetadataLogDirectory(directory.toString())
                    .setControllerListenerName("CONTROLLER")
                    .run();
        }
        var server = new KafkaRaftServer(new KafkaConfig(config(directory, brokerPort, controllerPort), false), Time.SYSTEM);
        var stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.shutdown();
            server.awaitShutdown();
            stopped.countDown();
        }, "kafka-stop"));
        server.startup();
        System.out.println("kafka ready on 127.0.0.1:" + brokerPort);
        System.out.flush();
        stopped.await();
    }

    static Map<String, String> config(Path directory, int brokerPort, int controllerPort) {
        Map<String, String> config = new HashMap<>();
        config.put("process.roles", "broker,controller");
        config.put("node.id", "1");
        config.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        config.put("listeners", "PLAINTEXT://127.0.0.1:" + brokerPort + ",CONTROLLER://127.0.0.1:" + controllerPort);
        config.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + brokerPort);
        config.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        config.put("controller.listener.names", "CONTROLLER");
        config.put("inter.broker.listener.name", "PLAINTEXT");
        config.put("log.dirs", directory.toString());
        // one node: every internal topic makes do with one replica
        config.put("offsets.topic.replication.factor", "1");
        config.put("transaction.state.log.replication.factor", "1");
        config.put("transaction.state.log.min.isr", "1");
        config.put("share.coordinator.state.topic.replication.factor", "1");
        config.put("share.coordinator.state.topic.min.isr", "1");
        config.put("default.replication.factor", "1");
        config.put("min.insync.replicas", "1");
        // the services' consumer groups form at once instead of after Kafka's 3 s delay
        config.put("group.initial.rebalance.delay.ms", "0");
        return config;
    }
}
