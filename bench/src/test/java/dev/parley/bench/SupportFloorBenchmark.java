package dev.parley.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Measures, for docs/benchmarks.md: a support floor on the persisted path. 1,000 customers on
 * gateway A each hold one open conversation, owned by one of 20 agents on gateway B (50 seats each,
 * assigned by the worker); customers send {@code message.send} open loop at each step's rate and
 * agents answer what they read with {@code read}, as the console does. Every part runs in its own
 * process (see {@link ClusterSystem}); then the same floor runs against the standalone JVM
 * ({@link StandaloneSystem}). Reports per step latency from the intended send time to the agent's
 * socket, its command and delivery legs, CPU per 1,000 messages of every process, and over the
 * whole run the messages lost, duplicated, reordered, which must all be 0.
 *
 * <p>Run: {@code ./mvnw -Pbenchmarks -pl bench -am verify}, settings in {@link BenchSettings}
 * (docs/benchmarks.md lists them). Runs only under {@code -Pbenchmarks}.
 */
class SupportFloorBenchmark {

    @Test
    void supportFloor() throws Exception {
        BenchSettings settings = BenchSettings.fromSystemProperties();
        Path directory = Path.of("target", "floor").toAbsolutePath();
        Files.createDirectories(directory);
        Report report = new Report().header(command(settings), machine(), settings);
        List<String> failures = new ArrayList<>();
        try {
            if (settings.runs("cluster")) {
                String before = loadAverage();
                try (var cluster = new ClusterSystem(directory.resolve("cluster"), settings).start()) {
                    FloorRun run = new FloorRun(cluster, settings, directory).run(settings.rates(), settings.knee());
                    report.mode(cluster, run, before, loadAverage());
                    failures.addAll(failures(cluster.mode(), run));
                }
            }
            if (settings.runs("standalone")) {
                String before = loadAverage();
                try (var standalone = new StandaloneSystem(directory.resolve("standalone"), settings).start()) {
                    FloorRun run = new FloorRun(standalone, settings, directory).run(settings.standaloneRates(),
                            settings.standaloneKnee());
                    report.mode(standalone, run, before, loadAverage());
                    failures.addAll(failures(standalone.mode(), run));
                }
            }
        } finally {
            Path file = report.write(directory.getParent());
            System.out.println("\n" + report.text() + "(written to " + file + ")");
        }
        assertThat(failures).as("correctness of the floor").isEmpty();
    }

    /** Loss, duplicates or reordering anywhere; refusals in a step that kept up. */
    private static List<String> failures(String mode, FloorRun run) {
        List<String> failures = new ArrayList<>();
        JsonNode totals = run.totals();
        for (String count : List.of("lost", "duplicated", "reordered")) {
            if (totals == null || totals.path(count).asLong() != 0) {
                failures.add(mode + ": " + count + " " + (totals == null ? "?" : totals.path(count).asLong()));
            }
        }
        for (StepRow row : run.rows()) {
            if (!row.saturated() && (row.result().path("errored").asLong() > 0 || row.result().path("notSent").asLong() > 0)) {
                failures.add(mode + " " + row.rate() + " msg/s kept up but refused " + row.result().path("errors")
                        + ", not sent " + row.result().path("notSent").asLong());
            }
        }
        return failures;
    }

    private static String command(BenchSettings settings) {
        StringBuilder command = new StringBuilder("./mvnw -Pbenchmarks -pl bench -am verify");
        System.getProperties().stringPropertyNames().stream().filter(name -> name.startsWith("parley.bench.") && !name.equals("parley.bench.standalone-jar")).sorted()
                .forEach(name -> command.append(" -D").append(name).append('=').append(System.getProperty(name)));
        return command.toString();
    }

    private static String machine() throws IOException {
        String model = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(line -> line.startsWith("model name"))
                .findFirst().map(line -> line.substring(line.indexOf(':') + 1).strip()).orElse("?");
        long memoryKb = Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(line -> line.startsWith("MemTotal"))
                .findFirst().map(line -> Long.parseLong(line.replaceAll("\\D", ""))).orElse(0L);
        return Runtime.getRuntime().availableProcessors() + " cores " + model + ", " + Math.round(memoryKb / 1048576.0)
                + " GiB, Java " + System.getProperty("java.version");
    }

    private static String loadAverage() throws IOException {
        String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
        return fields[0] + " " + fields[1] + " " + fields[2];
    }
}
