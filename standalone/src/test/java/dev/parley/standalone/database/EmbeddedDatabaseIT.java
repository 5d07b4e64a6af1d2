package dev.parley.standalone.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A data directory left behind by a Parley that died, however it died, starts again without a hand on it. */
class EmbeddedDatabaseIT {

    private static final Duration PATIENCE = Duration.ofMinutes(2);

    @TempDir
    Path root;

    @Test
    void aPostmasterPidOfAProcessThatIsGoneIsRecoveredFrom() throws Exception {
        var directory = new DataDirectory(root);
        Path pidFile = directory.postgres().resolve("postmaster.pid");
        String whileRunning;
        try (var database = EmbeddedDatabase.start(directory)) {
            execute(database, "CREATE TABLE kept (answer int); INSERT INTO kept VALUES (42)");
            whileRunning = Files.readString(pidFile);
        }
        // What a crash of the machine leaves: the server's lock file, naming a process that is no more.
        long gone = pidOfAFinishedProcess();
        Files.writeString(pidFile, whileRunning.replaceFirst("^\\d+", Long.toString(gone)));

        try (var database = EmbeddedDatabase.start(directory)) {
            assertThat(database.created()).isFalse();
            assertThat(database.serverPid()).isNotEqualTo(gone);
            assertThat(answer(database)).isEqualTo(42);
        }
    }

    @Test
    void aServerThatOutlivedItsKilledProcessIsStoppedAndTheDataKept() throws Exception {
        Process crashing = holding(root);
        long orphan;
        try {
            orphan = CompletableFuture.supplyAsync(() -> serverPidFrom(crashing))
                    .get(PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
        } finally {
            crashing.destroyForcibly(); // kill -9: no shutdown hook, no chance to stop its server
            crashing.waitFor(PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
        }
        assertThat(ProcessHandle.of(orphan)).as("the server outlived its JVM").hasValueSatisfying(
                server -> assertThat(server.isAlive()).isTrue());

        try (var database = EmbeddedDatabase.start(new DataDirectory(root))) {
            assertThat(ProcessHandle.of(orphan).filter(ProcessHandle::isAlive)).as("the orphan was stopped").isEmpty();
            assertThat(database.serverPid()).isNotEqualTo(orphan);
            assertThat(answer(database)).isEqualTo(42);
        }
    }

    @Test
    void aSecondProcessOnTheDirectoryIsRefusedNamingTheHolderAndLeavesItsServerAlone() throws Exception {
        Process holder = holding(root);
        long server;
        try {
            server = CompletableFuture.supplyAsync(() -> serverPidFrom(holder)).get(PATIENCE.toMillis(), TimeUnit.MILLISECONDS);

            // Another JVM than this one: the OS lock refuses it, not this JVM's own bookkeeping.
            assertThatThrownBy(() -> EmbeddedDatabase.start(new DataDirectory(root)).close())
                    .isInstanceOf(DataDirectoryInUseException.class)
                    .hasMessageContaining("The data directory " + root + " is in use by another Parley (pid " + holder.pid() + ")")
                    .hasMessageContaining(DataDirectory.VARIABLE);
            assertThat(ProcessHandle.of(server).filter(ProcessHandle::isAlive)).as("the holder's server untouched").isPresent();
            assertThat(root.resolve("postgres").resolve("postmaster.pid")).exists();
        } finally {
            holder.destroyForcibly();
            holder.waitFor(PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
        }
        // The holder died with the lock: the next start gets it, stops the orphaned server and finds the data.
        try (var database = EmbeddedDatabase.start(new DataDirectory(root))) {
            assertThat(ProcessHandle.of(server).filter(ProcessHandle::isAlive)).isEmpty();
            assertThat(answer(database)).isEqualTo(42);
        }
    }

    static void execute(EmbeddedDatabase database, String sql) throws SQLException {
        try (var connection = DriverManager.getConnection(database.jdbcUrl(), EmbeddedDatabase.USER, "");
             var statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static int answer(EmbeddedDatabase database) throws SQLException {
        try (var connection = DriverManager.getConnection(database.jdbcUrl(), EmbeddedDatabase.USER, "");
             var statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT answer FROM kept")) {
            row.next();
            return row.getInt(1);
        }
    }

    /** A JVM of its own running {@link HoldingTheDatabase} on the directory. */
    private static Process holding(Path directory) throws java.io.IOException {
        return new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), HoldingTheDatabase.class.getName(), directory.toString())
                .redirectErrorStream(true).start();
    }

    private static long pidOfAFinishedProcess() throws Exception {
        Process finished = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-version")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        finished.waitFor(PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
        return finished.pid();
    }

    private static long serverPidFrom(Process process) {
        try (var lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.startsWith("running ")) {
                    return Long.parseLong(line.substring("running ".length()).strip());
                }
            }
            throw new IllegalStateException("the process ended without starting its database");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
