package dev.parley.standalone.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a Parley that died without stopping its PostgreSQL leaves in the data directory, and how it
 * is cleared before the next start. Only called with the {@link DirectoryLock} held, so no live
 * Parley is using the directory. {@code postmaster.pid} names the server's pid:
 * <ul>
 *   <li>that process is gone (the machine or the server crashed): nothing to do here, PostgreSQL
 *       itself sees the stale file, checks that no old server process still uses its shared memory,
 *       and recovers from its write-ahead log;</li>
 *   <li>it is a PostgreSQL still running (the JVM was killed with {@code kill -9}, which its server
 *       outlives): it has no clients left, so it is asked to stop (SIGTERM, a smart shutdown) and,
 *       if it does not within {@link #STOP_PATIENCE}, killed, after which PostgreSQL recovers as
 *       after a crash;</li>
 *   <li>it is another program that got the pid since: the file is stale and removed;</li>
 *   <li>it cannot be told which (the OS does not say what the process runs): refused, since two
 *       servers on one data directory would corrupt it.</li>
 * </ul>
 */
final class StalePostmaster {

    /** A smart shutdown without clients is a checkpoint; a minute covers a slow disk. */
    static final Duration STOP_PATIENCE = Duration.ofSeconds(60);

    private static final Logger log = LoggerFactory.getLogger(StalePostmaster.class);

    private StalePostmaster() {
    }

    static void clear(Path dataDirectory) {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        Optional<Long> pid = pidIn(pidFile);
        if (pid.isEmpty()) {
            return;
        }
        Optional<ProcessHandle> process = ProcessHandle.of(pid.get()).filter(ProcessHandle::isAlive);
        if (process.isEmpty()) {
            log.info("{} names process {}, which is gone: PostgreSQL was not stopped cleanly and recovers now", pidFile, pid.get());
            return;
        }
        Optional<String> command = process.get().info().command();
        if (command.isEmpty()) {
            throw new IllegalStateException(pidFile + " names process " + pid.get() + ", which is running, and the OS"
                    + " does not say what it is. If it is not a PostgreSQL on this directory, delete the file.");
        }
        if (!Path.of(command.get()).getFileName().toString().startsWith("postgres")) {
            log.warn("{} names process {}, now {}: removing the stale file", pidFile, pid.get(), command.get());
            delete(pidFile);
            return;
        }
        log.warn("PostgreSQL (pid {}) is still running on {}, left by a Parley that did not stop it: stopping it",
                pid.get(), dataDirectory);
        stop(process.get());
    }

    private static void stop(ProcessHandle server) {
        server.destroy();
        if (!exited(server, STOP_PATIENCE)) {
            log.warn("PostgreSQL (pid {}) did not stop within {}: killing it; it recovers from its log at the next start",
                    server.pid(), STOP_PATIENCE);
            server.destroyForcibly();
            if (!exited(server, STOP_PATIENCE)) {
                throw new IllegalStateException("PostgreSQL (pid " + server.pid() + ") does not stop; stop it by hand");
            }
        }
    }

    private static boolean exited(ProcessHandle process, Duration patience) {
        try {
            process.onExit().get(patience.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while stopping PostgreSQL " + process.pid(), e);
        }
    }

    private static Optional<Long> pidIn(Path pidFile) {
        if (!Files.exists(pidFile)) {
            return Optional.empty();
        }
        try {
            String first = Files.readAllLines(pidFile, StandardCharsets.US_ASCII).stream().findFirst().orElse("").strip();
            return Optional.of(Long.parseLong(first));
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + pidFile, e);
        } catch (NumberFormatException e) {
            // Not even a pid: PostgreSQL would refuse it for what it is, a damaged file.
            log.warn("{} names no process: removing it", pidFile);
            delete(pidFile);
            return Optional.empty();
        }
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("could not remove " + file, e);
        }
    }
}
