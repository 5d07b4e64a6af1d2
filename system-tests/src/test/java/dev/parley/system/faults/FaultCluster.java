package dev.parley.system.faults;

import static org.awaitility.Awaitility.await;

import dev.parley.bench.infra.KafkaBroker;
import dev.parley.bench.infra.PostgresServer;
import dev.parley.bench.infra.RedisServer;
import dev.parley.bench.process.JvmProcess;
import dev.parley.conversation.ConversationServiceApplication;
import dev.parley.gateway.ChatGatewayApplication;
import dev.parley.testsupport.services.SharedClasspath;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The cluster as deployed, every part a process of its own on 127.0.0.1 that the fault suite may
 * kill, stop and start again: a PostgreSQL cluster (initdb in a scratch directory), a Redis server
 * and a KRaft Kafka broker of the suite's own, never the machine's shared servers;
 * conversation-service; gateway nodes A and B. Each part keeps its port across restarts, as a
 * restarted pod keeps its service address. Logs: {@code target/faults/}.
 */
final class FaultCluster implements AutoCloseable {

    static final String GATEWAY_SECRET = "faults-gateway-secret-of-at-least-32-chars";
    private static final Duration STARTUP = Duration.ofMinutes(3);
    private static final Path POSTGRES_BIN = postgresBin();
    /**
     * The load's clients all come from 127.0.0.1 and one agent answers every conversation at a rate
     * no human does, so the per-address and per-user budgets are raised; the suite is about faults.
     */
    private static final List<String> GATEWAY_SETTINGS = List.of(
            "parley.gateway.commands-per-second=100000", "parley.gateway.command-burst=100000",
            "parley.gateway.limits.commands-per-user=10000000",
            "parley.gateway.limits.connects-per-address=1000000",
            "parley.gateway.limits.hello-failures-per-address=1000000",
            // a killed node's registrations and group membership expire within a scenario
            "parley.gateway.registration-ttl=3s",
            "parley.events.kafka.properties.session.timeout.ms=6000",
            "parley.events.kafka.properties.heartbeat.interval.ms=1000");

    private final Path directory;
    private final List<String> extraServiceSettings;
    private final List<String> gatewaySettings;
    final PostgresServer postgres;
    private RedisServer redis;
    private final int redisPort = JvmProcess.freePort();
    private JvmProcess kafka;
    private final int kafkaPort = JvmProcess.freePort();
    private final int controllerPort = JvmProcess.freePort();
    private JvmProcess service;
    final int servicePort = JvmProcess.freePort();
    private final JvmProcess[] gateways = new JvmProcess[2];
    private final int[] gatewayPorts = {JvmProcess.freePort(), JvmProcess.freePort()};
    private final int[] gatewayStarts = new int[2];

    private FaultCluster(Path directory, List<String> extraServiceSettings, List<String> gatewaySettings) {
        this.directory = directory.toAbsolutePath();
        this.extraServiceSettings = extraServiceSettings;
        this.gatewaySettings = overridden(GATEWAY_SETTINGS, gatewaySettings);
        this.postgres = new PostgresServer(POSTGRES_BIN, this.directory.resolve("postgres"), JvmProcess.freePort(), "postgres",
                List.of());
    }

    /** Starts every part; on failure stops what it started. */
    static FaultCluster start(Path directory, List<String> serviceSettings) {
        return start(directory, serviceSettings, List.of());
    }

    /**
     * Starts every part, the gateways with {@code gatewaySettings} ({@code name=value}) in place of
     * the suite's settings of the same name or added to them; on failure stops what it started.
     */
    static FaultCluster start(Path directory, List<String> serviceSettings, List<String> gatewaySettings) {
        FaultCluster cluster = new FaultCluster(directory, serviceSettings, gatewaySettings);
        try {
            fresh(cluster.directory);
            cluster.postgres.start("parley");
            cluster.startRedis();
            cluster.startKafka();
            cluster.startService();
            cluster.startGateway(0);
            cluster.startGateway(1);
            return cluster;
        } catch (IOException | RuntimeException e) {
            cluster.close();
            throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
        }
    }

    /** Spring joins a name given twice on the command line into a list, so an override replaces the setting. */
    private static List<String> overridden(List<String> settings, List<String> overrides) {
        Map<String, String> byName = new LinkedHashMap<>();
        for (String setting : settings) {
            byName.put(setting.substring(0, setting.indexOf('=')), setting);
        }
        for (String setting : overrides) {
            byName.put(setting.substring(0, setting.indexOf('=')), setting);
        }
        return List.copyOf(byName.values());
    }

    /** An empty directory: a cluster of an earlier run would not initdb again. */
    private static void fresh(Path directory) throws IOException {
        if (Files.exists(directory)) {
            try (var paths = Files.walk(directory)) {
                for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
        Files.createDirectories(directory);
    }

    int gatewayPort(int node) {
        return gatewayPorts[node];
    }

    long gatewayPid(int node) {
        return gateways[node].pid();
    }

    long servicePid() {
        return service.pid();
    }

    int redisPort() {
        return redisPort;
    }

    String serviceUrl() {
        return "http://127.0.0.1:" + servicePort;
    }

    Connection database() throws SQLException {
        return DriverManager.getConnection(postgres.jdbcUrl("parley"), "postgres", "");
    }

    Path gatewayLog(int node) {
        return gateways[node].log();
    }

    void startRedis() {
        redis = RedisServer.start("redis-server", directory.resolve("redis"), redisPort);
    }

    /** Stops Redis ({@code SIGTERM}; with no persistence it comes back empty, as a restarted cache does). */
    void stopRedis() {
        redis.close();
    }

    void startKafka() {
        kafka = JvmProcess.start(spec("kafka", KafkaBroker.class, List.of("-Xmx512m", "-XX:+UseSerialGC",
                        "-Dlogback.configurationFile=dev/parley/bench/quiet-logback.xml"),
                List.of(directory.resolve("kafka-data").toString(), Integer.toString(kafkaPort), Integer.toString(controllerPort))));
        await().atMost(STARTUP).pollInterval(Duration.ofMillis(200)).until(() -> {
            if (!kafka.isAlive()) {
                throw new IllegalStateException("Kafka exited; see " + kafka.log());
            }
            return Files.readString(kafka.log()).contains("kafka ready");
        });
    }

    /**
     * Kills the broker ({@code SIGKILL}; its data stays). A {@code SIGTERM} makes a one-node KRaft
     * broker wait about a minute in its controlled shutdown for a successor that does not exist, which
     * would make every Kafka outage a minute long.
     */
    void killKafka() {
        kafka.crash();
    }

    void startService() {
        List<String> arguments = new ArrayList<>(List.of(
                "--server.port=" + servicePort,
                "--spring.r2dbc.url=" + postgres.r2dbcUrl("parley"),
                "--spring.r2dbc.username=postgres",
                "--spring.r2dbc.password=",
                "--spring.flyway.url=" + postgres.jdbcUrl("parley"),
                "--spring.flyway.user=postgres",
                "--spring.flyway.password=",
                "--spring.data.redis.url=redis://127.0.0.1:" + redisPort,
                "--parley.events.kafka.bootstrap-servers=127.0.0.1:" + kafkaPort,
                "--parley.identity.services.chat-gateway.secret=" + GATEWAY_SECRET,
                "--parley.identity.signing-keys.encryption-secret=faults-signing-keys-secret-of-32-chars",
                "--parley.identity.widget-sessions.per-client.attempts=1000000",
                // the default, data/attachments, is relative to the working directory: the module's sources
                "--parley.attachments.directory=" + directory.resolve("attachments")));
        extraServiceSettings.forEach(setting -> arguments.add("--" + setting));
        service = ready(JvmProcess.start(spec("conversation-service", ConversationServiceApplication.class,
                List.of("-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"), arguments)), servicePort);
    }

    /** Kills conversation-service ({@code SIGKILL}: in-flight requests and transactions die with it). */
    void killService() {
        service.crash();
    }

    void startGateway(int node) {
        int start = ++gatewayStarts[node];
        List<String> arguments = new ArrayList<>(List.of(
                "--server.port=" + gatewayPorts[node],
                "--spring.autoconfigure.exclude=" + SharedClasspath.CONVERSATION_SERVICE_ONLY,
                // every service's jar holds an application.yml and conversation-service's comes first here
                "--spring.application.name=chat-gateway",
                "--management.endpoint.health.group.readiness.include=readinessState",
                "--parley.events.kafka.client-id=chat-gateway",
                "--spring.data.redis.url=redis://127.0.0.1:" + redisPort,
                "--parley.events.kafka.bootstrap-servers=127.0.0.1:" + kafkaPort,
                "--parley.gateway.conversation-service=" + serviceUrl(),
                "--parley.gateway.node-id=gw-" + (char) ('a' + node) + "-" + start,
                "--parley.gateway.presence.client-secret=" + GATEWAY_SECRET));
        gatewaySettings.forEach(setting -> arguments.add("--" + setting));
        gateways[node] = ready(JvmProcess.start(spec("gateway-" + (char) ('a' + node) + "-" + start, ChatGatewayApplication.class,
                List.of("-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"), arguments)), gatewayPorts[node]);
    }

    /** Kills a gateway node ({@code SIGKILL}: no goodbye to its sockets, no unregistering, no leaving the group). */
    void killGateway(int node) {
        gateways[node].crash();
    }

    /**
     * Restarts a gateway node as a rollout does: {@code SIGTERM} (its graceful shutdown tells its
     * sockets to reconnect elsewhere and drains), then a new process on the same port, once ready.
     */
    void restartGateway(int node) {
        gateways[node].stop(Duration.ofSeconds(40));
        startGateway(node);
    }

    boolean gatewayAlive(int node) {
        return gateways[node] != null && gateways[node].isAlive();
    }

    private JvmProcess.Spec spec(String name, Class<?> main, List<String> jvm, List<String> arguments) {
        return new JvmProcess.Spec(name, main.getName(), jvm, arguments, System.getProperty("java.class.path"), directory, null,
                Map.of(), false, false);
    }

    private static JvmProcess ready(JvmProcess process, int port) {
        try {
            return process.awaitReady(URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness"), STARTUP);
        } catch (RuntimeException e) {
            process.crash();
            throw e;
        }
    }

    /** Debian's newest PostgreSQL, or {@code PARLEY_POSTGRES_BIN}. */
    private static Path postgresBin() {
        String configured = System.getenv("PARLEY_POSTGRES_BIN");
        if (configured != null) {
            return Path.of(configured);
        }
        try (var versions = Files.list(Path.of("/usr/lib/postgresql"))) {
            return versions.filter(version -> Files.isExecutable(version.resolve("bin/initdb")))
                    .max((a, b) -> Integer.compare(major(a), major(b)))
                    .map(version -> version.resolve("bin"))
                    .orElseThrow(() -> new IllegalStateException("no PostgreSQL binaries under /usr/lib/postgresql"));
        } catch (IOException e) {
            throw new UncheckedIOException("no PostgreSQL binaries under /usr/lib/postgresql", e);
        }
    }

    private static int major(Path version) {
        try {
            return Integer.parseInt(version.getFileName().toString());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** Kills every process still running, gateways first; the PostgreSQL cluster is stopped. */
    @Override
    public void close() {
        for (JvmProcess gateway : gateways) {
            if (gateway != null) {
                gateway.crash();
            }
        }
        if (service != null) {
            service.crash();
        }
        if (kafka != null) {
            kafka.crash();
        }
        if (redis != null) {
            redis.close();
        }
        postgres.close();
    }
}
