package dev.parley.standalone.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import io.zonky.test.db.postgres.util.LinuxUtils;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL run by this process on a {@link DataDirectory}, from the binaries on the
 * classpath (zonky's, for Linux and macOS on x86-64 and arm64): created by {@code initdb} at the
 * first start, reused after that. It listens on 127.0.0.1 only, on a free port, with user
 * {@code postgres} trusted, like a development server. Unlike a test server it keeps what it
 * acknowledged: {@code fsync} and {@code synchronous_commit} are on.
 *
 * <p>{@link #close()} stops it with a fast shutdown (clients are disconnected, a checkpoint is
 * written), then lets go of the directory. Whoever starts it stops it after everything that uses it.
 */
public final class EmbeddedDatabase implements AutoCloseable {

    /** The database the conversation service lives in, beside the server's own {@code postgres}. */
    public static final String DATABASE = "parley";
    public static final String USER = "postgres";

    /**
     * pg_ctl waits for the server itself; this bounds zonky's check after it. Generous: after a
     * crash the server replays its write-ahead log first.
     */
    private static final Duration STARTUP_WAIT = Duration.ofMinutes(2);
    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);

    private final DataDirectory directory;
    private final EmbeddedPostgres server;
    private final DirectoryLock lock;
    private final boolean created;
    private final AtomicBoolean closed = new AtomicBoolean();

    private EmbeddedDatabase(DataDirectory directory, EmbeddedPostgres server, DirectoryLock lock, boolean created) {
        this.directory = directory;
        this.server = server;
        this.lock = lock;
        this.created = created;
    }

    /**
     * Starts the server on the directory, creating it if need be.
     *
     * @throws DataDirectoryInUseException when another Parley runs on the directory
     */
    public static EmbeddedDatabase start(DataDirectory directory) {
        createDirectories(directory.root());
        refuseRootWithoutUserNamespaces();
        DirectoryLock lock = DirectoryLock.acquire(directory);
        try {
            StalePostmaster.clear(directory.postgres());
            boolean created = !Files.exists(directory.postgres().resolve("PG_VERSION"));
            EmbeddedPostgres server = launch(directory);
            ensureDatabase(server);
            var database = new EmbeddedDatabase(directory, server, lock, created);
            log.info("Embedded PostgreSQL {} on 127.0.0.1:{} from {} ({}), data {} in {}", database.version(),
                    server.getPort(), PostgresBinaries.describe(), PostgresBinaries.platform(),
                    created ? "created" : "reused", directory.postgres());
            return database;
        } catch (RuntimeException e) {
            lock.close();
            throw e;
        }
    }

    private static EmbeddedPostgres launch(DataDirectory directory) {
        // The server's output (initdb, start, stop, errors) goes to its own log in the data directory.
        var output = ProcessBuilder.Redirect.appendTo(directory.postgresLog().toFile());
        try {
            return EmbeddedPostgres.builder()
                    .setDataDirectory(directory.postgres())
                    .setCleanDataDirectory(false)
                    // Stopped by whoever started it, after its users; a JVM hook of its own would race theirs.
                    .setRegisterShutdownHook(false)
                    .setPGStartupWait(STARTUP_WAIT)
                    // zonky's defaults are a test server's: no fsync, commits acknowledged before they are on disk.
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    // TCP only: no socket file in /tmp for other users to find.
                    .setServerConfig("unix_socket_directories", "")
                    .setServerConfig("max_connections", "100")
                    .setLocaleConfig("locale", utf8Locale(System.getProperty("os.name", "")))
                    .setOutputRedirector(output)
                    .setErrorRedirector(output)
                    .start();
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("The embedded PostgreSQL did not start on " + directory.postgres()
                    + "; its log is " + directory.postgresLog() + ". To start afresh, delete " + directory.root()
                    + " (everything in it is lost), or set " + DataDirectory.VARIABLE + " to another directory.", e);
        }
    }

    /** The application's database, created at the first start; the server's own {@code postgres} stays empty. */
    private static void ensureDatabase(EmbeddedPostgres server) {
        try (Connection connection = server.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            try (ResultSet exists = statement.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + DATABASE + "'")) {
                if (exists.next()) {
                    return;
                }
            }
            statement.execute("CREATE DATABASE " + DATABASE);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create the database " + DATABASE + " in the embedded PostgreSQL", e);
        }
    }

    /**
     * A UTF-8 locale whatever the environment says (an unset {@code LANG} means C): with the C ctype
     * PostgreSQL lower-cases ASCII letters only, so full-text search would tell "Über" from "über".
     * Chosen once, by initdb. glibc has C.UTF-8 built in; macOS has no C.UTF-8, but en_US.UTF-8.
     */
    static String utf8Locale(String osName) {
        return osName.toLowerCase(Locale.ROOT).startsWith("mac") ? "en_US.UTF-8" : "C.UTF-8";
    }

    /**
     * PostgreSQL refuses to run as root. zonky then runs it in a user namespace of its own
     * ({@code unshare -U}), where it is an unprivileged user owning the same files; where user
     * namespaces are not allowed (some containers, macOS) there is no way round it.
     */
    private static void refuseRootWithoutUserNamespaces() {
        if (!RunningUser.isRoot()) {
            return;
        }
        if (!LinuxUtils.isUnshareAvailable()) {
            throw new IllegalStateException("PostgreSQL refuses to run as root, and this machine does not let Parley"
                    + " run it as an unprivileged user in a user namespace (unshare -U). Run Parley as a normal user,"
                    + " or point it at a PostgreSQL server with PARLEY_DB_URL.");
        }
        log.info("Running as root: the embedded PostgreSQL runs as an unprivileged user in a user namespace (unshare -U)");
    }

    /** Private to its owner where the file system says so: it holds every conversation and upload. */
    private static void createDirectories(Path root) {
        try {
            if (!Files.exists(root) && root.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                Files.createDirectories(root, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            }
            Files.createDirectories(root);
        } catch (IOException e) {
            throw new UncheckedIOException("could not create the data directory " + root + " (" + DataDirectory.VARIABLE + ")", e);
        }
    }

    public DataDirectory directory() {
        return directory;
    }

    public int port() {
        return server.getPort();
    }

    /** Whether this start created the data directory (initdb) rather than reusing one. */
    public boolean created() {
        return created;
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port() + "/" + DATABASE;
    }

    public String r2dbcUrl() {
        return "r2dbc:postgresql://127.0.0.1:" + port() + "/" + DATABASE;
    }

    /** The pid of the running server (its postmaster), as its {@code postmaster.pid} says. */
    public long serverPid() {
        try {
            return Long.parseLong(Files.readAllLines(directory.postgres().resolve("postmaster.pid")).get(0).strip());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String version() {
        try (Connection connection = server.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SHOW server_version")) {
            row.next();
            return row.getString(1);
        } catch (SQLException e) {
            throw new IllegalStateException("the embedded PostgreSQL does not answer", e);
        }
    }

    /** Fast shutdown, then the directory is free for the next start. Idempotent. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            server.close();
            if (Files.exists(directory.postgres().resolve("postmaster.pid"))) {
                log.warn("The embedded PostgreSQL on {} is still stopping; see {}", directory.postgres(), directory.postgresLog());
            } else {
                log.info("Embedded PostgreSQL stopped; data kept in {}", directory.postgres());
            }
        } catch (IOException e) {
            log.warn("The embedded PostgreSQL on {} did not stop cleanly: {}", directory.postgres(), e.toString());
        } finally {
            lock.close();
        }
    }
}
