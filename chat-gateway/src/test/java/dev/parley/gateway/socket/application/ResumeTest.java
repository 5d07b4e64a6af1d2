package dev.parley.gateway.socket.application;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.parley.gateway.FakeWire;
import dev.parley.gateway.auth.adapter.jwt.TokenVerifier;
import dev.parley.gateway.conversation.adapter.http.HttpConversations;
import dev.parley.gateway.edge.domain.OriginPolicy;
import dev.parley.gateway.limits.adapter.memory.MemoryRateLimits;
import dev.parley.gateway.limits.application.Limit;
import dev.parley.gateway.limits.application.LimitingClients;
import dev.parley.gateway.routing.adapter.memory.MemoryRouting;
import dev.parley.gateway.session.domain.SessionTable;
import dev.parley.gateway.session.domain.TokenBucket;
import io.github.bucket4j.TimeMeter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Resume after a reconnect, through the hello of a real {@link ClientProtocol}: the replay pages are
 * read over HTTP from a scripted stand-in for conversation-service's {@code GET …/events}, which
 * may also push a live event to the socket while it answers (as the partition does during a
 * replay). What the client is told must be true: {@code resumed} only after a complete replay, and
 * only through the seq the replay reached (issue 15, defect 1: the clients moved their trackers to
 * whatever {@code resumed} said, and a later gap fill dropped what it brought).
 */
class ResumeTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern EVENTS = Pattern.compile("/api/v1/conversations/([^/]+)/events");
    private static final Pattern SINCE = Pattern.compile("since=(\\d+)");
    private static final UUID CUSTOMER = UUID.randomUUID();
    private static final UUID CHAT = UUID.randomUUID();
    private static final UUID OTHER_CHAT = UUID.randomUUID();

    /** What conversation-service answers to {@code events?since=} of a conversation, by since. */
    private record Answer(int status, String body, Runnable meanwhile) {
        /** The same answer, after {@code meanwhile} ran while the request was in flight. */
        Answer with(Runnable meanwhile) {
            return new Answer(status, body, meanwhile);
        }
    }

    private final Map<String, Answer> script = new ConcurrentHashMap<>();
    private final Frames frames = new Frames(JSON);
    private final FakeWire wire = new FakeWire();
    private HttpServer service;
    private ClientProtocol protocol;
    private ClientSocket socket;

    @BeforeEach
    void start() throws IOException {
        service = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        service.createContext("/api/v1/conversations/", this::answer);
        service.start();
        var metrics = new GatewayMetrics(new SimpleMeterRegistry(), Clock.systemUTC(), ClientProtocol.TYPES);
        var limits = new LimitingClients(new MemoryRateLimits(TimeMeter.SYSTEM_NANOTIME), new MemoryRateLimits(TimeMeter.SYSTEM_NANOTIME),
                new LimitingClients.Budgets(
                new Limit("commands", 10_000, Duration.ofSeconds(1)), new Limit("connects", 10, Duration.ofSeconds(1)),
                new Limit("hello-failures", 10, Duration.ofSeconds(1))));
        // The token's signature is TokenVerifier's business (its own tests); here any token is the customer's.
        var tokens = new TokenVerifier(token -> Mono.just(Jwt.withTokenValue(token).header("alg", "RS256")
                .subject(CUSTOMER.toString()).claim("role", "CUSTOMER").claim("origins", List.of())
                .issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(3600)).build()));
        var edge = new Edge(tokens, new OriginPolicy(List.of()), limits, frames, metrics, Clock.systemUTC(), Duration.ofMinutes(1));
        var api = new HttpConversations(WebClient.builder().baseUrl("http://127.0.0.1:" + service.getAddress().getPort()).build(),
                JSON, Duration.ofSeconds(10));
        var routing = new MemoryRouting(new MemoryRouting.Hub(), "gw-test", Clock.systemUTC(), Duration.ofSeconds(30));
        protocol = new ClientProtocol(api, new SessionTable<>(ClientSocket::principal), frames, metrics, Clock.systemUTC(),
                Duration.ofSeconds(10), "gw-test", routing, null, edge, null, 30);
        socket = new ClientSocket(wire, new Handshake(null, "127.0.0.1", "127.0.0.1"), 10_000,
                new TokenBucket(1_000, 10_000, Clock.systemUTC()), new ClientSocket.Listener() { });
    }

    @AfterEach
    void stop() {
        service.stop(0);
    }

    @Test
    void aReplayThatFailsPartWayIsAnsweredResumeFailedNotResumedAndTheConversationStaysLive() {
        onEvents(CHAT, 3, page(true, 5, 4, 5));
        onEvents(CHAT, 5, new Answer(503, "", () -> live(CHAT, 8))); // conversation-service went away
        onEvents(OTHER_CHAT, 10, page(false, 11, 11));

        hello(Map.of(CHAT, 3L, OTHER_CHAT, 10L));
        live(CHAT, 9);
        live(OTHER_CHAT, 12);

        assertThat(summary()).containsExactly("welcome",
                "event " + CHAT + " 4", "event " + CHAT + " 5",
                "error resume.failed " + CHAT + " http.503",
                "event " + CHAT + " 8",
                "event " + OTHER_CHAT + " 11", "resumed " + OTHER_CHAT + " 11",
                "event " + CHAT + " 9", "event " + OTHER_CHAT + " 12");
    }

    /** A live event buffered during the replay may follow a hole (6 was lost): resumed must not claim it. */
    @Test
    void resumedCarriesTheSeqTheReplayReachedNotALiveOneBufferedBeyondAHole() {
        onEvents(CHAT, 3, page(false, 5, 4, 5).with(() -> live(CHAT, 7)));

        hello(Map.of(CHAT, 3L));

        assertThat(summary()).containsExactly("welcome", "event " + CHAT + " 4", "event " + CHAT + " 5",
                "event " + CHAT + " 7", "resumed " + CHAT + " 5");
    }

    /** The agent wrote a note (6), a reply (7) and another note (8): the customer's page holds only 7. */
    @Test
    void aCustomersReplayIsCompleteThroughTheNotesItSkips() {
        onEvents(CHAT, 5, page(false, 8, 7));

        hello(Map.of(CHAT, 5L));

        assertThat(summary()).containsExactly("welcome", "event " + CHAT + " 7", "resumed " + CHAT + " 8");
    }

    @Test
    void aPageThatPromisesMoreWithoutMovingOnFailsTheResumeAndTheNextConversationStillResumes() {
        onEvents(CHAT, 3, page(true, 3));
        onEvents(OTHER_CHAT, 10, page(false, 10));

        hello(Map.of(CHAT, 3L, OTHER_CHAT, 10L));

        assertThat(summary()).containsExactly("welcome", "error resume.failed " + CHAT + " gateway.internal",
                "resumed " + OTHER_CHAT + " 10");
    }

    @Test
    void aHelloNamingMoreConversationsThanTheBoundResumesTheFirstAndTellsTheRestToFillThemselves() {
        Map<UUID, Long> lastSeqs = new java.util.LinkedHashMap<>();
        for (int i = 0; i < Greeting.MAX_RESUMED; i++) {
            lastSeqs.put(UUID.randomUUID(), 1L);
        }
        UUID beyond = UUID.randomUUID();
        lastSeqs.put(beyond, 2L); // sorted last by hello()

        hello(lastSeqs);

        assertThat(summary()).filteredOn(line -> line.endsWith("resume.too_many"))
                .containsExactly("error resume.failed " + beyond + " resume.too_many");
        assertThat(summary()).filteredOn(line -> line.startsWith("error resume.failed"))
                .as("every other conversation was asked for (and refused by the unscripted stand-in)")
                .hasSize(Greeting.MAX_RESUMED + 1);

        live(beyond, 2); // the client has it: redelivered after another node's consumer died
        live(beyond, 3);
        assertThat(summary()).filteredOn(line -> line.startsWith("event")).as("only what the client lacks")
                .containsExactly("event " + beyond + " 3");
    }

    private void hello(Map<UUID, Long> lastSeqs) {
        ObjectNode hello = JSON.createObjectNode().put("type", "hello").put("ref", "h").put("token", "customer-token");
        ObjectNode seqs = hello.putObject("lastSeqs");
        lastSeqs.entrySet().stream().sorted(Map.Entry.comparingByValue())
                .forEach(entry -> seqs.put(entry.getKey().toString(), entry.getValue()));
        protocol.onFrame(socket, hello.toString()).block(Duration.ofSeconds(10));
    }

    /** A live event of the conversation reaches the socket (what EventFanout does). */
    private void live(UUID conversation, long seq) {
        socket.gate().live(conversation, seq, frames.event(event(conversation, seq), null));
    }

    private void onEvents(UUID conversation, long since, Answer answer) {
        script.put(conversation + " " + since, answer);
    }

    private static Answer page(boolean more, long throughSeq, long... seqs) {
        ObjectNode page = JSON.createObjectNode().put("throughSeq", throughSeq).put("more", more);
        ArrayNode events = page.putArray("events");
        // the conversation is filled in by answer(): pages are scripted per conversation
        LongStream.of(seqs).forEach(seq -> events.addObject().put("seq", seq));
        return new Answer(200, page.toString(), () -> { });
    }

    private void answer(HttpExchange exchange) throws IOException {
        Matcher path = EVENTS.matcher(exchange.getRequestURI().getPath());
        Matcher since = SINCE.matcher(String.valueOf(exchange.getRequestURI().getQuery()));
        Answer answer = path.matches() && since.find() ? script.get(path.group(1) + " " + since.group(1)) : null;
        if (answer == null) {
            answer = new Answer(404, "{\"code\":\"test.unscripted\"}", () -> { });
        }
        answer.meanwhile().run();
        byte[] body = withConversation(answer.body(), path.matches() ? path.group(1) : null).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", answer.status() == 200 ? "application/json" : "application/problem+json");
        exchange.sendResponseHeaders(answer.status(), body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static String withConversation(String body, String conversation) {
        if (body.isEmpty() || conversation == null) {
            return body;
        }
        JsonNode page = JSON.readTree(body);
        if (page.has("events")) {
            ArrayNode events = JSON.createArrayNode();
            page.path("events").forEach(e -> events.add(event(UUID.fromString(conversation), e.path("seq").asLong())));
            ((ObjectNode) page).set("events", events);
        }
        return page.toString();
    }

    private static ObjectNode event(UUID conversation, long seq) {
        ObjectNode event = JSON.createObjectNode().put("eventId", UUID.randomUUID().toString()).put("type", "message.created")
                .put("conversationId", conversation.toString()).put("seq", seq).put("occurredAt", Instant.now().toString());
        event.putObject("actor").put("kind", "AGENT");
        event.putObject("data").put("body", "m" + seq);
        return event;
    }

    /** Each frame written, in order, as one line: its type and what matters for resume. */
    private List<String> summary() {
        return wire.written.stream().map(JSON::readTree).filter(frame -> !"auth.expiring".equals(frame.path("type").asString()))
                .map(frame -> switch (frame.path("type").asString()) {
                    case "event" -> "event " + frame.path("event").path("conversationId").asString() + " "
                            + frame.path("event").path("seq").asLong();
                    case "resumed" -> "resumed " + frame.path("conversationId").asString() + " " + frame.path("throughSeq").asLong();
                    case "error" -> ("error " + frame.path("code").asString() + " " + frame.path("conversationId").asString("")
                            + " " + frame.path("reason").asString("")).strip();
                    default -> frame.path("type").asString();
                }).toList();
    }
}
