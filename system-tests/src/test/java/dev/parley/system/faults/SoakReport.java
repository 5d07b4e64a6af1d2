package dev.parley.system.faults;

import static dev.parley.system.faults.SoakSample.MIB;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.HdrHistogram.Histogram;

/** The soak's figures as Markdown ({@code target/soak/report.md}): the machine, the settings, a row a sample, then the verdicts. */
record SoakReport(Settings settings, Duration opened, List<SoakSample> samples, int baseline, Tally.Totals totals,
                  Histogram latency, Map<String, Long> reconnects, String loadBefore, String loadAfter) {

    record Settings(int sockets, int idle, int loadSockets, int clients, int rate, Duration soak, Duration warmup, Duration period) {
    }

    static final String HEADER = """
            | t | sockets A | sockets B | heap A | heap B | RSS A | RSS B | service heap | service RSS | routing keys | held closed | pongs | sent | delivery p50 / p99 | load average |
            | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |""";

    /** One sample as a table row without the delivery column's figures, for the log as it runs. */
    static String row(SoakSample sample) {
        return row(sample, "—");
    }

    private static String row(SoakSample sample, String delivery) {
        return String.format("| %d s | %.0f | %.0f | %.1f | %.1f | %.0f | %.0f | %.1f | %.0f | %d | %d | %d | %d | %s | %s |",
                sample.elapsed().toSeconds(), sample.sockets()[0], sample.sockets()[1], sample.heap()[0] / MIB,
                sample.heap()[1] / MIB, sample.rss()[0] / MIB, sample.rss()[1] / MIB, sample.serviceHeap() / MIB,
                sample.serviceRss() / MIB, sample.routingKeys(), sample.heldClosed(), sample.pongs(), sample.sent(), delivery,
                sample.loadAverage());
    }

    void write(Path file, Tally tally) {
        SoakSample after = samples.get(baseline);
        SoakSample last = samples.get(samples.size() - 1);
        StringBuilder text = new StringBuilder("# Soak, ")
                .append(ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm"))).append(" UTC\n\n")
                .append(String.format("Machine: %s, %d cores, %s, Java %s. Load average (1, 5, 15 min) before the cluster started: %s; at the end: %s.%n%n",
                        cpu(), Runtime.getRuntime().availableProcessors(), memory(), System.getProperty("java.version"), loadBefore,
                        loadAfter))
                .append(String.format("%,d sockets over gateways A and B: %,d idle visitors (a customer each, %d processes answering pings) "
                                + "and the load's %d (customers and Bob's tabs) sending %d msg/s; all open %d s after the first; "
                                + "%d min from the start of traffic, sampled every %d s, baseline after %d s.%n%n",
                        settings.sockets(), settings.idle(), settings.clients(), settings.loadSockets(), settings.rate(), opened.toSeconds(),
                        settings.soak().toMinutes(), settings.period().toSeconds(), settings.warmup().toSeconds()))
                .append("Heap is used heap after two full GCs (`jcmd GC.run`), MiB; RSS MiB; routing keys: users with a socket "
                        + "in the Redis registry; delivery p50 / p99: ms, messages sent since the sample before.\n\n")
                .append(HEADER).append('\n');
        for (int i = 0; i < samples.size(); i++) {
            String delivery = i == 0 ? "—" : percentiles(tally.deliveryLatency(samples.get(i - 1).at(), samples.get(i).at()));
            text.append(row(samples.get(i), delivery)).append('\n');
        }
        text.append(String.format("%nFrom the baseline (%d s) to the end (%d s), bound +%.0f %% or +%.0f MiB:%n%n",
                after.elapsed().toSeconds(), last.elapsed().toSeconds(), SoakBenchmark.HEAP_SLACK * 100, SoakBenchmark.HEAP_SLACK_MIB));
        for (int node = 0; node < 2; node++) {
            int n = node;
            text.append(growth("gateway " + (char) ('A' + node) + " heap after GC", after.heap()[node], last.heap()[node],
                    slope(sample -> sample.heap()[n])));
        }
        text.append(growth("conversation-service heap after GC", after.serviceHeap(), last.serviceHeap(), slope(SoakSample::serviceHeap)));
        text.append(String.format("- sockets open: %.0f → %.0f; held sockets closed by a gateway: %d; routing keys %d → %d%n",
                after.totalSockets(), last.totalSockets(), last.heldClosed(), after.routingKeys(), last.routingKeys()));
        text.append(String.format("- RSS: gateway A %.0f → %.0f MiB, B %.0f → %.0f MiB, conversation-service %.0f → %.0f MiB%n",
                after.rss()[0] / MIB, last.rss()[0] / MIB, after.rss()[1] / MIB, last.rss()[1] / MIB, after.serviceRss() / MIB,
                last.serviceRss() / MIB));
        text.append(String.format("%nLoad: sent %d, acked %d, delivered %d, lost %d, duplicated %d, reordered %d, leaked %d "
                        + "(%d notes among the sent); reconnects %s; refusals %s.%n", totals.sent(), totals.acked(), totals.delivered(),
                totals.lost(), totals.duplicated(), totals.reordered(), totals.leaked(), totals.notes(), reconnects,
                totals.errors().isEmpty() ? "none" : totals.errors()));
        text.append(String.format("Delivery over the soak, send to the other side's socket: p50 %s ms, p99 %s ms, max %.0f ms (%d messages).%n",
                ms(latency, 50), ms(latency, 99), latency.getMaxValue() / 1000.0, latency.getTotalCount()));
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        System.out.print(text);
    }

    private String growth(String what, double from, double to, double slopePerMinute) {
        return String.format("- %s: %.1f → %.1f MiB (%+.1f MiB, bound %.1f MiB); slope after the warm-up %+.2f MiB/min%n", what,
                from / MIB, to / MIB, (to - from) / MIB, SoakBenchmark.bound(from) / MIB, slopePerMinute / MIB);
    }

    /** Least-squares slope, bytes a minute, of the samples from the baseline on. */
    private double slope(ToDoubleFunction<SoakSample> bytes) {
        List<SoakSample> after = samples.subList(baseline, samples.size());
        if (after.size() < 2) {
            return 0;
        }
        double meanX = after.stream().mapToDouble(s -> s.elapsed().toMillis() / 60_000.0).average().orElseThrow();
        double meanY = after.stream().mapToDouble(bytes).average().orElseThrow();
        double covariance = 0;
        double variance = 0;
        for (SoakSample sample : after) {
            double x = sample.elapsed().toMillis() / 60_000.0 - meanX;
            covariance += x * (bytes.applyAsDouble(sample) - meanY);
            variance += x * x;
        }
        return covariance / variance;
    }

    private static String percentiles(Histogram micros) {
        return micros.getTotalCount() == 0 ? "—" : ms(micros, 50) + " / " + ms(micros, 99);
    }

    private static String ms(Histogram micros, double percentile) {
        return micros.getTotalCount() == 0 ? "—" : String.format("%.0f", micros.getValueAtPercentile(percentile) / 1000.0);
    }

    private static String cpu() {
        return first("/proc/cpuinfo", "(?m)^model name\\s*:\\s*(.+)$");
    }

    private static String memory() {
        String kib = first("/proc/meminfo", "(?m)^MemTotal:\\s*(\\d+) kB$");
        return kib.equals("?") ? kib : String.format("%.0f GiB", Long.parseLong(kib) / (1024.0 * 1024));
    }

    private static String first(String file, String pattern) {
        try {
            Matcher matcher = Pattern.compile(pattern).matcher(Files.readString(Path.of(file)));
            return matcher.find() ? matcher.group(1).trim() : "?";
        } catch (IOException e) {
            return "?";
        }
    }
}
