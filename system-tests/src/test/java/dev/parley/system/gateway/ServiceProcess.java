package dev.parley.system.gateway;

import static org.awaitility.Awaitility.await;

import dev.parley.bench.process.JvmProcess;
import dev.parley.gateway.ChatGatewayApplication;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

/**
 * A service (a gateway node, conversation-service) in its own JVM with this test JVM's classpath,
 * so a test can kill it the way a machine dies ({@code SIGKILL}: no shutdown hook, no unregistering,
 * no leaving the consumer group) and a benchmark can read its own CPU time and heap. The process
 * itself is the bench module's {@link JvmProcess}, which the support-floor benchmark starts its
 * services with too.
 */
final class ServiceProcess implements AutoCloseable {

    private static final Duration STARTUP = Duration.ofMinutes(3);

    private final JvmProcess process;
    final int port;

    private ServiceProcess(JvmProcess process, int port) {
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
        int port = JvmProcess.freePort();
        List<String> replaced = arguments.stream()
                .map(argument -> argument.startsWith("--server.port=") ? "--server.port=" + port : argument).toList();
        JvmProcess process = JvmProcess.start(JvmProcess.Spec.of(name, main.getName(), jvmOptions, replaced)
                .profiled(Boolean.getBoolean("parley.bench.profile")));
        ServiceProcess node = new ServiceProcess(process, port);
        try {
            await().atMost(STARTUP).pollInterval(Duration.ofMillis(500)).until(() -> {
                if (!process.isAlive()) {
                    throw new IllegalStateException(name + " exited; see " + process.log());
                }
                return node.ready();
            });
        } catch (RuntimeException e) {
            process.crash();
            throw e;
        }
        return node;
    }

    /** The process's CPU time so far (user and system). */
    Duration cpuTime() {
        return process.cpuTime();
    }

    long pid() {
        return process.pid();
    }

    /** Kills the process at once ({@code SIGKILL}) and waits until it is gone. */
    void crash() {
        process.crash();
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

    @Override
    public void close() {
        process.close();
    }
}
