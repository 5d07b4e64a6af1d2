package dev.parley.system.faults;

import java.net.URI;
import java.net.http.WebSocket;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One user of the load (a customer, or the agent) as the widget and the console behave, with the
 * JDK's WebSocket: it keeps per conversation the seq it has everything through, moves it only over
 * events it applied, an {@code events.since} page's {@code throughSeq}, or {@code resumed}'s while no
 * fill runs; fills a gap it sees; after a close it did not ask for, reconnects (to the other node
 * first, with backoff) with {@code lastSeqs}, as {@code web/src/shared/socket.ts} does. Every
 * socket's stream is checked against the gateway's promise (each event at most once, in seq order,
 * nothing at or below {@code lastSeqs}) and, for a customer, against visibility.
 */
final class LoadClient implements LoadUser {

    private static final ScheduledExecutorService TIMERS = Executors.newScheduledThreadPool(2, runnable -> {
        Thread thread = new Thread(runnable, "load-client-timer");
        thread.setDaemon(true);
        return thread;
    });

    final String name;
    final boolean agent;
    private final String token;
    private final int[] ports;
    private final Tally tally;
    private final Map<String, Track> tracks = new ConcurrentHashMap<>();
    /** Every frame received, when {@code recording} (small scenarios only). */
    final List<JsonNode> frames = new CopyOnWriteArrayList<>();
    private final boolean recording;
    private final AtomicInteger refs = new AtomicInteger();
    /** Reconnects since the last welcome: the backoff's exponent. */
    private final AtomicInteger attempts = new AtomicInteger();
    final LongAdder reconnects = new LongAdder();
    /** Messages sent and answered (ack or error), for the diagnosis of a socket whose commands stall. */
    final LongAdder messagesSent = new LongAdder();
    final LongAdder messagesAnswered = new LongAdder();
    private volatile Stream stream;
    private volatile boolean stopped;

    /** Per conversation: everything through {@code through} applied, plus the seqs above it applied so far. */
    private static final class Track {
        long through;
        final TreeSet<Long> above = new TreeSet<>();
        boolean filling;
    }

    LoadClient(String name, boolean agent, String token, List<String> conversations, int[] ports, Tally tally, boolean recording) {
        this.name = name;
        this.agent = agent;
        this.token = token;
        this.ports = ports;
        this.tally = tally;
        this.recording = recording;
        conversations.forEach(conversation -> tracks.put(conversation, new Track()));
    }

    @Override
    public String name() {
        return name;
    }

    /** Connects to {@code port} with {@code lastSeqs} of every conversation; completes at the welcome. */
    @Override
    public CompletableFuture<Void> connect(int port) {
        Stream next = new Stream(port);
        stream = next;
        Api.HTTP.newWebSocketBuilder().buildAsync(URI.create("ws://127.0.0.1:" + port + "/ws"), next)
                .whenComplete((socket, error) -> {
                    if (error != null) {
                        next.ended();
                    }
                });
        return next.welcomed;
    }

    int port() {
        Stream current = stream;
        return current == null ? -1 : current.port;
    }

    @Override
    public boolean isOpen() {
        Stream current = stream;
        return current != null && current.welcomed.isDone() && !current.welcomed.isCompletedExceptionally() && !current.closed;
    }

    /** Open, every conversation of the hello replayed ({@code resumed} or {@code resume.failed}), no gap left to fill. */
    @Override
    public boolean caughtUp() {
        Stream current = stream;
        if (!isOpen() || current.resumed.get() < tracks.size()) {
            return false;
        }
        synchronized (this) {
            return tracks.values().stream().noneMatch(track -> track.filling || !track.above.isEmpty());
        }
    }

    /** Closes the socket on purpose and opens a new one on the same node with {@code lastSeqs}: the final resume. */
    @Override
    public void resume() {
        Stream old = stream;
        int port = old == null ? ports[0] : old.port;
        if (old != null) {
            old.retired = true;
            old.abort();
        }
        connect(port);
    }

    @Override
    public void stop() {
        stopped = true;
        Stream current = stream;
        if (current != null) {
            current.retired = true;
            current.abort();
        }
    }

    /** Sends {@code message.send} of message {@code index}; false when no socket is open (nothing sent). */
    @Override
    public boolean sendMessage(int index, String conversationId, String clientMsgId, boolean note) {
        boolean sent = send("{\"type\":\"message.send\",\"ref\":\"m" + index + "\",\"conversationId\":\"" + conversationId
                + "\",\"clientMsgId\":\"" + clientMsgId + "\",\"body\":\"load-" + index + "\",\"kind\":\""
                + (note ? "NOTE" : "TEXT") + "\"}");
        if (sent) {
            messagesSent.increment();
        }
        return sent;
    }

    /** Queues {@code text} on the open socket; false when none is open. */
    boolean send(String text) {
        Stream current = stream;
        if (!isOpen()) {
            return false;
        }
        synchronized (current) {
            // queued behind the socket's previous write, never waited for: a socket whose gateway reads
            // slowly (it runs a socket's commands one at a time) must not slow the pacer down for everyone
            current.writes = current.writes.handle((ok, error) -> null)
                    .thenCompose(ignored -> current.socket.sendText(text, true)).thenApply(socket -> null);
            return true;
        }
    }

    String nextRef(String prefix) {
        return prefix + refs.incrementAndGet();
    }

    private String hello() {
        ObjectNode hello = Api.JSON.createObjectNode().put("type", "hello").put("ref", "hello").put("token", token);
        ObjectNode seqs = hello.putObject("lastSeqs");
        synchronized (this) {
            tracks.forEach((conversation, track) -> seqs.put(conversation, track.through));
        }
        return hello.toString();
    }

    private void reconnectAfter(int failedPort, int attempt) {
        if (stopped) {
            return;
        }
        reconnects.increment();
        int port = ports[(indexOf(failedPort) + 1) % ports.length];
        long delay = Math.min(2_000, 100L * (1 << Math.min(attempt, 5)));
        TIMERS.schedule(() -> {
            if (!stopped) {
                connect(port);
            }
        }, delay, TimeUnit.MILLISECONDS);
    }

    private int indexOf(int port) {
        for (int i = 0; i < ports.length; i++) {
            if (ports[i] == port) {
                return i;
            }
        }
        return 0;
    }

    private void fill(String conversationId) {
        long since;
        synchronized (this) {
            Track track = tracks.get(conversationId);
            if (track.filling) {
                return;
            }
            track.filling = true;
            since = track.through;
        }
        // off the listener's thread: a send waits for its write
        CompletableFuture.runAsync(() -> {
            if (!send("{\"type\":\"events.since\",\"ref\":\"f:" + conversationId + "\",\"conversationId\":\"" + conversationId
                    + "\",\"since\":" + since + ",\"limit\":200}")) {
                synchronized (this) {
                    tracks.get(conversationId).filling = false; // the next socket's resume covers it
                }
            }
        });
    }

    private void filled(String conversationId, JsonNode result) {
        boolean again;
        synchronized (this) {
            Track track = tracks.get(conversationId);
            for (JsonNode event : result.path("events")) {
                apply(conversationId, track, event);
            }
            advanceTo(track, result.path("throughSeq").asLong());
            track.filling = false;
            again = result.path("more").asBoolean() || !track.above.isEmpty();
        }
        if (again) {
            fill(conversationId);
        }
    }

    private void fillFailed(String conversationId) {
        synchronized (this) {
            tracks.get(conversationId).filling = false;
        }
        TIMERS.schedule(() -> fill(conversationId), 500, TimeUnit.MILLISECONDS); // "not now": ask again with backoff
    }

    private static void advanceTo(Track track, long seq) {
        if (seq > track.through) {
            track.through = seq;
        }
        while (!track.above.isEmpty() && track.above.first() <= track.through) {
            track.above.pollFirst();
        }
        while (!track.above.isEmpty() && track.above.first() == track.through + 1) {
            track.through = track.above.pollFirst();
        }
    }

    /** Applies one event once (by seq); marks the message it carries as reached this side. Holds the lock. */
    private void apply(String conversationId, Track track, JsonNode event) {
        long seq = event.path("seq").asLong();
        if (seq <= track.through || track.above.contains(seq)) {
            return;
        }
        track.above.add(seq);
        if (!agent && isNote(event)) {
            tally.leaked(name + " was sent note " + conversationId + "#" + seq);
        }
        if ("message.created".equals(event.path("type").asString(null))) {
            String body = event.path("data").path("body").asString("");
            if (body.startsWith("load-")) {
                tally.reached(Integer.parseInt(body.substring(5)), agent);
            }
        }
        advanceTo(track, 0);
    }

    private static boolean isNote(JsonNode event) {
        return "NOTE".equals(event.path("data").path("kind").asString(null))
                || "AGENTS_ONLY".equals(event.path("audience").path("visibility").asString(null));
    }

    /** One socket: its listener, and what it promised (lastSeqs) and sent so far. */
    private final class Stream implements WebSocket.Listener {
        final int port;
        final CompletableFuture<Void> welcomed = new CompletableFuture<>();
        final AtomicInteger resumed = new AtomicInteger();
        private final StringBuilder partial = new StringBuilder();
        private final Map<String, Long> given = new HashMap<>();
        private final Map<String, Long> highest = new HashMap<>();
        private final Map<String, Set<Long>> seen = new HashMap<>();
        volatile WebSocket socket;
        /** The last write queued; guarded by this stream. */
        CompletableFuture<Void> writes = CompletableFuture.completedFuture(null);
        volatile boolean closed;
        volatile boolean retired;

        Stream(int port) {
            this.port = port;
        }

        @Override
        public void onOpen(WebSocket webSocket) {
            socket = webSocket;
            String hello = hello();
            JsonNode seqs = Api.JSON.readTree(hello).path("lastSeqs");
            seqs.properties().forEach(entry -> given.put(entry.getKey(), entry.getValue().asLong()));
            webSocket.sendText(hello, true);
            webSocket.request(1);
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String text = partial.toString();
                partial.setLength(0);
                try {
                    frame(Api.JSON.readTree(text));
                } catch (RuntimeException e) {
                    tally.leaked(name + " could not read a frame: " + e + " " + text);
                }
            }
            webSocket.request(1);
            return null;
        }

        private void frame(JsonNode frame) {
            if (recording) {
                frames.add(frame);
            }
            String type = frame.path("type").asString("");
            String ref = frame.path("ref").asString("");
            switch (type) {
                case "welcome" -> {
                    attempts.set(0);
                    welcomed.complete(null);
                }
                case "event" -> event(frame.path("event"));
                case "resumed" -> resumed(frame.path("conversationId").asString(), frame.path("throughSeq").asLong());
                case "ack" -> {
                    if (ref.startsWith("m")) {
                        messagesAnswered.increment();
                        tally.acked(Integer.parseInt(ref.substring(1)));
                    } else if (ref.startsWith("f:")) {
                        filled(ref.substring(2), frame.path("result"));
                    }
                }
                case "error" -> error(frame, ref);
                case "typing" -> visible("typing", frame.path("conversationId").asString(null));
                case "presence" -> {
                    if (!agent) {
                        tally.leaked(name + " was sent presence " + frame);
                    }
                }
                default -> {
                }
            }
        }

        private void error(JsonNode frame, String ref) {
            String code = frame.path("code").asString("?");
            if (ref.startsWith("m")) {
                messagesAnswered.increment();
                tally.errored(Integer.parseInt(ref.substring(1)), code);
            } else if (ref.startsWith("f:")) {
                fillFailed(ref.substring(2));
            } else if ("resume.failed".equals(code)) {
                resumed.incrementAndGet();
                fill(frame.path("conversationId").asString());
            } else if (!welcomed.isDone()) {
                welcomed.completeExceptionally(new IllegalStateException(name + " hello refused: " + frame));
            }
        }

        private void visible(String what, String conversationId) {
            if (!agent && conversationId != null && !tracks.containsKey(conversationId)) {
                tally.leaked(name + " was sent " + what + " of " + conversationId);
            }
        }

        private void event(JsonNode event) {
            String conversationId = event.path("conversationId").asString(null);
            if (conversationId == null || !event.hasNonNull("seq")) {
                return;
            }
            if (!tracks.containsKey(conversationId)) {
                visible("an event", conversationId);
                return; // an agent also hears of its department's other conversations
            }
            long seq = event.path("seq").asLong();
            long had = given.getOrDefault(conversationId, -1L);
            if (seq <= had) {
                tally.duplicated(name + " on :" + port + " was sent " + conversationId + "#" + seq + ", its hello had through " + had);
            } else if (!seen.computeIfAbsent(conversationId, c -> new java.util.HashSet<>()).add(seq)) {
                tally.duplicated(name + " on :" + port + " was sent " + conversationId + "#" + seq + " twice");
            } else if (seq < highest.getOrDefault(conversationId, 0L)) {
                tally.reordered.increment();
            }
            highest.merge(conversationId, seq, Math::max);
            boolean gap;
            synchronized (LoadClient.this) {
                Track track = tracks.get(conversationId);
                apply(conversationId, track, event);
                gap = !track.above.isEmpty() && !track.filling;
            }
            if (gap) {
                fill(conversationId);
            }
        }

        private void resumed(String conversationId, long throughSeq) {
            boolean gap = false;
            synchronized (LoadClient.this) {
                Track track = tracks.get(conversationId);
                if (track != null && !track.filling) {
                    advanceTo(track, throughSeq);
                    gap = !track.above.isEmpty();
                }
            }
            resumed.incrementAndGet();
            if (gap) {
                fill(conversationId);
            }
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            ended();
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            ended();
        }

        void ended() {
            if (closed) {
                return;
            }
            closed = true;
            welcomed.completeExceptionally(new IllegalStateException(name + ": socket closed"));
            if (!retired && stream == this) {
                reconnectAfter(port, attempts.getAndIncrement());
            }
        }

        void abort() {
            closed = true;
            WebSocket current = socket;
            if (current != null) {
                current.abort();
            }
        }
    }

    /** What is in flight: unanswered messages and running fills, for a scenario's diagnosis. */
    @Override
    public long reconnects() {
        return reconnects.sum();
    }

    @Override
    public String state() {
        long fills;
        synchronized (this) {
            fills = tracks.values().stream().filter(track -> track.filling).count();
        }
        return name + "@" + port() + (isOpen() ? "" : " (closed)") + ": " + (messagesSent.sum() - messagesAnswered.sum())
                + " unanswered, " + fills + " fills running";
    }

    /** The conversations this client follows. */
    List<String> conversations() {
        return new ArrayList<>(tracks.keySet());
    }
}
