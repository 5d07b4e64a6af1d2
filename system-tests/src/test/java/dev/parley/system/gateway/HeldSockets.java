package dev.parley.system.gateway;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** An {@link IdleSockets} process, as the benchmark that started it drives it; its stderr goes to {@code log}. */
public final class HeldSockets implements AutoCloseable {

    /** What the process holds: sockets opened, still open, closed by the gateway, pings answered, other frames read. */
    public record Status(int opened, int open, int closed, long pings, long frames) {
    }

    private final Process process;
    private final PrintWriter commands;
    private final BufferedReader answers;
    private final Path log;

    private HeldSockets(Process process, Path log) {
        this.process = process;
        this.log = log;
        this.commands = new PrintWriter(process.getOutputStream(), true, StandardCharsets.UTF_8);
        this.answers = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    }

    /** Starts a process that opens sockets to {@code port} from {@code source}, with {@code token} unless told another. */
    public static HeldSockets start(int port, String source, String token, Path log) {
        try {
            return new HeldSockets(new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx256m", "-cp", System.getProperty("java.class.path"), IdleSockets.class.getName(),
                    Integer.toString(port), source, token == null ? "-" : token)
                    .redirectError(log.toFile()).start(), log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Asks for more sockets with the process's token; they open in parallel with the other processes'. */
    public void open(int count) {
        commands.println("open " + count);
    }

    /** Asks for one more socket with {@code token}; {@link #status} answers once it and those before it are open. */
    public void openAs(String token) {
        commands.println("open-as " + token);
    }

    public void awaitOpened() {
        String answer = answer(Duration.ofMinutes(5));
        if (!answer.startsWith("opened")) {
            throw new IllegalStateException("a client process failed (see " + log + "): " + answer);
        }
    }

    /** Once every socket asked for before is open (or the process failed, or {@code patience} passed). */
    public Status status(Duration patience) {
        commands.println("status");
        String[] words = answer(patience).split(" ");
        if (words.length != 10 || !words[0].equals("opened")) {
            throw new IllegalStateException("a client process failed (see " + log + "): " + String.join(" ", words));
        }
        return new Status(Integer.parseInt(words[1]), Integer.parseInt(words[3]), Integer.parseInt(words[5]),
                Long.parseLong(words[7]), Long.parseLong(words[9]));
    }

    private String answer(Duration patience) {
        try {
            String line = CompletableFuture.supplyAsync(() -> {
                try {
                    return answers.readLine();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).get(patience.toMillis(), TimeUnit.MILLISECONDS);
            if (line == null) {
                throw new IllegalStateException("a client process exited (see " + log + ")");
            }
            return line;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("a client process did not answer within " + patience + " (see " + log + ")", e);
        }
    }

    @Override
    public void close() {
        commands.println("quit");
        process.destroy();
    }
}
