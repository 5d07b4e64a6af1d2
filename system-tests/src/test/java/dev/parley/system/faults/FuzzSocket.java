package dev.parley.system.faults;

import java.net.URI;
import java.net.http.WebSocket;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * A socket that sends bad frames and counts what answers them: every {@code ack} and {@code error}
 * (by code), and the close code. At most {@link #WINDOW} frames are unanswered at a time, so the
 * fuzzer never fills the gateway's outbound queue (that would be a slow reader, another scenario).
 */
final class FuzzSocket implements WebSocket.Listener {

    static final int WINDOW = 200;

    private final Semaphore window = new Semaphore(WINDOW);
    private final StringBuilder partial = new StringBuilder();
    final CompletableFuture<Void> welcomed = new CompletableFuture<>();
    final CompletableFuture<Integer> closed = new CompletableFuture<>();
    final AtomicLong sent = new AtomicLong();
    final AtomicLong answered = new AtomicLong();
    final Map<String, LongAdder> codes = new ConcurrentHashMap<>();
    /** The last frames sent, by their number, to name the one a stall waits on. */
    private final Map<Long, String> recent = new ConcurrentHashMap<>();
    private WebSocket socket;

    static FuzzSocket open(int port) {
        FuzzSocket fuzz = new FuzzSocket();
        fuzz.socket = Api.HTTP.newWebSocketBuilder().buildAsync(URI.create("ws://127.0.0.1:" + port + "/ws"), fuzz)
                .orTimeout(30, TimeUnit.SECONDS).join();
        return fuzz;
    }

    /** Opens a socket and says hello with {@code token}; returns once welcomed. */
    static FuzzSocket hello(int port, String token) {
        FuzzSocket fuzz = open(port);
        fuzz.socket.sendText("{\"type\":\"hello\",\"ref\":\"hello\",\"token\":\"" + token + "\"}", true).join();
        fuzz.welcomed.orTimeout(30, TimeUnit.SECONDS).join();
        return fuzz;
    }

    /**
     * Sends one frame as it is, waiting while {@link #WINDOW} are unanswered. The gateway closes a
     * socket only for an oversized frame, which {@link #sendRaw} sends on purpose: a close here is
     * a finding, named with the frames it followed.
     */
    void send(String frame) throws InterruptedException {
        if (!window.tryAcquire(30, TimeUnit.SECONDS)) {
            throw new AssertionError(WINDOW + " frames unanswered for 30 s: " + sent + " sent, " + answered + " answered; "
                    + "frames " + (answered.get() + 1) + " on (of " + recent.size() + " kept, last codes " + codes.keySet() + "): "
                    + stalledOn());
        }
        if (closed.isDone()) {
            throw new AssertionError("the gateway closed the socket (" + closed.join() + ") after " + sent + " frames, "
                    + answered + " answered: " + stalledOn());
        }
        long number = sent.get() + 1;
        recent.put(number, frame);
        recent.remove(number - 2 * WINDOW);
        sendRaw(frame);
        sent.incrementAndGet();
    }

    void sendRaw(String frame) {
        socket.sendText(frame, true).orTimeout(30, TimeUnit.SECONDS).join();
    }

    /** Waits until every frame sent has its answer (or the socket closed). */
    void drain() throws InterruptedException {
        if (!window.tryAcquire(WINDOW, 30, TimeUnit.SECONDS) && !closed.isDone()) {
            throw new AssertionError("frames unanswered for 30 s: " + sent + " sent, " + answered + " answered; " + stalledOn());
        }
        window.release(WINDOW);
    }

    /** The first frames not answered yet (answers come in order, but for reads, which may come later). */
    private String stalledOn() {
        StringBuilder frames = new StringBuilder();
        for (long n = answered.get() - 2; n <= answered.get() + 3; n++) {
            String frame = recent.get(n);
            if (frame != null) {
                frames.append("\n#").append(n).append(' ').append(frame, 0, Math.min(300, frame.length()));
            }
        }
        return frames.toString();
    }

    long code(String code) {
        LongAdder count = codes.get(code);
        return count == null ? 0 : count.sum();
    }

    @Override
    public void onOpen(WebSocket webSocket) {
        webSocket.request(1);
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            String text = partial.toString();
            partial.setLength(0);
            tools.jackson.databind.JsonNode frame;
            try {
                frame = Api.JSON.readTree(text);
            } catch (RuntimeException e) {
                // an answer all the same; a listener that throws would stop reading, and look like a stalled gateway
                codes.computeIfAbsent("unreadable answer", unused -> new LongAdder()).increment();
                answered.incrementAndGet();
                window.release();
                webSocket.request(1);
                return null;
            }
            String type = frame.path("type").asString("");
            if ("welcome".equals(type)) {
                welcomed.complete(null);
            } else if ("ack".equals(type) || "error".equals(type) && !"resume.failed".equals(frame.path("code").asString())) {
                if ("error".equals(type)) {
                    codes.computeIfAbsent(frame.path("code").asString("?"), unused -> new LongAdder()).increment();
                }
                if (welcomed.isDone()) {
                    answered.incrementAndGet();
                    window.release();
                }
            }
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        closed.complete(statusCode);
        window.release(WINDOW);
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        closed.complete(-1);
        window.release(WINDOW);
    }

    void abort() {
        socket.abort();
    }
}
