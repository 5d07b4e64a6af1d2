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
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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

    @Test
    void heapPerIdleAuthenticatedSocket(TestDatabase database, TestKafka kafka, TestRedis redis) throws Exception {
        List<String> serviceArguments = List.of(ServiceArguments.conversationService(database, kafka,
                "--spring.data.redis.url=" + redis.uri()));
        try (var service = ServiceProcess.start(ConversationServiceApplication.class, List.of("-Xmx512m"), serviceArguments,
                "heap-bench-conversation-service");
             var node = ServiceProcess.start(ChatGatewayApplication.class, List.of("-Xmx2g", "-XX:+UseG1GC"),
                     Stack.gatewayArguments(service.port, 1, kafka, redis,
                             "parley.gateway.limits.connects-per-address=1000000",
                             "parley.gateway.hello-timeout=60s"), "heap-bench-gateway")) {
            Cast.seed(database);
            String token = new Tokens(service.port).newCustomer().path("token").asString();
            List<HeldSockets> clients = new ArrayList<>();
            try {
                for (int i = 0; i < CLIENTS; i++) {
                    String source = "127.0.0." + (2 + i);
                    clients.add(HeldSockets.start(node.port, source, token, Path.of("target", "heap-bench-client-" + source + ".log")));
                }
                List<double[]> samples = new ArrayList<>();
                int open = 0;
                for (int step = 0; step <= STEPS; step++) {
                    int target = SOCKETS * step / STEPS;
                    int each = (target - open) / CLIENTS;
                    for (HeldSockets client : clients) {
                        client.open(each);
                    }
                    for (HeldSockets client : clients) {
                        client.awaitOpened();
                    }
                    open += each * CLIENTS;
                    int expected = open;
                    await().atMost(Duration.ofMinutes(2)).until(() -> customerSockets(node) == expected);
                    double heap = NodeProbe.heapAfterGc(node.pid(), node.port);
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
                clients.forEach(HeldSockets::close);
            }
        }
    }

    /** The node's live objects by class ({@code jcmd GC.class_histogram}), to see where the bytes go. */
    private static void histogram(ServiceProcess node, String file) throws Exception {
        new ProcessBuilder("jcmd", Long.toString(node.pid()), "GC.class_histogram")
                .redirectOutput(Path.of("target", file).toFile()).start().waitFor();
    }

    private static double customerSockets(ServiceProcess node) {
        return NodeProbe.sockets(node.port, "customer");
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
}
