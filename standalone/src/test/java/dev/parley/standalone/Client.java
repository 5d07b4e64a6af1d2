package dev.parley.standalone;

import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** A real WebSocket client on {@code /ws} (the JDK's), as a browser page is: it sends its page's Origin. */
final class Client implements WebSocket.Listener, AutoCloseable {

    static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final List<JsonNode> frames = new CopyOnWriteArrayList<>();
    private final StringBuilder partial = new StringBuilder();
    private final AtomicInteger refs = new AtomicInteger();
    private WebSocket socket;

    /** Connects and says hello with the token; returns once welcomed. */
    static Client hello(Suite suite, String token) {
        Client client = new Client();
        client.socket = HttpClient.newHttpClient().newWebSocketBuilder()
                .header("Origin", suite.origin())
                .buildAsync(URI.create(suite.origin().replaceFirst("^http", "ws") + "/ws"), client).join();
        client.call("hello", Map.of("token", token), "welcome");
        return client;
    }

    /** Sends a command and returns its ack's result; fails on an error reply. */
    JsonNode call(String type, Map<String, Object> fields) {
        return call(type, fields, "ack").path("result");
    }

    private JsonNode call(String type, Map<String, Object> fields, String expected) {
        String ref = "r" + refs.incrementAndGet();
        ObjectNode frame = JSON.createObjectNode().put("type", type).put("ref", ref);
        fields.forEach((name, value) -> frame.set(name, JSON.valueToTree(value)));
        synchronized (this) {
            socket.sendText(frame.toString(), true).join();
        }
        JsonNode reply = awaitFrame(received -> ref.equals(received.path("ref").asString(null)));
        if (!expected.equals(reply.path("type").asString(null))) {
            throw new AssertionError(type + " was refused: " + reply);
        }
        return reply;
    }

    /** The first event of this type in this conversation matching {@code wanted}, waiting for it. */
    JsonNode awaitEvent(String conversationId, String type, Predicate<JsonNode> wanted) {
        return awaitFrame(frame -> "event".equals(frame.path("type").asString(null))
                && type.equals(frame.path("event").path("type").asString(null))
                && conversationId.equals(frame.path("event").path("conversationId").asString(null))
                && wanted.test(frame.path("event"))).path("event");
    }

    JsonNode awaitFrame(Predicate<JsonNode> wanted) {
        return await().atMost(PATIENCE).until(() -> frames.stream().filter(wanted).findFirst(), Optional::isPresent).get();
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            frames.add(JSON.readTree(partial.toString()));
            partial.setLength(0);
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public void close() {
        if (!socket.isOutputClosed()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye");
        }
        socket.abort();
    }
}
