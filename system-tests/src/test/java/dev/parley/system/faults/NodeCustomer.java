package dev.parley.system.faults;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A customer on the real TypeScript client: {@code ParleySocket} of {@code web/src/shared/socket.ts}
 * in a Node process ({@code web/test/drivers/socket-driver.ts}, built by web's build). What the
 * client hands its UI ({@code onEvent}) is what is checked: every event of the customer's
 * conversation once, in seq order, none of another conversation and no note; a bug the Java
 * {@link LoadClient} cannot have (it is not the code the widget runs) shows here.
 */
final class NodeCustomer implements LoadUser {

    static final Path DRIVER = Path.of("..", "web", "target", "drivers", "socket-driver.mjs");
    private static final String ORIGIN = "http://localhost";

    private final String name;
    private final String token;
    private final String conversationId;
    private final int[] ports;
    private final Tally tally;
    private Process process;
    private Writer stdin;
    private volatile String state = "offline";
    private volatile JsonNode status;
    /** Welcomes, and replays ended ({@code resumed} or {@code resume.failed}) since the last welcome. */
    private volatile CompletableFuture<Void> welcomed = new CompletableFuture<>();
    private volatile boolean replayed;
    private final AtomicLong welcomes = new AtomicLong();
    private final LongAdder sent = new LongAdder();
    private final LongAdder answered = new LongAdder();
    /** Messages of the agent's the client handed its UI. */
    final LongAdder agentMessagesHanded = new LongAdder();
    private final Map<String, Long> highest = new HashMap<>();
    private final Map<String, Set<Long>> seen = new HashMap<>();

    NodeCustomer(String name, String token, String conversationId, int[] ports, Tally tally) {
        this.name = name;
        this.token = token;
        this.conversationId = conversationId;
        this.ports = ports;
        this.tally = tally;
    }

    /** Fails at once when web's build has not made the driver (it runs before this module's tests in {@code ./mvnw verify}). */
    static void requireDriver() {
        if (!Files.isRegularFile(DRIVER)) {
            throw new IllegalStateException("no " + DRIVER.toAbsolutePath().normalize() + ": build web first (./mvnw -pl web package)");
        }
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public CompletableFuture<Void> connect(int port) {
        List<String> command = new ArrayList<>(List.of("node", "--experimental-websocket", "--no-warnings",
                DRIVER.toAbsolutePath().toString(), token, ORIGIN));
        command.add("ws://127.0.0.1:" + port + "/ws");
        for (int other : ports) {
            if (other != port) {
                command.add("ws://127.0.0.1:" + other + "/ws");
            }
        }
        try {
            process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start node for " + name, e);
        }
        stdin = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        Thread reader = new Thread(this::read, name + "-stdout");
        reader.setDaemon(true);
        reader.start();
        return welcomed;
    }

    private void read() {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = lines.readLine()) != null; ) {
                JsonNode message = Api.JSON.readTree(line);
                switch (message.path("t").asString("")) {
                    case "event" -> event(message.path("event"));
                    case "ack" -> {
                        answered.increment();
                        tally.acked(message.path("index").asInt());
                    }
                    case "error" -> {
                        answered.increment();
                        tally.errored(message.path("index").asInt(), message.path("code").asString("?"));
                    }
                    case "state" -> state = message.path("state").asString();
                    case "status" -> status = message;
                    case "frame" -> frame(message.path("frame"));
                    case "typing" -> {
                        if (!conversationId.equals(message.path("conversationId").asString(null))) {
                            tally.leaked(name + " was sent typing of " + message.path("conversationId").asString(null));
                        }
                    }
                    default -> {
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            if (process.isAlive()) {
                tally.leaked(name + " could not read its client: " + e);
            }
        }
    }

    private void frame(JsonNode frame) {
        String type = frame.path("type").asString("");
        if ("welcome".equals(type)) {
            welcomes.incrementAndGet();
            synchronized (this) {
                // a hello names only conversations the client has events of: none, no replay to wait for
                replayed = highest.isEmpty();
            }
            welcomed.complete(null);
        } else if ("resumed".equals(type) || "resume.failed".equals(frame.path("code").asString(null))) {
            replayed = true;
        } else if ("presence".equals(type)) {
            tally.leaked(name + " was sent presence " + frame);
        }
    }

    /** What the client hands the widget's UI: its promise is each event once, in order, only the customer's own. */
    private synchronized void event(JsonNode event) {
        String conversation = event.path("conversationId").asString(null);
        if (conversation == null || !event.hasNonNull("seq")) {
            return;
        }
        if (!conversationId.equals(conversation)) {
            tally.leaked(name + " was handed an event of " + conversation);
            return;
        }
        long seq = event.path("seq").asLong();
        if (!seen.computeIfAbsent(conversation, c -> new HashSet<>()).add(seq)) {
            tally.duplicated(name + " (the TypeScript client) handed " + conversation + "#" + seq + " twice");
        } else if (seq < highest.getOrDefault(conversation, 0L)) {
            tally.reordered.increment();
        }
        highest.merge(conversation, seq, Math::max);
        if ("NOTE".equals(event.path("data").path("kind").asString(null))
                || "AGENTS_ONLY".equals(event.path("audience").path("visibility").asString(null))) {
            tally.leaked(name + " was handed note " + conversation + "#" + seq);
        }
        if ("message.created".equals(event.path("type").asString(null))) {
            String body = event.path("data").path("body").asString("");
            if (body.startsWith("load-")) {
                agentMessagesHanded.increment();
                tally.reached(Integer.parseInt(body.substring(5)), false);
            }
        }
    }

    long acked() {
        return answered.sum();
    }

    @Override
    public boolean isOpen() {
        return process != null && process.isAlive() && "open".equals(state);
    }

    @Override
    public boolean caughtUp() {
        JsonNode last = status;
        return isOpen() && replayed && last != null && last.path("inFlight").asInt() == 0 && last.path("filling").asInt() == 0
                && last.path("holds").asInt() == 0 && sent.sum() == answered.sum();
    }

    @Override
    public boolean sendMessage(int index, String conversationId, String clientMsgId, boolean note) {
        if (!isOpen()) {
            return false;
        }
        ObjectNode fields = Api.JSON.createObjectNode().put("conversationId", conversationId).put("clientMsgId", clientMsgId)
                .put("body", "load-" + index).put("kind", note ? "NOTE" : "TEXT");
        write(Api.JSON.createObjectNode().put("t", "send").put("index", index).set("fields", fields));
        sent.increment();
        return true;
    }

    @Override
    public void resume() {
        replayed = false;
        status = null;
        write(Api.JSON.createObjectNode().put("t", "resume"));
    }

    private synchronized void write(JsonNode command) {
        try {
            stdin.write(command.toString());
            stdin.write('\n');
            stdin.flush();
        } catch (IOException e) {
            // the process is gone: what it did not send stays unanswered, as on a dead socket
        }
    }

    @Override
    public void stop() {
        if (process != null) {
            write(Api.JSON.createObjectNode().put("t", "stop"));
            process.destroy();
        }
    }

    /** The client reconnects by itself; each welcome after the first was one. */
    @Override
    public long reconnects() {
        return Math.max(0, welcomes.get() - 1);
    }

    @Override
    public String state() {
        return name + " (TypeScript client, " + state + "): " + (sent.sum() - answered.sum()) + " unanswered, "
                + (status == null ? "?" : status.path("filling").asInt()) + " fills running";
    }
}
