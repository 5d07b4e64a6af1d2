package dev.parley.bench;

import dev.parley.bench.process.JvmProcess;
import dev.parley.bench.process.ProcStat;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The whole suite in one JVM, standalone's executable jar run as a user runs it
 * ({@code java -jar}, path in {@code -Dparley.bench.standalone-jar}), on its default store, whatever
 * that is: the benchmark sets no store. Anything the JVM spawns (an embedded PostgreSQL) inherits a
 * marker in its environment, by which its processes are found in {@code /proc} and their CPU time
 * counted, even after they are re-parented away from the JVM. PostgreSQL overwrites the environment
 * of the backends it forks with their titles, so a marked process's children count with it. It runs in a fresh working directory
 * with a fresh data directory ({@code PARLEY_DATA_DIR}; by default the store lives in
 * {@code ~/.parley}, which a second run would find full), so the store starts empty.
 */
final class StandaloneSystem implements FloorSystem {

    static final List<String> JVM = List.of("-Xmx3g");
    private static final String MARKER = "PARLEY_BENCH_FLOOR";

    private final Path directory;
    private final BenchSettings settings;
    private final String marker = MARKER + "=" + UUID.randomUUID();
    private JvmProcess process;
    private int port;

    StandaloneSystem(Path directory, BenchSettings settings) {
        this.directory = directory;
        this.settings = settings;
    }

    StandaloneSystem start() throws IOException {
        Directories.fresh(directory);
        Path work = Files.createDirectories(directory.resolve("work"));
        port = JvmProcess.freePort();
        List<String> arguments = new java.util.ArrayList<>(List.of(
                "--server.port=" + port,
                "--parley.standalone.demo.enabled=false",
                // every seeded customer comes from this machine's one address
                "--parley.identity.widget-sessions.per-client.attempts=1000000",
                "--parley.identity.bootstrap-admin.email=" + Seeding.ADMIN_EMAIL,
                "--parley.identity.bootstrap-admin.password=" + Seeding.ADMIN_PASSWORD));
        // one node holds customers and agents: the agents' budgets (see ClusterSystem) apply to it
        ClusterSystem.AGENT_NODE_LIMITS.forEach(setting -> arguments.add("--" + setting));
        Path jar = Path.of(settings.standaloneJar()).toAbsolutePath();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("no standalone jar at " + jar + ": build it (./mvnw -pl bench -am verify does)");
        }
        process = JvmProcess.start(new JvmProcess.Spec("standalone", jar.toString(), JVM, arguments, null, directory, work, Map.of(MARKER, marker.substring(MARKER.length() + 1), "PARLEY_DATA_DIR", work.resolve("data").toString()),
                settings.profile(), false));
        process.awaitReady(URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness"), Duration.ofMinutes(5));
        return this;
    }

    /** Every process spawned by the standalone JVM (not the JVM itself), with its children, live or reaped. */
    private long spawnedCpuNanos() {
        long jvm = process.pid();
        List<Long> marked = ProcStat.pids(pid -> pid != jvm && ProcStat.environmentHas(pid, marker));
        long total = 0;
        for (long pid : marked) {
            // a marked child is counted as itself: only a marked process whose parent is not marked is a root
            if (!marked.contains(ProcStat.parent(pid))) {
                total += ProcStat.withChildren(pid);
            }
        }
        return total;
    }

    private List<String> spawned() {
        long jvm = process.pid();
        return ProcStat.pids(pid -> pid != jvm && ProcStat.environmentHas(pid, marker)).stream()
                .map(ProcStat::commandLine).sorted().toList();
    }

    /** The outbox of its embedded PostgreSQL (events go in-process from there: no broker, no lag). */
    @Override
    public long backlog() {
        Path pid = directory.resolve("work").resolve("data").resolve("postgres").resolve("postmaster.pid");
        try {
            // postmaster.pid's fourth line is the port (PostgreSQL's own layout)
            String port = Files.readAllLines(pid).get(3).strip();
            return Outbox.rows("jdbc:postgresql://127.0.0.1:" + port + "/parley");
        } catch (IOException | IndexOutOfBoundsException e) {
            throw new IllegalStateException("cannot find the embedded PostgreSQL's port in " + pid, e);
        }
    }

    @Override
    public String mode() {
        return "standalone";
    }

    @Override
    public Api api() {
        return new Api("http://127.0.0.1:" + port);
    }

    @Override
    public int customersPort() {
        return port;
    }

    @Override
    public int agentsPort() {
        return port;
    }

    @Override
    public Meters meters() {
        return new Meters()
                .add("standalone", () -> process.cpuTime().toNanos())
                .add("spawned (PostgreSQL)", this::spawnedCpuNanos);
    }

    @Override
    public List<String> parleyParts() {
        return List.of("standalone");
    }

    @Override
    public String describe() {
        List<String> spawned = spawned();
        return "standalone: one JVM " + JVM + " (G1), its default store; "
                + ClusterSystem.AGENT_NODE_LIMITS + "; processes it spawned: "
                + (spawned.isEmpty() ? "none (an in-memory store)" : spawned.size() + " (" + String.join("; ",
                spawned.subList(0, Math.min(3, spawned.size()))) + (spawned.size() > 3 ? "; …" : "") + ")");
    }

    @Override
    public void close() {
        if (process != null) {
            // gently, so a store it spawned is shut down by it rather than orphaned
            process.stop(Duration.ofSeconds(30));
        }
    }
}
