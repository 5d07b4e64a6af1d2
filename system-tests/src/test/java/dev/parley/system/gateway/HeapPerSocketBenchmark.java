package dev.parley.system.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.parley.conversation.ConversationServiceApplication;
import dev.parley.gateway.ChatGatewayApplication;
import dev.parley.system.ServiceArguments;
import dev.parley.testsupport.RealInfrastructure;
import dev.parley.testsupport.TestDatabase;
import dev.parley.testsupport.TestKafka;
import dev.parley.testsupport.TestRedis;
import dev.parley.testsupport.http.ActuatorProbe;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Measures, for docs/benchmarks.md: heap per idle authenticated socket on one gateway node, as the
 * slope of the node's used heap after a full GC against its open sockets, from 0 to
 * {@code -Dparley.bench.sockets} (default 2,000; the figure is ~18,000). The node runs in its
 * own JVM; the sockets are held by {@code -Dparley.bench.clients} client processes (default 4), each
 * from its own source address 127.0.0.(2+i), since one process may open only 20,000 files here.
 * All sockets belong to one customer (token verification is per socket; the per-user entries are
 * not what is measured). Run: {@code ./mvnw -Pbenchmarks -pl system-tests -am verify
 * -Dit.test=HeapPerSocketBenchmark -Dfailsafe.failIfNoSpecifiedTests=false [-Dparley.bench.sockets=18000]}.
 */
@RealInfrastructure
class HeapPerSocketBenchmark {

    private static final int SOCKETS = Integer.getInteger("parley.bench.sockets", 2000);
    private static final int CLIENTS = Integer.getInteger("parley.bench.clients", 4);
    private static final int STEPS = 6;
    private static final Pattern HEAP_USED = Pattern.compile("(?m)^jvm_memory_used_bytes\\{[^}]*area=\"heap\"[^}]*} (\\S+)$");
    private static final Pattern CUSTOMER_SOCKETS = Pattern.compile("(?m)^parley_gateway_sockets\\{[^}]*role=\"customer\"[^}]*} (\\S+)$");

    @Test
    void heapPerIdleAuthenticatedSocket(TestDatabase database, TestKafka kafka, TestRedis redis) throws Exception {
        List<String> serviceArguments = List.of(ServiceArguments.conversationService(database, kafka,
                "--spring.data.redis.url=" + redis.uri()));
        try (var service = ServiceProcess.start(ConversationServiceApplication.class, List.of("-Xmx512m"), serviceArguments,
                "heap-bench-conversation-service");
             var node = ServiceProcess.start(ChatGatewayApplication.class, List.of("-Xmx2g", "-XX:+UseG1GC"),
                     Stack.gatewayArguments(service.port, 1, kafka, redis,
                             "parley.gateway.limits.connects-per-address=1000000",
                             "parley.gateway.hello-timeout=60s",
                             // the idle clients never read, so they answer no ping: keep them anyway
                             "parley.gateway.idle-timeout=1h"), "heap-bench-gateway")) {
            Cast.seed(database);
            String token = new Tokens(service.port).newCustomer().path("token").asString();
            List<ClientProcess> clients = new ArrayList<>();
            try {
                for (int i = 0; i < CLIENTS; i++) {
                    clients.add(ClientProcess.start(node.port, "127.0.0." + (2 + i), token));
                }
                List<double[]> samples = new ArrayList<>();
                int open = 0;
                for (int step = 0; step <= STEPS; step++) {
                    int target = SOCKETS * step / STEPS;
                    int each = (target - open) / CLIENTS;
                    for (ClientProcess client : clients) {
                        client.open(each);
                    }
                    for (ClientProcess client : clients) {
                        client.awaitOpened();
                    }
                    open += each * CLIENTS;
                    int expected = open;
                    await().atMost(Duration.ofMinutes(2)).until(() -> customerSockets(node) == expected);
                    double heap = heapAfterGc(node);
                    if (step == 0 && Boolean.getBoolean("parley.bench.histogram")) {
                        histogram(node, "heap-bench-histogram-0.txt");
                    }
                    samples.add(new double[] {open, heap});
                    System.out.printf("heap bench: %d sockets, %.1f MiB used after GC%n", open, heap / (1 << 20));
                }
                if (Boolean.getBoolean("parley.bench.histogram")) {
                    histogram(node, "heap-bench-histogram-" + open + ".txt");
                }
                double slope = slope(samples);
                assertThat(samples).hasSize(STEPS + 1);
                System.out.printf("heap per idle authenticated socket: %.2f KiB (slope over 0..%d sockets, %d client processes)%n",
                        slope / 1024, open, CLIENTS);
            } finally {
                clients.forEach(ClientProcess::close);
            }
        }
    }

    /** The node's live objects by class ({@code jcmd GC.class_histogram}), to see where the bytes go. */
    private static void histogram(ServiceProcess node, String file) throws Exception {
        new ProcessBuilder("jcmd", Long.toString(node.pid()), "GC.class_histogram")
                .redirectOutput(Path.of("target", file).toFile()).start().waitFor();
    }

    private static double customerSockets(ServiceProcess node) {
        Matcher sockets = CUSTOMER_SOCKETS.matcher(ActuatorProbe.onLocalPort(node.port).prometheus().body());
        return sockets.find() ? Double.parseDouble(sockets.group(1)) : -1;
    }

    private static double heapAfterGc(ServiceProcess node) throws Exception {
        for (int i = 0; i < 2; i++) {
            Process gc = new ProcessBuilder("jcmd", Long.toString(node.pid()), "GC.run").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            gc.waitFor();
        }
        Matcher used = HEAP_USED.matcher(ActuatorProbe.onLocalPort(node.port).prometheus().body());
        double total = 0;
        while (used.find()) {
            total += Double.parseDouble(used.group(1));
        }
        return total;
    }

    /** Least-squares slope of bytes against sockets. */
    private static double slope(List<double[]> samples) {
        double meanX = samples.stream().mapToDouble(s -> s[0]).average().orElseThrow();
        double meanY = samples.stream().mapToDouble(s -> s[1]).average().orElseThrow();
        double covariance = 0;
        double variance = 0;
        for (double[] sample : samples) {
            covariance += (sample[0] - meanX) * (sample[1] - meanY);
            variance += (sample[0] - meanX) * (sample[0] - meanX);
        }
        return covariance / variance;
    }

    /** An {@link IdleSockets} process. */
    private static final class ClientProcess implements AutoCloseable {
        private final Process process;
        private final PrintWriter commands;
        private final BufferedReader answers;

        private ClientProcess(Process process) {
            this.process = process;
            this.commands = new PrintWriter(process.getOutputStream(), true, StandardCharsets.UTF_8);
            this.answers = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        }

        static ClientProcess start(int port, String source, String token) throws IOException {
            return new ClientProcess(new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx256m", "-cp", System.getProperty("java.class.path"), IdleSockets.class.getName(),
                    Integer.toString(port), source, token)
                    .redirectError(Path.of("target", "heap-bench-client-" + source + ".log").toFile()).start());
        }

        /** Asks for more sockets; they open in parallel with the other processes'. */
        void open(int count) {
            commands.println("open " + count);
        }

        void awaitOpened() throws IOException {
            String answer = answers.readLine();
            if (answer == null || !answer.startsWith("opened")) {
                throw new IllegalStateException("a client process failed (see target/heap-bench-client-*.log): " + answer);
            }
        }

        @Override
        public void close() {
            commands.println("quit");
            process.destroy();
        }
    }
}
