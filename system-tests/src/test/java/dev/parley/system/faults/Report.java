package dev.parley.system.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The suite's table, one row a scenario, printed as each ends and written to {@code target/faults/report.md}. */
final class Report {

    private static final String HEADER = """
            | scenario | clients | sent | acked | delivered | lost | duplicated | reordered | leaked | recovery | refused while faulted |
            | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |""";

    private final List<String> rows = new ArrayList<>();
    private final Path file;

    Report(Path file) {
        this.file = file;
    }

    /** Adds and prints the row of {@code scenario}; {@code recovery} null: not measured (no fault) or not recovered. */
    synchronized void row(String scenario, int clients, Tally.Totals totals, Duration recovery, String recoveryNote) {
        String recovered = recovery == null ? recoveryNote : String.format("%.1f s", recovery.toMillis() / 1000.0);
        String row = String.format("| %s | %d | %d | %d | %d | %d | %d | %d | %d | %s | %s |", scenario, clients, totals.sent(),
                totals.acked(), totals.delivered(), totals.lost(), totals.duplicated(), totals.reordered(), totals.leaked(),
                recovered, errors(totals.errors()));
        rows.add(row);
        System.out.println("fault suite: " + HEADER.lines().findFirst().orElseThrow());
        System.out.println("fault suite: " + row);
    }

    /** A row of a scenario that is not about load (fuzz, idempotency): what was tried and what came of it. */
    synchronized void note(String scenario, String outcome) {
        String row = "| " + scenario + " | " + outcome + " |";
        rows.add(row);
        System.out.println("fault suite: " + row);
    }

    private static String errors(Map<String, Long> errors) {
        if (errors.isEmpty()) {
            return "—";
        }
        StringBuilder text = new StringBuilder();
        errors.forEach((code, count) -> text.append(text.isEmpty() ? "" : ", ").append('`').append(code).append("` ").append(count));
        return text.toString();
    }

    void write() {
        try {
            Files.createDirectories(file.getParent());
            StringBuilder text = new StringBuilder("Fault suite, ")
                    .append(ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ISO_LOCAL_DATE_TIME)).append(" UTC, ")
                    .append(Runtime.getRuntime().availableProcessors()).append(" cores\n\n").append(HEADER).append('\n');
            rows.stream().filter(row -> row.chars().filter(c -> c == '|').count() > 3).forEach(row -> text.append(row).append('\n'));
            text.append('\n');
            rows.stream().filter(row -> row.chars().filter(c -> c == '|').count() <= 3).forEach(row -> text.append(row).append('\n'));
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
