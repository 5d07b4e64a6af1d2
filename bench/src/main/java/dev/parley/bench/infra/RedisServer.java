package dev.parley.bench.infra;

import dev.parley.bench.process.ProcStat;
import java.io.IOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * A Redis server of the benchmark's own, the machine's {@code redis-server} on a port of its own,
 * started with the settings the project's local server runs with (no RDB snapshots, no AOF), so
 * its CPU time, read from {@code /proc}, is the benchmark's alone.
 */
public final class RedisServer implements AutoCloseable {

    private final Process process;
    private final int port;

    private RedisServer(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    public static RedisServer start(String executable, Path directory, int port) {
        try {
            Files.createDirectories(directory);
            Process process = new ProcessBuilder(List.of(executable, "--port", Integer.toString(port), "--bind", "127.0.0.1",
                    "--save", "", "--appendonly", "no", "--dir", directory.toAbsolutePath().toString(), "--daemonize", "no"))
                    .redirectErrorStream(true).redirectOutput(directory.resolve("redis.log").toFile()).start();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (true) {
                try (Socket ignored = new Socket("127.0.0.1", port)) {
                    return new RedisServer(process, port);
                } catch (IOException notYet) {
                    if (!process.isAlive() || System.nanoTime() > deadline) {
                        process.destroyForcibly();
                        throw new IllegalStateException("redis-server did not start; see " + directory.resolve("redis.log"));
                    }
                    LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("could not start " + executable, e);
        }
    }

    public String url() {
        return "redis://127.0.0.1:" + port;
    }

    public long cpuNanos() {
        return ProcStat.cpuNanos(process.pid()).orElse(0);
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
