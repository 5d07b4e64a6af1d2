package dev.parley.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * A real PostgreSQL server started inside the test JVM from zonky's binaries (on the classpath, no
 * download), for machines with nothing but a JDK. Its data directory is a scratch directory under
 * the build directory; the server is stopped before that directory is deleted, when the JVM exits.
 * It runs with fsync off, as tests need no durability. As root, zonky runs PostgreSQL (which refuses
 * root) in a user namespace of its own ({@code unshare -U}); where those are not allowed, starting
 * fails with PostgreSQL's own message.
 */
final class EmbeddedPostgres {

    /** Long enough for a first start on a busy machine: it unpacks the binaries and runs initdb. */
    private static final Duration STARTUP_WAIT = Duration.ofSeconds(60);

    private EmbeddedPostgres() {
    }

    /** Starts a server; it is stopped when the JVM exits. */
    static PostgresEndpoint start() {
        Path directory = ScratchDirectories.create("postgres-");
        // The server's own output, kept beside its (deleted) data directory to read after a failure.
        ProcessBuilder.Redirect log = ProcessBuilder.Redirect.appendTo(
                directory.resolveSibling(directory.getFileName() + ".log").toFile());
        io.zonky.test.db.postgres.embedded.EmbeddedPostgres server;
        try {
            server = io.zonky.test.db.postgres.embedded.EmbeddedPostgres.builder()
                    .setDataDirectory(directory)
                    .setRegisterShutdownHook(false)
                    .setPGStartupWait(STARTUP_WAIT)
                    .setOutputRedirector(log)
                    .setErrorRedirector(log)
                    .setLocaleConfig("locale", utf8Locale(System.getProperty("os.name", "")))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("the embedded PostgreSQL did not start in " + directory + " (its log: "
                    + directory.getFileName() + ".log beside it)", e);
        }
        ShutdownTasks.register("stop the embedded PostgreSQL in " + directory, () -> {
            try {
                server.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        PostgresEndpoint endpoint = new PostgresEndpoint(Hosts.LOOPBACK, server.getPort(), PostgresUrl.DEFAULT_USER, "",
                PostgresUrl.DEFAULT_DATABASE, "embedded PostgreSQL");
        return new PostgresEndpoint(endpoint.host(), endpoint.port(), endpoint.username(), endpoint.password(),
                endpoint.maintenanceDatabase(), "embedded PostgreSQL " + version(endpoint) + " (zonky) in " + directory);
    }

    /**
     * A UTF-8 locale whatever the environment says (an unset {@code LANG} means C): with the C ctype
     * PostgreSQL does not lower-case non-ASCII letters, so full-text search would tell "Über" from
     * "über". glibc has C.UTF-8 built in; macOS has no C.UTF-8, but always en_US.UTF-8.
     */
    static String utf8Locale(String osName) {
        return osName.toLowerCase(java.util.Locale.ROOT).startsWith("mac") ? "en_US.UTF-8" : "C.UTF-8";
    }

    private static String version(PostgresEndpoint endpoint) {
        try (Connection connection = endpoint.connect(endpoint.maintenanceDatabase());
             Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SHOW server_version")) {
            row.next();
            return row.getString(1);
        } catch (SQLException e) {
            throw new IllegalStateException("the embedded PostgreSQL does not answer", e);
        }
    }
}
