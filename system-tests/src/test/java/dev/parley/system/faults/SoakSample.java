package dev.parley.system.faults;

import dev.parley.system.gateway.HeldSockets;
import dev.parley.system.gateway.NodeProbe;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * What the soak reads every period: per gateway node its open sockets (the {@code parley_gateway_sockets}
 * gauge, all roles), heap used after full GCs and resident set; the same two of conversation-service;
 * the routing registry's size (its {@code user:} keys in Redis: one per user with a socket on some
 * node, which expires when no node renews it, so it is the cluster's session table); what the held
 * sockets' processes say; the messages the load has sent; the machine's load average.
 */
record SoakSample(long at, Duration elapsed, double[] sockets, double[] heap, long[] rss, double serviceHeap, long serviceRss,
                  long routingKeys, int heldOpen, int heldClosed, long pongs, long sent, String loadAverage) {

    static final double MIB = 1 << 20;

    static SoakSample take(FaultCluster cluster, List<HeldSockets> held, Load load, long start) {
        long at = System.nanoTime();
        double[] sockets = new double[2];
        double[] heap = new double[2];
        long[] rss = new long[2];
        for (int node = 0; node < 2; node++) {
            sockets[node] = NodeProbe.sockets(cluster.gatewayPort(node), null);
            heap[node] = NodeProbe.heapAfterGc(cluster.gatewayPid(node), cluster.gatewayPort(node));
            rss[node] = NodeProbe.rss(cluster.gatewayPid(node));
        }
        int open = 0;
        int closed = 0;
        long pongs = 0;
        for (HeldSockets client : held) {
            HeldSockets.Status status = client.status(Duration.ofSeconds(30));
            open += status.open();
            closed += status.closed();
            pongs += status.pings();
        }
        return new SoakSample(at, Duration.ofNanos(at - start), sockets, heap, rss,
                NodeProbe.heapAfterGc(cluster.servicePid(), cluster.servicePort), NodeProbe.rss(cluster.servicePid()),
                routingKeys(cluster.redisPort()), open, closed, pongs, load.sent(), machineLoad());
    }

    double totalSockets() {
        return sockets[0] + sockets[1];
    }

    private static long routingKeys(int port) {
        try {
            Process cli = new ProcessBuilder("redis-cli", "-h", "127.0.0.1", "-p", Integer.toString(port), "--scan", "--pattern",
                    "parley:gateway:user:*").redirectErrorStream(true).start();
            long keys = new String(cli.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).lines()
                    .filter(line -> line.startsWith("parley:gateway:user:")).count();
            return cli.waitFor() == 0 ? keys : -1;
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    static String machineLoad() {
        try {
            String[] figures = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return figures[0] + " " + figures[1] + " " + figures[2];
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
