package dev.parley.system.gateway;

import static org.awaitility.Awaitility.await;

import dev.parley.gateway.ChatGatewayApplication;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A service (a gateway node, conversation-service) in its own JVM with this test JVM's classpath,
 * so a test can kill it the way a machine dies ({@code SIGKILL}: no shutdown hook, no unregistering,
 * no leaving the consumer group) and a benchmark can read its own CPU time and heap.
 */
final class ServiceProcess implements AutoCloseable {

    private static final Duration STARTUP = Duration.ofMinutes(3);

    private final Process process;
    final int port;

    private ServiceProcess(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** A gateway node with {@code arguments} (those of {@link Stack#gatewayArguments}). */
    static ServiceProcess gateway(List<String> arguments, String name) {
        return start(ChatGatewayApplication.class, List.of("-Xmx384m", "-XX:+UseSerialGC"), arguments, name);
    }

    /**
     * Starts {@code main} with {@code jvmOptions} and {@code arguments} on a free port (replacing their
     * {@code --server.port}); returns once its readiness probe answers. Its output goes to {@code target/<name>.log}.
     * With {@code -Dparley.bench.profile=true} it also records a JFR profile to {@code target/<name>.jfr}
     * (read it with {@code jfr print --events jdk.ExecutionSample}), to see where a benchmark's CPU goes.
     */
    static ServiceProcess start(Class<?> main, List<String> jvmOptions, List<String> arguments, String name) {
        int port = freePort();
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        if (Boolean.getBoolean("parley.bench.profile")) {
            command.add("-XX:StartFlightRecording=settings=profile,dumponexit=true,filename=" + Path.of("target", name + ".jfr"));
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), main.getName()));
        arguments.forEach(argument -> command.add(argument.startsWith("--server.port=") ? "--server.port=" + port : argument));
        File log = Path.of("target", name + ".log").toFile();
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log).start();
            ServiceProcess node = new ServiceProcess(process, port);
            await().atMost(STARTUP).pollInterval(Duration.ofMillis(500)).until(() -> {
                if (!process.isAlive()) {
                    throw new IllegalStateException(name + " exited; see " + log);
                }
                return node.ready();
            });
            return node;
        } catch (IOException e) {
            throw new IllegalStateException("could not start " + name, e);
        }
    }

    /** The process's CPU time so far (user and system). */
    Duration cpuTime() {
        return process.toHandle().info().totalCpuDuration().orElseThrow();
    }

    long pid() {
        return process.pid();
    }

    /** Kills the process at once ({@code SIGKILL}) and waits until it is gone. */
    void crash() {
        process.destroyForcibly();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private boolean ready() {
        try {
            var response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness")).build(),
                    HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        if (Boolean.getBoolean("parley.bench.profile") && process.isAlive()) {
            // a profiled process is stopped gently: the JVM writes its recording only on a normal exit
            process.destroy();
            try {
                process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (process.isAlive()) {
            crash();
        }
    }
}
