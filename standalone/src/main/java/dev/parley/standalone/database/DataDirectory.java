package dev.parley.standalone.database;

import java.nio.file.Path;
import java.util.function.UnaryOperator;

/**
 * Where standalone keeps what must outlive the process: the embedded PostgreSQL's data and the
 * uploaded files. {@value #VARIABLE} names it; by default {@code ~/.parley}, outside any checkout, so
 * neither {@code mvn clean} nor a fresh clone loses it. Deleting it (with Parley stopped) starts afresh.
 *
 * @param root the directory, absolute
 */
public record DataDirectory(Path root) {

    public static final String VARIABLE = "PARLEY_DATA_DIR";

    public DataDirectory {
        root = root.toAbsolutePath().normalize();
    }

    /** From {@value #VARIABLE} as the settings give it (environment, command line), else {@code ~/.parley}. */
    public static DataDirectory from(UnaryOperator<String> settings) {
        String configured = settings.apply(VARIABLE);
        return new DataDirectory(configured == null || configured.isBlank()
                ? Path.of(System.getProperty("user.home"), ".parley")
                : Path.of(configured.strip()));
    }

    /** The embedded PostgreSQL's data directory (its {@code PGDATA}). */
    public Path postgres() {
        return root.resolve("postgres");
    }

    /** The embedded PostgreSQL's own log: its start, stop, checkpoints and errors. */
    public Path postgresLog() {
        return root.resolve("postgres.log");
    }

    /** The filesystem blob store's root: uploaded attachments. */
    public Path attachments() {
        return root.resolve("attachments");
    }

    /** Held by the one process using the directory; names it. */
    Path lockFile() {
        return root.resolve("parley.lock");
    }
}
