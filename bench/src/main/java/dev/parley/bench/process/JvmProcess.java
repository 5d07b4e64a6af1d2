package dev.parley.bench.process;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * A main class in a JVM of its own, so a benchmark can read that process's CPU time alone and a
 * test can kill it the way a machine dies ({@code SIGKILL}: no shutdown hook runs). Its output goes
 * to {@code <directory>/<name>.log}. With {@code profile} it records a JFR profile to
 * {@code <directory>/<name>.jfr} (read it with {@code jfr print --events jdk.ExecutionSample}) and is
 * stopped gently, since the JVM writes the recording only on a normal exit.
 */
public final class JvmProcess implements AutoCloseable {

    /** JVM options every profiled process gets; the recording is written at exit. */
    static String flightRecording(Path file) {
        return "-XX:StartFlightRecording=settings=profile,dumponexit=true,filename=" + file;
    }

    /**
     * What to start.
     *
     * @param name        the log's and the recording's file name
     * @param mainClass   the class whose {@code main} runs, or an executable jar's path when {@code classPath} is null
     * @param jvmOptions  {@code -X…}/{@code -D…} options, before the class path
     * @param arguments   the main's arguments
     * @param classPath   the class path, as {@code java.class.path} spells it
     * @param directory   where the log and the recording go
     * @param workingDirectory the process's working directory; null: this one's
     * @param environment variables added to this process's environment
     * @param profile     whether to record a JFR profile
     * @param piped       stdin and stdout are pipes to this process ({@link #process()}); only stderr goes to the log
     */
    public record Spec(String name, String mainClass, List<String> jvmOptions, List<String> arguments, String classPath,
                       Path directory, Path workingDirectory, Map<String, String> environment, boolean profile,
                       boolean piped) {

        /** The JVM this one runs on, with {@code java.class.path} of this one, output to {@code target/}, no profile. */
        public static Spec of(String name, String mainClass, List<String> jvmOptions, List<String> arguments) {
            return new Spec(name, mainClass, jvmOptions, arguments, System.getProperty("java.class.path"), Path.of("target"),
                    null, Map.of(), false, false);
        }

        public Spec withPipes() {
            return new Spec(name, mainClass, jvmOptions, arguments, classPath, directory, workingDirectory, environment, profile, true);
        }

        public Spec profiled(boolean on) {
            return new Spec(name, mainClass, jvmOptions, arguments, classPath, directory, workingDirectory, environment, on, piped);
        }

        public Spec classPath(String value) {
            return new Spec(name, mainClass, jvmOptions, arguments, value, directory, workingDirectory, environment, profile, piped);
        }

        public Spec in(Path logs, Path working) {
            return new Spec(name, mainClass, jvmOptions, arguments, classPath, logs, working, environment, profile, piped);
        }

        public Spec environment(Map<String, String> variables) {
            return new Spec(name, mainClass, jvmOptions, arguments, classPath, directory, workingDirectory, variables, profile, piped);
        }

        Path log() {
            return directory.resolve(name + ".log").toAbsolutePath();
        }
    }

    private final Spec spec;
    private final Process process;

    private JvmProcess(Spec spec, Process process) {
        this.spec = spec;
        this.process = process;
    }

    /** Starts the process; returns at once (see {@link #awaitReady}). */
    public static JvmProcess start(Spec spec) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(spec.jvmOptions());
        if (spec.profile()) {
            command.add(flightRecording(spec.directory().resolve(spec.name() + ".jfr").toAbsolutePath()));
        }
        command.addAll(spec.classPath() == null ? List.of("-jar", spec.mainClass())
                : List.of("-cp", spec.classPath(), spec.mainClass()));
        command.addAll(spec.arguments());
        var builder = new ProcessBuilder(command);
        if (spec.piped()) {
            builder.redirectError(spec.log().toFile());
        } else {
            builder.redirectErrorStream(true).redirectOutput(spec.log().toFile());
        }
        if (spec.workingDirectory() != null) {
            builder.directory(spec.workingDirectory().toFile());
        }
        builder.environment().putAll(spec.environment());
        try {
            return new JvmProcess(spec, builder.start());
        } catch (IOException e) {
            throw new IllegalStateException("could not start " + spec.name(), e);
        }
    }

    /** Waits until {@code url} answers 200; fails if the process exits first or {@code limit} passes. */
    public JvmProcess awaitReady(URI url, Duration limit) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + limit.toNanos();
        while (true) {
            if (!process.isAlive()) {
                throw new IllegalStateException(spec.name() + " exited with " + process.exitValue() + "; see " + spec.log());
            }
            try {
                var response = http.send(HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(5)).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return this;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while " + spec.name() + " started", e);
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(spec.name() + " was not ready within " + limit + "; see " + spec.log());
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(250));
        }
    }

    public String name() {
        return spec.name();
    }

    public Path log() {
        return spec.log();
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public Process process() {
        return process;
    }

    /** The process's CPU time so far (user and system). */
    public Duration cpuTime() {
        return process.toHandle().info().totalCpuDuration().orElse(Duration.ZERO);
    }

    /** Kills the process at once ({@code SIGKILL}) and waits until it is gone. */
    public void crash() {
        process.destroyForcibly();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Asks the process to stop ({@code SIGTERM}) and waits up to {@code patience}; then kills it. */
    public void stop(Duration patience) {
        if (process.isAlive()) {
            process.destroy();
            try {
                process.waitFor(patience.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (process.isAlive()) {
            crash();
        }
    }

    /** Profiled: stopped gently so the recording is written; otherwise killed. */
    @Override
    public void close() {
        if (spec.profile()) {
            stop(Duration.ofSeconds(60));
        }
        if (process.isAlive()) {
            crash();
        }
    }

    /** A port nobody listens on right now. */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
