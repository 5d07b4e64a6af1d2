package dev.parley.standalone.config;

import dev.parley.standalone.demo.DemoData;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The lines a newcomer reads after starting: where to go, how to log in, where the data is and how to reset it. */
final class StartReport {

    private static final Logger log = LoggerFactory.getLogger(StartReport.class);

    private StartReport() {
    }

    static void print(String url, Optional<DemoData> demo, Storage storage) {
        log.info("\n{}", String.join("\n", lines(url, demo, storage)));
    }

    /**
     * Where the data is kept.
     *
     * @param dataDirectory the data directory: the embedded database's (when there is one) and the uploads'
     * @param embedded      whether the database is the embedded one, else the server PARLEY_DB_URL names
     * @param database      the embedded server's address, or the configured URL
     */
    record Storage(Path dataDirectory, boolean embedded, String database) {
    }

    static List<String> lines(String url, Optional<DemoData> demo, Storage storage) {
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
        if (storage.embedded()) {
            lines.add("  Data: " + storage.dataDirectory() + " (set PARLEY_DATA_DIR to move it); kept across restarts.");
            lines.add("    embedded PostgreSQL on " + storage.database() + ", user postgres (pg_dump works against it)");
            lines.add("  To start afresh: stop Parley, delete " + storage.dataDirectory() + ", start again.");
        } else {
            lines.add("  Data: PostgreSQL at " + storage.database() + " (PARLEY_DB_URL); uploaded files in "
                    + storage.dataDirectory().resolve("attachments") + ".");
        }
        lines.add("==========================================================================");
        return lines;
    }
}
