package dev.parley.system.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.parley.system.gateway.HeldSockets;
import dev.parley.system.gateway.NodeProbe;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The soak of issue 15: {@code -Dparley.soak.sockets} WebSockets (10,000) held over both gateway
 * nodes of a {@link FaultCluster} for {@code -Dparley.soak.minutes} (10) while the fault suite's
 * {@link Load} ({@code -Dparley.soak.customers} customers and Bob, {@code -Dparley.soak.rate} msg/s)
 * runs through the same nodes. The sockets not the load's are idle visitors, each a customer of its
 * own with a widget session's token, held by {@link HeldSockets} processes from 127.0.0.2 on, which
 * answer every ping. Every {@code -Dparley.soak.sample} seconds it reads each process
 * ({@link SoakSample}); the samples after the warm-up ({@code -Dparley.soak.warmup}, 60 s, at most
 * half the soak) are the baseline. It asserts what must hold after any length of time: every socket
 * still open, the session table the same size, heap after GC within {@link #HEAP_SLACK} of the
 * baseline, and nothing lost, duplicated, reordered or leaked; latency is reported, never asserted.
 * Writes {@code target/soak/report.md}. Only in the {@code benchmarks} profile; see
 * docs/reliability.md#soak.
 */
class SoakBenchmark {

    private static final Path DIRECTORY = Path.of("target", "soak");
    private static final int SOCKETS = Integer.getInteger("parley.soak.sockets", 10_000);
    private static final int MINUTES = Integer.getInteger("parley.soak.minutes", 10);
    private static final int RATE = Integer.getInteger("parley.soak.rate", 50);
    private static final int CUSTOMERS = Integer.getInteger("parley.soak.customers", 40);
    private static final int CLIENTS = Integer.getInteger("parley.soak.clients", 4);
    private static final Duration PERIOD = Duration.ofSeconds(Integer.getInteger("parley.soak.sample", 30));
    private static final Duration SOAK = Duration.ofMinutes(MINUTES);
    private static final Duration WARMUP = min(Duration.ofSeconds(Integer.getInteger("parley.soak.warmup", 60)), SOAK.dividedBy(2));
    /**
     * How much heap after GC may grow from the baseline to the end: 10 %, or 30 MiB where that is
     * more. A leak of a few hundred bytes a message or socket event exceeds it within ten minutes of
     * 50 msg/s; caches that fill up to their bound during the soak (participants, JIT, metrics'
     * series) stay within it.
     */
    static final double HEAP_SLACK = 0.10;
    static final double HEAP_SLACK_MIB = 30;

    @Test
    void socketsHeldForMinutesUnderSteadyTrafficLeaveHeapSessionsAndDeliveryWhereTheyWere() throws Exception {
        Assumptions.assumeTrue(Files.isDirectory(Path.of("/usr/lib/postgresql")), "the soak needs PostgreSQL's binaries");
        String loadBefore = SoakSample.machineLoad();
        // Bob's token must outlive the soak (15 min by default; the load's clients do not renew it); the
        // gateways renew registrations as deployed (30 s TTL), not every second as the fault suite's do.
        try (FaultCluster cluster = FaultCluster.start(DIRECTORY.resolve("cluster"), List.of("parley.identity.tokens.agent=2h"),
                List.of("parley.gateway.registration-ttl=30s"))) {
            Api.seed(cluster.database());
            int capacity = Math.toIntExact(RATE * (SOAK.toSeconds() + 300));
            List<HeldSockets> held = new ArrayList<>();
            try (Load load = Load.open(cluster, CUSTOMERS, RATE, capacity, 0.1)) {
                int idle = SOCKETS - load.sockets();
                long opening = System.nanoTime();
                List<String> tokens = visitors(new Api(cluster.serviceUrl()), idle);
                for (int i = 0; i < CLIENTS; i++) {
                    String source = "127.0.0." + (2 + i);
                    held.add(HeldSockets.start(cluster.gatewayPort(i % 2), source, null, DIRECTORY.resolve("held-" + source + ".log")));
                }
                for (int i = 0; i < idle; i++) {
                    held.get(i % CLIENTS).openAs(tokens.get(i));
                }
                for (HeldSockets client : held) {
                    client.status(Duration.ofMinutes(10)); // answers once its sockets are open
                }
                await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1))
                        .until(() -> NodeProbe.sockets(cluster.gatewayPort(0), null) + NodeProbe.sockets(cluster.gatewayPort(1), null)
                                >= SOCKETS);
                Duration opened = Duration.ofNanos(System.nanoTime() - opening);
                System.out.printf("soak: %d sockets open (%d idle visitors, %d of the load) after %d s%n", SOCKETS, idle,
                        load.sockets(), opened.toSeconds());

                load.start();
                long start = System.nanoTime();
                List<SoakSample> samples = new ArrayList<>();
                for (long next = start; next - start <= SOAK.toNanos(); next += PERIOD.toNanos()) {
                    LockSupport.parkNanos(next - System.nanoTime()); // the sampling period, not a wait for a result
                    SoakSample sample = SoakSample.take(cluster, held, load, start);
                    samples.add(sample);
                    System.out.println("soak: " + SoakReport.row(sample));
                }
                long end = System.nanoTime();
                Tally.Totals totals = load.finish();
                new SoakReport(new SoakReport.Settings(SOCKETS, idle, load.sockets(), CLIENTS, RATE, SOAK, WARMUP, PERIOD), opened,
                        samples, baseline(samples), totals, load.tally.deliveryLatency(start, end), load.reconnects(), loadBefore,
                        SoakSample.machineLoad()).write(DIRECTORY.resolve("report.md"), load.tally);

                SoakSample after = samples.get(baseline(samples));
                SoakSample last = samples.get(samples.size() - 1);
                assertThat(last.heldClosed()).as("held sockets the gateways closed").isZero();
                assertThat(last.heldOpen()).as("held sockets open at the end").isEqualTo(idle);
                assertThat(last.totalSockets()).as("sockets open at the end, both nodes").isEqualTo(SOCKETS);
                assertThat(last.routingKeys()).as("users in the routing registry at the end")
                        .isLessThanOrEqualTo(after.routingKeys() + after.routingKeys() / 100);
                for (int node = 0; node < 2; node++) {
                    assertThat(last.heap()[node]).as("gateway %s heap after GC at the end", (char) ('A' + node))
                            .isLessThanOrEqualTo(bound(after.heap()[node]));
                }
                assertThat(last.serviceHeap()).as("conversation-service heap after GC at the end").isLessThanOrEqualTo(bound(after.serviceHeap()));
                assertThat(totals.sent()).as("messages sent").isGreaterThan(0);
                assertThat(totals.acked()).as("acked").isEqualTo(totals.sent());
                assertThat(totals.lost()).as("lost").isZero();
                assertThat(totals.duplicated()).as("duplicated").isZero();
                assertThat(totals.reordered()).as("reordered").isZero();
                assertThat(totals.leaked()).as("leaked").isZero();
            } finally {
                held.forEach(HeldSockets::close);
            }
        }
    }

    /** {@code count} new visitors' tokens, a widget session each, fetched 8 at a time. */
    private static List<String> visitors(Api api, int count) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<String>> tokens = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                tokens.add(pool.submit(() -> api.newCustomer().path("token").asString()));
            }
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
            List<String> values = new ArrayList<>();
            for (Future<String> token : tokens) {
                values.add(token.get(deadline - System.nanoTime(), TimeUnit.NANOSECONDS));
            }
            return values;
        } finally {
            pool.shutdownNow();
        }
    }

    /** The first sample at or after the warm-up. */
    static int baseline(List<SoakSample> samples) {
        for (int i = 0; i < samples.size(); i++) {
            if (samples.get(i).elapsed().compareTo(WARMUP) >= 0) {
                return i;
            }
        }
        return samples.size() - 1;
    }

    static double bound(double baseline) {
        return baseline + Math.max(baseline * HEAP_SLACK, HEAP_SLACK_MIB * SoakSample.MIB);
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
