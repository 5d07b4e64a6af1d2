package dev.parley.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One mode's run on a started {@link FloorSystem}: seed the cast, start the load generator, warm up,
 * step through the rates, search the knee, drain and count. After a step that left a backlog the
 * floor is reset (customers' sockets closed, the backlog left to settle, everyone reconnected), so
 * the next step starts clean; no wait is unbounded, and no step starts after {@code maxMinutes}.
 */
final class FloorRun {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final FloorSystem system;
    private final BenchSettings settings;
    private final Path directory;
    private final List<StepRow> rows = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private final long startedAt = System.nanoTime();
    private JsonNode totals;
    private OptionalInt knee = OptionalInt.empty();
    private boolean kneeSearched;
    /** Why the steps after a reset that failed were not run; {@code null} while the floor is whole. */
    private String broken;

    FloorRun(FloorSystem system, BenchSettings settings, Path directory) {
        this.system = system;
        this.settings = settings;
        this.directory = directory;
    }

    FloorRun run(List<Integer> rates, boolean searchKnee) throws IOException {
        Seeding.Cast seeded = Seeding.seed(system.api(), settings.agents(), settings.seatsPerAgent(), settings.conversations());
        Path cast = directory.resolve("floor-cast-" + system.mode() + ".json");
        Map<String, Object> file = new HashMap<>();
        file.put("customersHost", "127.0.0.1");
        file.put("customersPort", system.customersPort());
        file.put("agentsHost", "127.0.0.1");
        file.put("agentsPort", system.agentsPort());
        file.put("service", seeded.service());
        file.put("agents", seeded.agents());
        file.put("customers", seeded.customers());
        Files.writeString(cast, JSON.writeValueAsString(file));
        Meters meters = system.meters();
        try (LoadProcess load = LoadProcess.start(cast, directory, System.getProperty("java.class.path"), settings,
                "load-generator-" + system.mode())) {
            meters.add("load generator", () -> load.process().cpuTime().toNanos());
            load.connect();
            int warmupRate = settings.warmupRate() > 0 ? settings.warmupRate() : rates.isEmpty() ? 100 : rates.get(0);
            log("warm-up: " + settings.warmupSeconds() + " s at " + warmupRate + " msg/s");
            StepRow warmup = step(load, meters, "warmup", warmupRate, settings.warmupSeconds());
            log("warm-up " + warmup.status() + ", read " + Math.round(warmup.achieved()) + " msg/s");
            for (int rate : rates) {
                if (broken != null) {
                    notes.add("not run (" + broken + "): " + rate + " msg/s");
                    continue;
                }
                if (outOfTime()) {
                    notes.add("not run (time budget of " + settings.maxMinutes() + " min spent): " + rate + " msg/s");
                    continue;
                }
                rows.add(step(load, meters, "step", rate, settings.stepSeconds()));
            }
            if (searchKnee && broken == null) {
                searchKnee(load, meters);
            }
            try {
                totals = load.finish(settings.finalDrainSeconds());
            } catch (IllegalStateException e) {
                notes.add("the final count failed: " + e.getMessage());
            }
            log("totals: " + totals);
        }
        return this;
    }

    private void searchKnee(LoadProcess load, Meters meters) {
        kneeSearched = true;
        var search = new KneeSearch(1.5, 0.1, settings.maxRate());
        for (int i = 0; i < settings.kneeSteps() && !outOfTime() && broken == null; i++) {
            OptionalInt next = search.next(tried());
            if (next.isEmpty()) {
                break;
            }
            rows.add(step(load, meters, "knee", next.getAsInt(), settings.stepSeconds()));
        }
        knee = search.knee(tried());
    }

    private List<KneeSearch.Tried> tried() {
        return rows.stream().map(row -> new KneeSearch.Tried(row.rate(), row.sustained())).toList();
    }

    private StepRow step(LoadProcess load, Meters meters, String kind, int rate, int seconds) {
        Map<String, Long>[] window = newWindow();
        Map<String, Long>[] counted = newWindow();
        JsonNode result = load.step(kind, rate, seconds, settings.drainSeconds(), () -> {
            window[0] = meters.read();
            counted[0] = system.counts();
        }, () -> {
            window[1] = meters.read();
            counted[1] = system.counts();
        });
        StepRow row = new StepRow(kind, rate, result, Meters.difference(window[0], window[1]),
                Meters.difference(counted[0], counted[1]), settings.kneeP99Millis());
        log(system.mode() + " " + kind + " " + rate + " msg/s: " + row.status() + ", read " + Math.round(row.achieved())
                + " msg/s; " + result);
        if (!row.drained()) {
            try {
                JsonNode reset = load.reset(settings.quietSeconds());
                log("reset after a backlog: " + reset + "; " + awaitIdle());
            } catch (IllegalStateException e) {
                // the floor could not reconnect into a system still working off the backlog: what
                // was measured stands, the steps after it cannot start clean
                broken = "the floor could not reconnect after " + rate + " msg/s: " + e.getMessage();
                notes.add(broken);
                log(broken);
            }
        }
        return row;
    }

    /**
     * Waits, at most four quiet periods, until the system has worked off what the saturated step
     * left (outbox and consumer lag), so the next step starts clean; says how it ended.
     */
    private String awaitIdle() {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(4L * settings.quietSeconds());
        long started = System.nanoTime();
        long backlog;
        while ((backlog = system.backlog()) > 0 && System.nanoTime() < deadline) {
            java.util.concurrent.locks.LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(500));
        }
        String outcome = backlog == 0 ? "idle after " : "still " + backlog + " behind after ";
        if (backlog > 0) {
            notes.add("a step started " + backlog + " events behind (outbox and consumer lag)");
        }
        return outcome + Math.round((System.nanoTime() - started) / 1e8) / 10.0 + " s";
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Long>[] newWindow() {
        return new Map[2];
    }

    private boolean outOfTime() {
        return System.nanoTime() - startedAt > TimeUnit.MINUTES.toNanos(settings.maxMinutes());
    }

    private static void log(String line) {
        System.out.println("[floor] " + line);
    }

    List<StepRow> rows() {
        return rows;
    }

    List<String> notes() {
        return notes;
    }

    JsonNode totals() {
        return totals;
    }

    OptionalInt knee() {
        return knee;
    }

    boolean kneeSearched() {
        return kneeSearched;
    }
}
