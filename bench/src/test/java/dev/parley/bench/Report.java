package dev.parley.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;

/** The Markdown for docs/benchmarks.md: one table per mode, its correctness counts and how it ran. */
final class Report {

    private final StringBuilder text = new StringBuilder();

    Report header(String command, String machine, BenchSettings settings) {
        text.append("Date ").append(LocalDate.now()).append(". Command: `").append(command).append("`.\n")
                .append("Machine: ").append(machine).append(".\n")
                .append("Floor: ").append(settings.conversations()).append(" open conversations, one customer each on node A; ")
                .append(settings.agents()).append(" agents on node B with ").append(settings.seatsPerAgent())
                .append(" seats each, every conversation assigned by the worker; agents read `").append(settings.agentRead())
                .append("`; warm-up ").append(settings.warmupSeconds()).append(" s, ").append(settings.stepSeconds())
                .append(" s per step, drain ").append(settings.drainSeconds()).append(" s; knee: p99 ≤ ")
                .append(Math.round(settings.kneeP99Millis())).append(" ms and no backlog.\n\n");
        return this;
    }

    Report mode(FloorSystem system, FloorRun run, String loadBefore, String loadAfter) {
        List<String> parts = new ArrayList<>(system.meters().read().keySet());
        parts.remove("PostgreSQL backends");
        parts.add("load generator");
        text.append("#### ").append(system.mode()).append("\n\n").append(system.describe()).append(".\n")
                .append("Load average before ").append(loadBefore).append(", after ").append(loadAfter).append(".\n\n");
        text.append("| step | offered msg/s | read msg/s | | end to end p50 / p99 / p99.9 / max ms | command leg p99 | delivery leg p99 | CPU s per 1,000 messages: ")
                .append(String.join(" | ", parts.stream().map(Report::heading).toList())).append(" | Parley's own |\n");
        text.append("|---".repeat(8 + parts.size())).append("|\n");
        for (StepRow row : run.rows()) {
            JsonNode e2e = row.result().path("endToEnd");
            text.append("| ").append(row.kind()).append(" | ").append(String.format(Locale.ROOT, "%,d", row.rate())).append(" | ")
                    .append(String.format(Locale.ROOT, "%,.0f", row.achieved())).append(" | ").append(row.status()).append(" | ")
                    .append(ms(e2e.path("p50"))).append(" / ").append(ms(e2e.path("p99"))).append(" / ")
                    .append(ms(e2e.path("p999"))).append(" / ").append(ms(e2e.path("max")))
                    .append(row.drained() ? "" : " (of " + e2e.path("count").asLong() + " read of "
                            + row.result().path("sent").asLong() + " sent)")
                    .append(" | ").append(ms(row.result().path("commandLeg").path("p99")))
                    .append(" | ").append(ms(row.result().path("deliveryLeg").path("p99")));
            for (String part : parts) {
                text.append(" | ").append(cpu(row.cpuPerThousand(part)));
                if (part.equals("PostgreSQL")) {
                    text.append(" (").append(cpu(row.cpuPerThousand("PostgreSQL backends"))).append(")");
                }
            }
            double own = system.parleyParts().stream().mapToDouble(row::cpuPerThousand).sum();
            text.append(" | **").append(cpu(own)).append("** |\n");
        }
        List<String> counters = run.rows().stream().flatMap(row -> row.counts().keySet().stream()).distinct()
                .filter(name -> !name.startsWith("Redis ") || name.equals("Redis commands")).toList();
        if (!counters.isEmpty()) {
            text.append("\nPer message read, from the servers' own statistics (PostgreSQL's `pg_stat_statements`, ")
                    .append("`pg_stat_database`, `pg_stat_user_tables`, `pg_stat_wal`; Redis's `INFO commandstats`), ")
                    .append("everything the step's traffic caused (sends, read receipts, assignment, the relay):\n\n");
            text.append("| step | offered msg/s | ").append(String.join(" | ", counters)).append(" | Redis by command |\n");
            text.append("|---".repeat(3 + counters.size())).append("|\n");
            for (StepRow row : run.rows()) {
                text.append("| ").append(row.kind()).append(" | ").append(String.format(Locale.ROOT, "%,d", row.rate()));
                for (String counter : counters) {
                    double value = row.perMessage(counter);
                    text.append(" | ").append(Double.isNaN(value) ? "—"
                            : String.format(Locale.ROOT, value >= 100 ? "%,.0f" : "%.2f", value));
                }
                text.append(" | ").append(String.join(", ", row.counts().entrySet().stream()
                        .filter(entry -> entry.getKey().startsWith("Redis ") && !entry.getKey().equals("Redis commands"))
                        .filter(entry -> row.perMessage(entry.getKey()) >= 0.005)
                        .sorted((x, y) -> Long.compare(y.getValue(), x.getValue()))
                        .map(entry -> entry.getKey().substring("Redis ".length()) + " "
                                + String.format(Locale.ROOT, "%.2f", row.perMessage(entry.getKey())))
                        .toList())).append(" |\n");
            }
        }
        if (run.kneeSearched()) {
            run.knee().ifPresentOrElse(
                    rate -> text.append("\nKnee: **").append(String.format(Locale.ROOT, "%,d", rate)).append(" msg/s**"),
                    () -> text.append("\nKnee: none found"));
            text.append(" (the highest offered rate that kept up with p99 within the threshold, below the lowest that did not).\n");
        } else {
            text.append('\n');
        }
        JsonNode totals = run.totals();
        if (totals != null) {
            text.append("Every message of the run (warm-up included): sent ").append(totals.path("sent").asLong())
                    .append(", acknowledged ").append(totals.path("acked").asLong())
                    .append(", refused ").append(totals.path("errored").asLong())
                    .append(", unanswered (abandoned by a reset) ").append(totals.path("unanswered").asLong())
                    .append("; **lost ").append(totals.path("lost").asLong())
                    .append(", duplicated ").append(totals.path("duplicated").asLong())
                    .append(", reordered ").append(totals.path("reordered").asLong()).append("**")
                    .append(" (sends never acknowledged that committed after a later one: ")
                    .append(totals.path("committedLateAfterAnError").asLong()).append(")")
                    .append("; copies read by the department's other agents ").append(totals.path("departmentCopies").asLong())
                    .append("; reads ").append(totals.path("readsSent").asLong()).append(" sent, ")
                    .append(totals.path("readsAnswered").asLong()).append(" answered, refused ").append(totals.path("readErrors"))
                    .append("; sockets closed by the server ").append(totals.path("closes")).append(".\n");
        }
        String errors = run.rows().stream().filter(row -> row.result().path("errored").asLong() > 0
                        || row.result().path("notSent").asLong() > 0)
                .map(row -> row.kind() + " " + row.rate() + ": " + row.result().path("errors") + ", not sent "
                        + row.result().path("notSent").asLong())
                .collect(Collectors.joining("; "));
        if (!errors.isEmpty()) {
            text.append("Sends refused, by step: ").append(errors).append(".\n");
        }
        run.notes().forEach(note -> text.append(note).append(".\n"));
        text.append('\n');
        return this;
    }

    private static String heading(String part) {
        return part.equals("PostgreSQL") ? "PostgreSQL (backends)" : part;
    }

    private static String ms(JsonNode value) {
        double ms = value.asDouble();
        return ms >= 1000 ? String.format(Locale.ROOT, "%,.0f", ms) : String.format(Locale.ROOT, "%.1f", ms);
    }

    private static String cpu(double seconds) {
        return Double.isNaN(seconds) ? "—" : String.format(Locale.ROOT, "%.2f", seconds);
    }

    String text() {
        return text.toString();
    }

    Path write(Path directory) throws IOException {
        Path file = directory.resolve("support-floor-" + LocalDate.now() + ".md");
        Files.writeString(file, text);
        return file;
    }
}
