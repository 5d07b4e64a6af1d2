package dev.parley.bench.infra;

import dev.parley.bench.process.ProcStat;
import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
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

    /**
     * How many times each command ran so far ({@code INFO commandstats}, asked over a plain socket
     * in RESP so the count includes nothing but this one {@code INFO}).
     */
    public Map<String, Long> commandCalls() {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(5_000);
            socket.getOutputStream().write("*2\r\n$4\r\nINFO\r\n$12\r\ncommandstats\r\n".getBytes(StandardCharsets.US_ASCII));
            var in = new java.io.BufferedReader(new java.io.InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
            int length = Integer.parseInt(in.readLine().substring(1));
            char[] body = new char[length];
            for (int read = 0; read < length; ) {
                read += in.read(body, read, length - read);
            }
            Map<String, Long> calls = new TreeMap<>();
            for (String line : new String(body).split("\r\n")) {
                if (line.startsWith("cmdstat_")) {
                    String name = line.substring("cmdstat_".length(), line.indexOf(':'));
                    String stats = line.substring(line.indexOf(':') + 1);
                    calls.put(name, Long.parseLong(stats.substring("calls=".length(), stats.indexOf(','))));
                }
            }
            return calls;
        } catch (IOException | RuntimeException e) {
            return Map.of();
        }
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
