package dev.parley.standalone.config;

import dev.parley.standalone.demo.DemoData;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The lines a newcomer reads after starting: where to go, how to log in, what is kept. */
final class StartReport {

    private static final Logger log = LoggerFactory.getLogger(StartReport.class);

    private StartReport() {
    }

    static void print(String url, Optional<DemoData> demo, boolean memoryStore) {
        log.info("\n{}", String.join("\n", lines(url, demo, memoryStore)));
    }

    static List<String> lines(String url, Optional<DemoData> demo, boolean memoryStore) {
        List<String> lines = new ArrayList<>();
        lines.add("==========================================================================");
        lines.add("  Parley is running at " + url + "/");
        lines.add("    demo shop with the chat widget:  " + url + "/");
        lines.add("    agent console:                   " + url + "/console");
        demo.ifPresent(data -> {
            lines.add("  Demo agents (log in to the console; go online to get conversations):");
            data.agents().forEach(agent -> lines.add(String.format("    %-11s %-18s %s%s", agent.name(), agent.email(),
                    agent.newPassword().map(password -> "password " + password)
                            .orElse("password as printed when it was created"),
                    agent.admin() ? "  (admin)" : "")));
        });
        if (memoryStore) {
            lines.add("  Everything is kept in memory and forgotten when this process exits.");
            lines.add("  Set PARLEY_DB_URL (e.g. postgresql://127.0.0.1:5432/parley) to keep it in PostgreSQL.");
        }
        lines.add("==========================================================================");
        return lines;
    }
}
