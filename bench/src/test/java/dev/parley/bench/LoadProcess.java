package dev.parley.bench;

import dev.parley.bench.load.FloorLoad;
import dev.parley.bench.process.JvmProcess;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The load generator's JVM ({@link FloorLoad}), driven over its stdin; every wait on it is bounded. */
final class LoadProcess implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String EOF = "\0eof";

    private final JvmProcess process;
    private final PrintWriter commands;
    private final BlockingQueue<String> answers = new LinkedBlockingQueue<>();

    private LoadProcess(JvmProcess process) {
        this.process = process;
        this.commands = new PrintWriter(process.process().getOutputStream(), true, StandardCharsets.UTF_8);
        Thread reader = new Thread(() -> {
            try (var lines = new BufferedReader(new InputStreamReader(process.process().getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    if (line.startsWith("@")) {
                        answers.add(line);
                    }
                }
            } catch (java.io.IOException e) {
                // the process is gone; EOF below says so
            }
            answers.add(EOF);
        }, "load-generator-answers");
        reader.setDaemon(true);
        reader.start();
    }

    static LoadProcess start(Path cast, Path logs, String classPath, BenchSettings settings, String name) {
        return new LoadProcess(JvmProcess.start(new JvmProcess.Spec(name, FloorLoad.class.getName(),
                List.of("-Xmx768m", "-Dlogback.configurationFile=dev/parley/bench/quiet-logback.xml",
                        "-Dparley.bench.agent-read=" + settings.agentRead(),
                        "-Dparley.bench.sockets-per-address=" + settings.socketsPerAddress(),
                        "-Dparley.bench.loops=" + settings.loadLoops()),
                List.of(cast.toAbsolutePath().toString()), classPath, logs, null, java.util.Map.of(), settings.profile(), true)));
    }

    JvmProcess process() {
        return process;
    }

    void connect() {
        commands.println("connect");
        expect("@connected", Duration.ofMinutes(5));
    }

    /** Runs a step; {@code atStart} and {@code atEnd} run when its measured window opens and closes. */
    JsonNode step(String name, int rate, int seconds, int drain, Runnable atStart, Runnable atEnd) {
        commands.println("step " + name + " " + rate + " " + seconds + " " + drain);
        expect("@window-start", Duration.ofMinutes(1));
        atStart.run();
        expect("@window-end", Duration.ofSeconds(seconds + 120L));
        atEnd.run();
        return json(expect("@result", Duration.ofSeconds(drain + 120L)));
    }

    JsonNode reset(int quietSeconds) {
        commands.println("reset " + quietSeconds);
        return json(expect("@reset", Duration.ofSeconds(quietSeconds + 600L)));
    }

    JsonNode finish(int drainSeconds) {
        commands.println("finish " + drainSeconds);
        return json(expect("@final", Duration.ofSeconds(drainSeconds + 120L)));
    }

    private String expect(String prefix, Duration limit) {
        try {
            String line = answers.poll(limit.toMillis(), TimeUnit.MILLISECONDS);
            if (line == null || line.equals(EOF) || !line.startsWith(prefix)) {
                throw new IllegalStateException("the load generator answered " + (line == null ? "nothing within " + limit
                        : line.equals(EOF) ? "nothing: it exited" : line) + " instead of " + prefix + "; see " + process.log());
            }
            return line;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode json(String line) {
        return JSON.readTree(line.substring(line.indexOf(' ') + 1));
    }

    @Override
    public void close() {
        commands.println("quit");
        process.stop(Duration.ofSeconds(20));
    }
}
