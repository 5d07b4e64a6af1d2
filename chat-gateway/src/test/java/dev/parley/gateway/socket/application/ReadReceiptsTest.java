package dev.parley.gateway.socket.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.parley.gateway.FakeWire;
import dev.parley.gateway.auth.adapter.jwt.TokenVerifier;
import dev.parley.gateway.conversation.application.ConversationCommand;
import dev.parley.gateway.conversation.application.Conversations;
import dev.parley.gateway.conversation.application.RawJson;
import dev.parley.gateway.edge.domain.OriginPolicy;
import dev.parley.gateway.limits.adapter.memory.MemoryRateLimits;
import dev.parley.gateway.limits.application.Limit;
import dev.parley.gateway.limits.application.LimitingClients;
import dev.parley.gateway.routing.adapter.memory.MemoryRouting;
import dev.parley.gateway.session.domain.SessionTable;
import dev.parley.gateway.session.domain.TokenBucket;
import io.github.bucket4j.TimeMeter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Read receipts through a real {@link ClientProtocol}, with conversation-service's answers held
 * until the test lets them land: a burst while one read is on its way costs one more call, not
 * one per frame, that call carries the highest watermarks, and every frame gets its ack.
 */
class ReadReceiptsTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final UUID AGENT = UUID.randomUUID();
    private static final UUID CHAT = UUID.randomUUID();

    /** A read that reached conversation-service, and the answer it waits for. */
    private record Call(ConversationCommand.Read read, Sinks.One<RawJson> answer) {
    }

    private final Queue<Call> calls = new ConcurrentLinkedQueue<>();
    private final FakeWire wire = new FakeWire();
    private ClientProtocol protocol;
    private ClientSocket socket;

    @BeforeEach
    void start() {
        var frames = new Frames(JSON);
        var metrics = new GatewayMetrics(new SimpleMeterRegistry(), Clock.systemUTC(), ClientProtocol.TYPES);
        var limits = new LimitingClients(new MemoryRateLimits(TimeMeter.SYSTEM_NANOTIME), new MemoryRateLimits(TimeMeter.SYSTEM_NANOTIME),
                new LimitingClients.Budgets(new Limit("commands", 10_000, Duration.ofSeconds(1)),
                        new Limit("connects", 10, Duration.ofSeconds(1)), new Limit("hello-failures", 10, Duration.ofSeconds(1))));
        var tokens = new TokenVerifier(token -> Mono.just(Jwt.withTokenValue(token).header("alg", "RS256")
                .subject(AGENT.toString()).claim("role", "AGENT").issuedAt(Instant.now())
                .expiresAt(Instant.now().plusSeconds(3600)).build()));
        var edge = new Edge(tokens, new OriginPolicy(List.of()), limits, frames, metrics, Clock.systemUTC(), Duration.ofMinutes(1));
        Conversations conversations = (token, command) -> {
            if (command instanceof ConversationCommand.Read read) {
                var call = new Call(read, Sinks.one());
                calls.add(call);
                return call.answer().asMono();
            }
            return Mono.just(RawJson.of("[]")); // the agents, at the hello
        };
        var routing = new MemoryRouting(new MemoryRouting.Hub(), "gw-test", Clock.systemUTC(), Duration.ofSeconds(30));
        protocol = new ClientProtocol(conversations, new SessionTable<>(ClientSocket::principal), frames, metrics,
                Clock.systemUTC(), Duration.ofSeconds(10), "gw-test", routing, null, edge, null, 30);
        socket = new ClientSocket(wire, new Handshake(null, "127.0.0.1", "127.0.0.1"), 10_000,
                new TokenBucket(1_000, 10_000, Clock.systemUTC()), new ClientSocket.Listener() { });
        frame("{\"type\":\"hello\",\"ref\":\"h\",\"token\":\"agent-token\"}");
    }

    @Test
    void aBurstOfReadsCoalescesYetTheFinalWatermarkArrives() {
        for (int seq = 1; seq <= 50; seq++) {
            frame(read(seq));
        }
        assertThat(calls).as("one call on its way, the rest waiting behind it").hasSize(1);

        land(calls.poll());
        await().until(() -> calls.size() == 1);
        Call last = calls.poll();
        land(last);

        assertThat(last.read()).isEqualTo(new ConversationCommand.Read(CHAT, 50, 50));
        await().untilAsserted(() -> assertThat(acks()).hasSize(50).containsExactlyInAnyOrderElementsOf(
                java.util.stream.IntStream.rangeClosed(1, 50).mapToObj(seq -> "r" + seq).toList()));
        assertThat(calls).as("nothing left to send").isEmpty();
    }

    @Test
    void aReadOnItsWayDoesNotHoldUpTheSocketsNextCommand() {
        frame(read(1));

        frame("{\"type\":\"ping\",\"ref\":\"p\"}");

        assertThat(acks()).containsExactly("p");
        land(calls.poll());
        await().untilAsserted(() -> assertThat(acks()).containsExactly("p", "r1"));
    }

    private void frame(String text) {
        protocol.onFrame(socket, text).block(Duration.ofSeconds(10));
    }

    private static String read(long seq) {
        return "{\"type\":\"read\",\"ref\":\"r" + seq + "\",\"conversationId\":\"" + CHAT + "\",\"lastDeliveredSeq\":" + seq
                + ",\"lastReadSeq\":" + seq + "}";
    }

    private static void land(Call call) {
        call.answer().tryEmitValue(RawJson.of("{\"lastReadSeq\":" + call.read().lastReadSeq() + "}"));
    }

    private List<String> acks() {
        return wire.written.stream().map(JSON::readTree).filter(frame -> "ack".equals(frame.path("type").asString()))
                .map(frame -> frame.path("ref").asString()).filter(ref -> !"h".equals(ref)).toList();
    }
}
