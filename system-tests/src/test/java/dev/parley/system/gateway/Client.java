package dev.parley.system.gateway;

import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** A real WebSocket client (the JDK's) that records every frame it receives and how it was closed. */
final class Client implements WebSocket.Listener, AutoCloseable {

    static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    final List<JsonNode> frames = new CopyOnWriteArrayList<>();
    final CompletableFuture<Integer> closedWith = new CompletableFuture<>();
    private final StringBuilder partial = new StringBuilder();
    private final AtomicInteger refs = new AtomicInteger();
    private WebSocket socket;

    static Client connect(int gatewayPort) {
        return connect(gatewayPort, Map.of());
    }

    /** Connects with extra upgrade headers, e.g. the page's {@code Origin}. */
    static Client connect(int gatewayPort, Map<String, String> headers) {
        Client client = new Client();
        var builder = HttpClient.newHttpClient().newWebSocketBuilder();
        headers.forEach(builder::header);
        client.socket = builder.buildAsync(URI.create("ws://127.0.0.1:" + gatewayPort + "/ws"), client).join();
        return client;
    }

    /** Connects and says hello; returns once welcomed. */
    static Client hello(int gatewayPort, String token, Map<UUID, Long> lastSeqs) {
        Client client = connect(gatewayPort);
        ObjectNode hello = JSON.createObjectNode().put("type", "hello").put("ref", "hello").put("token", token);
        ObjectNode seqs = hello.putObject("lastSeqs");
        lastSeqs.forEach((conversation, seq) -> seqs.put(conversation.toString(), seq));
        client.sendText(hello.toString());
        client.awaitFrame(frame -> "welcome".equals(type(frame)));
        return client;
    }

    void sendText(String text) {
        synchronized (this) {
            socket.sendText(text, true).join();
        }
    }

    /** Sends a command; returns its ref. */
    String send(String type, Map<String, Object> fields) {
        String ref = "r" + refs.incrementAndGet();
        ObjectNode frame = JSON.createObjectNode().put("type", type).put("ref", ref);
        fields.forEach((name, value) -> frame.set(name, JSON.valueToTree(value)));
        sendText(frame.toString());
        return ref;
    }

    /** Sends a command and waits for its ack's result; fails on an error reply. */
    JsonNode call(String type, Map<String, Object> fields) {
        String ref = send(type, fields);
        JsonNode reply = awaitFrame(frame -> ref.equals(frame.path("ref").asString(null)));
        if (!"ack".equals(type(reply))) {
            throw new AssertionError(type + " was refused: " + reply);
        }
        return reply.path("result");
    }

    JsonNode awaitFrame(Predicate<JsonNode> wanted) {
        return await().atMost(PATIENCE).until(() -> frames.stream().filter(wanted).findFirst(), java.util.Optional::isPresent).get();
    }

    /** Message bodies of the {@code message.created} events received, in arrival order. */
    /** The bodies of the {@code message.created} events this socket was sent, in arrival order. */
    List<String> messageBodies() {
        return events().stream().filter(event -> "message.created".equals(event.path("type").asString(null)))
                .map(event -> event.path("data").path("body").asString()).toList();
    }

    /** The seqs of the events this socket was sent, in arrival order. */
    List<Long> seqs() {
        return events().stream().filter(event -> event.hasNonNull("seq")).map(event -> event.path("seq").asLong()).toList();
    }

    /** The fields of a {@code message.send} of {@code kind} with a client message id of its own. */
    static Map<String, Object> message(UUID conversationId, String body, String kind) {
        Map<String, Object> fields = new HashMap<>();
        fields.put("conversationId", conversationId);
        fields.put("clientMsgId", UUID.randomUUID().toString());
        fields.put("body", body);
        fields.put("kind", kind);
        return fields;
    }

    List<JsonNode> events() {
        List<JsonNode> events = new ArrayList<>();
        frames.stream().filter(frame -> "event".equals(type(frame))).forEach(frame -> events.add(frame.path("event")));
        return events;
    }

    static String type(JsonNode frame) {
        return frame.path("type").asString(null);
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
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        closedWith.complete(statusCode);
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        closedWith.complete(-1);
    }

    @Override
    public void close() {
        if (!socket.isOutputClosed()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye");
        }
        socket.abort();
    }
}
