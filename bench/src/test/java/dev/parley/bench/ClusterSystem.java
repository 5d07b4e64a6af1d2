package dev.parley.bench;

import dev.parley.assignment.AssignmentWorkerApplication;
import dev.parley.bench.infra.KafkaBroker;
import dev.parley.bench.infra.PostgresServer;
import dev.parley.bench.infra.RedisServer;
import dev.parley.bench.process.JvmProcess;
import dev.parley.conversation.ConversationServiceApplication;
import dev.parley.gateway.ChatGatewayApplication;
import dev.parley.testsupport.services.SharedClasspath;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The cluster as deployed, each part its own process on this machine: a PostgreSQL server, a Redis
 * server and a Kafka broker of the benchmark's own, conversation-service, gateway A (customers),
 * gateway B (agents) and one assignment worker, each JVM with a stated heap and the JVM's default
 * collector (G1 here: 2 cores, 24 GiB).
 */
final class ClusterSystem implements FloorSystem {

    static final String GATEWAY_SECRET = "floor-gateway-secret-of-at-least-32-chars";
    static final String WORKER_SECRET = "floor-worker-secret-of-at-least-32-chars!";
    static final List<String> SERVICE_JVM = List.of("-Xmx768m");
    static final List<String> GATEWAY_JVM = List.of("-Xmx512m");
    static final List<String> WORKER_JVM = List.of("-Xmx384m");
    static final List<String> KAFKA_JVM = List.of("-Xmx768m", "-Dlogback.configurationFile=dev/parley/bench/quiet-logback.xml");
    /**
     * Gateway B's command budgets, raised: each agent here acknowledges 50 conversations' messages
     * (100 reads a second per agent at 2,000 msg/s, 5× the default per-socket and per-user budgets),
     * which no human does; a deployment whose agents' consoles read this fast would raise them too.
     * Gateway A, the customers', keeps every default: a customer sends at most a few messages a second.
     */
    static final List<String> AGENT_NODE_LIMITS = List.of("parley.gateway.commands-per-second=2000",
            "parley.gateway.command-burst=2000", "parley.gateway.limits.commands-per-user=50000",
            // A reset closes the agents' sockets, and reconnecting into a system still working off a
            // backlog took some of them longer than the 30 s grace: reported OFFLINE, their
            // conversations were requeued, and the floor's agents no longer held them, so what the
            // floor then counted lost had been moved by presence, not lost by the message path
            "parley.gateway.presence.grace=10m");

    private final Path directory;
    private final BenchSettings settings;
    private final List<AutoCloseable> started = new ArrayList<>();
    private PostgresServer postgres;
    private RedisServer redis;
    private JvmProcess kafka;
    private JvmProcess service;
    private JvmProcess gatewayA;
    private JvmProcess gatewayB;
    private JvmProcess worker;
    private int servicePort;
    private int portA;
    private int portB;
    private String postgresSettings = "";
    private String bootstrap;

    ClusterSystem(Path directory, BenchSettings settings) {
        this.directory = directory;
        this.settings = settings;
    }

    ClusterSystem start() throws IOException {
        Directories.fresh(directory);
        String classPath = System.getProperty("java.class.path");
        // pg_stat_statements counts the statements each message costs (a percent or two of the server's CPU)
        postgres = new PostgresServer(settings.postgresBin(), directory.resolve("postgres"), JvmProcess.freePort(), "postgres",
                List.of("shared_preload_libraries=pg_stat_statements"));
        started.add(postgres);
        postgres.start("parley");
        execute(postgres, "CREATE EXTENSION pg_stat_statements");
        postgresSettings = postgresSettings(postgres);
        redis = RedisServer.start(settings.redisServer(), directory.resolve("redis"), JvmProcess.freePort());
        started.add(redis);
        int kafkaPort = JvmProcess.freePort();
        kafka = start(new JvmProcess.Spec("kafka", KafkaBroker.class.getName(), KAFKA_JVM,
                List.of(directory.resolve("kafka-data").toAbsolutePath().toString(), Integer.toString(kafkaPort),
                        Integer.toString(JvmProcess.freePort())), classPath, directory, null, Map.of(), settings.profile(), false));
        awaitLogLine(kafka, "kafka ready", Duration.ofMinutes(3));
        bootstrap = "127.0.0.1:" + kafkaPort;

        servicePort = JvmProcess.freePort();
        service = start(spec("conversation-service", ConversationServiceApplication.class, SERVICE_JVM, List.of(
                "--server.port=" + servicePort,
                "--spring.r2dbc.url=" + postgres.r2dbcUrl("parley"),
                "--spring.r2dbc.username=postgres",
                "--spring.r2dbc.password=",
                "--spring.flyway.url=" + postgres.jdbcUrl("parley"),
                "--spring.flyway.user=postgres",
                "--spring.flyway.password=",
                "--spring.data.redis.url=" + redis.url(),
                "--parley.events.kafka.bootstrap-servers=" + bootstrap,
                "--parley.identity.services.chat-gateway.secret=" + GATEWAY_SECRET,
                "--parley.identity.services.assignment-worker.secret=" + WORKER_SECRET,
                "--parley.identity.signing-keys.encryption-secret=bench-signing-keys-secret-of-32-chars",
                // every seeded customer comes from this machine's one address
                "--parley.identity.widget-sessions.per-client.attempts=1000000",
                "--parley.identity.bootstrap-admin.email=" + Seeding.ADMIN_EMAIL,
                "--parley.identity.bootstrap-admin.password=" + Seeding.ADMIN_PASSWORD), classPath));
        ready(service, servicePort);
        portA = JvmProcess.freePort();
        portB = JvmProcess.freePort();
        gatewayA = start(spec("gateway-a", ChatGatewayApplication.class, GATEWAY_JVM,
                gatewayArguments(portA, "gw-a", bootstrap, List.of()), classPath));
        gatewayB = start(spec("gateway-b", ChatGatewayApplication.class, GATEWAY_JVM,
                gatewayArguments(portB, "gw-b", bootstrap, AGENT_NODE_LIMITS), classPath));
        int workerPort = JvmProcess.freePort();
        worker = start(spec("assignment-worker", AssignmentWorkerApplication.class, WORKER_JVM, List.of(
                "--server.port=" + workerPort,
                "--spring.application.name=assignment-worker",
                "--spring.autoconfigure.exclude=" + SharedClasspath.CONVERSATION_SERVICE_ONLY,
                "--management.endpoint.health.group.readiness.include=readinessState",
                "--parley.events.kafka.client-id=assignment-worker",
                "--parley.events.kafka.bootstrap-servers=" + bootstrap,
                "--parley.assignment.conversation-service-url=http://127.0.0.1:" + servicePort,
                "--parley.assignment.client-id=assignment-worker",
                "--parley.assignment.client-secret=" + WORKER_SECRET), classPath));
        ready(gatewayA, portA);
        ready(gatewayB, portB);
        ready(worker, workerPort);
        return this;
    }

    private List<String> gatewayArguments(int port, String node, String bootstrap, List<String> settings) {
        List<String> arguments = new ArrayList<>(List.of(
                "--server.port=" + port,
                "--spring.autoconfigure.exclude=" + SharedClasspath.CONVERSATION_SERVICE_ONLY,
                // every service's jar holds an application.yml and conversation-service's comes first here
                "--spring.application.name=chat-gateway",
                "--management.endpoint.health.group.readiness.include=readinessState,redis",
                "--parley.events.kafka.client-id=chat-gateway",
                "--spring.data.redis.url=" + redis.url(),
                "--parley.events.kafka.bootstrap-servers=" + bootstrap,
                "--parley.gateway.conversation-service=http://127.0.0.1:" + servicePort,
                "--parley.gateway.node-id=" + node,
                "--parley.gateway.presence.client-secret=" + GATEWAY_SECRET));
        settings.forEach(setting -> arguments.add("--" + setting));
        return arguments;
    }

    private JvmProcess.Spec spec(String name, Class<?> main, List<String> jvm, List<String> arguments, String classPath) {
        return new JvmProcess.Spec(name, main.getName(), jvm, arguments, classPath, directory, null, Map.of(), settings.profile(),
                false);
    }

    private JvmProcess start(JvmProcess.Spec spec) {
        JvmProcess process = JvmProcess.start(spec);
        started.add(process);
        return process;
    }

    private static void ready(JvmProcess process, int port) {
        process.awaitReady(URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness"), Duration.ofMinutes(4));
    }

    private static void awaitLogLine(JvmProcess process, String line, Duration limit) throws IOException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!Files.readString(process.log()).contains(line)) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                throw new IllegalStateException(process.name() + " did not start; see " + process.log());
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(200));
        }
    }

    private static void execute(PostgresServer server, String sql) {
        try (var connection = DriverManager.getConnection(server.jdbcUrl("parley"), "postgres", "")) {
            connection.createStatement().execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("could not run " + sql, e);
        }
    }

    @Override
    public long backlog() {
        return Outbox.rows(postgres.jdbcUrl("parley")) + ConsumerLag.total(bootstrap);
    }

    /**
     * PostgreSQL's and Redis's own counts so far: statements and transactions of the service's
     * database, rows written, WAL, outbox rows (one Kafka record each), and Redis commands by name.
     */
    @Override
    public Map<String, Long> counts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        try (var connection = DriverManager.getConnection(postgres.jdbcUrl("parley"), "postgres", "");
             var query = connection.createStatement().executeQuery("""
                     SELECT (SELECT sum(calls) FROM pg_stat_statements s JOIN pg_database d ON d.oid = s.dbid
                              WHERE d.datname = 'parley' AND s.query NOT LIKE '%pg_stat%'),
                            d.xact_commit, d.tup_inserted, d.tup_updated, d.tup_deleted,
                            (SELECT sum(n_tup_hot_upd) FROM pg_stat_user_tables),
                            (SELECT coalesce(sum(n_tup_ins), 0) FROM pg_stat_user_tables WHERE relname = 'event_outbox'),
                            w.wal_records, w.wal_bytes, w.wal_sync
                     FROM pg_stat_database d, pg_stat_wal w WHERE d.datname = 'parley'""")) {
            query.next();
            String[] names = {"SQL statements", "transactions", "rows inserted", "rows updated", "rows deleted",
                    "HOT updates", "outbox rows (Kafka records)", "WAL records", "WAL bytes", "WAL fsyncs"};
            for (int i = 0; i < names.length; i++) {
                counts.put(names[i], query.getLong(i + 1));
            }
        } catch (SQLException e) {
            System.err.println("could not read PostgreSQL's statistics: " + e.getMessage());
        }
        long redisTotal = 0;
        for (var command : redis.commandCalls().entrySet()) {
            if (!command.getKey().equals("info")) {
                counts.put("Redis " + command.getKey(), command.getValue());
                redisTotal += command.getValue();
            }
        }
        counts.put("Redis commands", redisTotal);
        return counts;
    }

    /** Every setting of the server not at PostgreSQL's built-in default, as {@code name=value (source)}. */
    private static String postgresSettings(PostgresServer server) {
        StringBuilder text = new StringBuilder();
        try (var connection = DriverManager.getConnection(server.jdbcUrl("parley"), "postgres", "");
             var query = connection.createStatement().executeQuery("""
                     SELECT name, current_setting(name), '', source FROM pg_settings
                     WHERE source NOT IN ('default', 'override', 'client', 'session')
                        OR name IN ('autovacuum', 'fsync', 'synchronous_commit', 'full_page_writes', 'wal_level',
                                    'shared_buffers', 'max_connections', 'checkpoint_timeout', 'max_wal_size', 'server_version')
                     ORDER BY name""")) {
            while (query.next()) {
                text.append(text.isEmpty() ? "" : ", ").append(query.getString(1)).append('=').append(query.getString(2))
                        .append(query.getString(3)).append(" (").append(query.getString(4)).append(')');
            }
        } catch (SQLException e) {
            return "could not read pg_settings: " + e.getMessage();
        }
        return text.toString();
    }

    @Override
    public String mode() {
        return "cluster";
    }

    @Override
    public Api api() {
        return new Api("http://127.0.0.1:" + servicePort);
    }

    @Override
    public int customersPort() {
        return portA;
    }

    @Override
    public int agentsPort() {
        return portB;
    }

    @Override
    public Meters meters() {
        return new Meters()
                .add("conversation-service", () -> service.cpuTime().toNanos())
                .add("gateway A", () -> gatewayA.cpuTime().toNanos())
                .add("gateway B", () -> gatewayB.cpuTime().toNanos())
                .add("worker", () -> worker.cpuTime().toNanos())
                .add("PostgreSQL", postgres::cpuNanos)
                .add("PostgreSQL backends", postgres::backendCpuNanos)
                .add("Kafka", () -> kafka.cpuTime().toNanos())
                .add("Redis", redis::cpuNanos);
    }

    @Override
    public List<String> parleyParts() {
        return List.of("conversation-service", "gateway A", "gateway B", "worker");
    }

    @Override
    public String describe() {
        return "cluster: conversation-service " + SERVICE_JVM + ", gateway A and B " + GATEWAY_JVM + ", worker " + WORKER_JVM
                + ", Kafka broker " + KAFKA_JVM.get(0) + " (KRaft, one node, Kafka's defaults), each its own JVM (G1);"
                + " Redis " + settings.redisServer() + " (no snapshots, no AOF); gateway B "
                + String.join(", ", AGENT_NODE_LIMITS) + ". PostgreSQL (" + settings.postgresBin()
                + ", a fresh initdb cluster of the benchmark's own): " + postgresSettings;
    }

    @Override
    public void close() {
        for (int i = started.size() - 1; i >= 0; i--) {
            try {
                started.get(i).close();
            } catch (Exception e) {
                System.err.println("could not stop a floor process: " + e);
            }
        }
    }
}
