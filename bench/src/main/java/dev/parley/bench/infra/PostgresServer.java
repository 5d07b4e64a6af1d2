package dev.parley.bench.infra;

import dev.parley.bench.process.ProcStat;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A PostgreSQL server of the benchmark's own: a fresh cluster ({@code initdb}) started and stopped
 * with {@code pg_ctl}, so its settings are a deployment's (initdb's, with autovacuum, fsync and
 * synchronous commit on) and the CPU time of its processes belongs to the benchmark alone. The
 * binaries are the machine's (Debian's {@code /usr/lib/postgresql/15/bin} by default). PostgreSQL
 * refuses to run as root, so when this JVM is root the server runs as {@code osUser} (through
 * {@code runuser}), which owns the data directory.
 *
 * <p>CPU: the postmaster and every process it forked (backends and auxiliary processes: checkpointer,
 * WAL writer, background writer, autovacuum), read from {@code /proc}; the postmaster's
 * {@code cutime}/{@code cstime} keep the time of children that have exited.
 */
public final class PostgresServer implements AutoCloseable {

    private final Path bin;
    private final Path directory;
    private final int port;
    private final String osUser;
    private final List<String> settings;
    private long postmaster = -1;

    /**
     * @param bin       the directory of {@code initdb}, {@code pg_ctl}, {@code createdb}
     * @param directory where the cluster lives (created; data in {@code data/}, log {@code postgres.log})
     * @param port      the TCP port on 127.0.0.1
     * @param osUser    who runs the server when this JVM is root
     * @param settings  {@code name=value} settings beyond what a fresh cluster has (given as {@code -c})
     */
    public PostgresServer(Path bin, Path directory, int port, String osUser, List<String> settings) {
        this.bin = bin;
        this.directory = directory.toAbsolutePath();
        this.port = port;
        this.osUser = osUser;
        this.settings = List.copyOf(settings);
    }

    public int port() {
        return port;
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    public String r2dbcUrl(String database) {
        return "r2dbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    /** initdb, start, and create {@code database}; returns once the server accepts connections. */
    public PostgresServer start(String database) {
        try {
            Files.createDirectories(directory);
            Path socket = directory.resolve("socket");
            Files.createDirectories(socket);
            if (asOtherUser()) {
                run(List.of("chown", "-R", osUser, directory.toString()), false);
            }
            run(List.of(bin.resolve("initdb").toString(), "-D", data().toString(), "-U", "postgres", "-A", "trust",
                    "-E", "UTF8", "--locale=C.UTF-8", "--no-instructions"), true);
            launch();
            run(List.of(bin.resolve("createdb").toString(), "-h", "127.0.0.1", "-p", Integer.toString(port), "-U", "postgres",
                    database), true);
            return this;
        } catch (IOException e) {
            throw new IllegalStateException("could not start PostgreSQL in " + directory, e);
        }
    }

    /** Starts the cluster's server (again, after {@link #stop}); returns once it accepts connections. */
    public PostgresServer launch() {
        try {
            List<String> options = new ArrayList<>(List.of("-c listen_addresses=127.0.0.1", "-c port=" + port,
                    "-c unix_socket_directories=" + directory.resolve("socket")));
            settings.forEach(setting -> options.add("-c " + setting));
            run(List.of(bin.resolve("pg_ctl").toString(), "-D", data().toString(), "-l",
                    directory.resolve("postgres.log").toString(), "-w", "-t", "120", "-o", String.join(" ", options), "start"), true);
            postmaster = Long.parseLong(Files.readAllLines(data().resolve("postmaster.pid"), StandardCharsets.US_ASCII).get(0).strip());
            return this;
        } catch (IOException e) {
            throw new IllegalStateException("could not start PostgreSQL in " + directory, e);
        }
    }

    /**
     * Stops the server ({@code pg_ctl stop -m fast}: sessions are ended, a clean shutdown) and keeps
     * the cluster, so {@link #launch} brings it back with every committed row, as a restart does.
     */
    public void stop() {
        close();
    }

    /** The server's total CPU time so far: every process of it, and those that have exited. */
    public long cpuNanos() {
        return ProcStat.withChildren(postmaster);
    }

    /** The CPU time of the live client backends alone (the processes serving connections). */
    public long backendCpuNanos() {
        long total = 0;
        for (long child : ProcStat.children(postmaster)) {
            if (isBackend(ProcStat.commandLine(child))) {
                total += ProcStat.cpuNanos(child).orElse(0);
            }
        }
        return total;
    }

    /** A backend's title is {@code postgres: <user> <database> <host>(<port>) <state>}; auxiliary ones name their task. */
    static boolean isBackend(String commandLine) {
        return commandLine.matches("postgres: \\S+ \\S+ (\\d[\\d.:]*\\(\\d+\\)|\\[local\\]).*");
    }

    @Override
    public void close() {
        if (postmaster < 0) {
            return;
        }
        try {
            run(List.of(bin.resolve("pg_ctl").toString(), "-D", data().toString(), "-m", "fast", "-w", "stop"), true);
        } catch (RuntimeException | IOException e) {
            System.err.println("could not stop PostgreSQL in " + directory + ": " + e.getMessage());
        }
        postmaster = -1;
    }

    private Path data() {
        return directory.resolve("data");
    }

    private boolean asOtherUser() {
        return "root".equals(System.getProperty("user.name"));
    }

    private void run(List<String> command, boolean asServerUser) throws IOException {
        List<String> full = new ArrayList<>();
        if (asServerUser && asOtherUser()) {
            full.addAll(List.of("runuser", "-u", osUser, "--"));
        }
        full.addAll(command);
        Process process = new ProcessBuilder(full).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(directory.resolve("commands.log").toFile())).start();
        try {
            if (!process.waitFor(3, TimeUnit.MINUTES) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", full) + " failed; see " + directory.resolve("commands.log"));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted: " + full, e);
        }
    }
}
