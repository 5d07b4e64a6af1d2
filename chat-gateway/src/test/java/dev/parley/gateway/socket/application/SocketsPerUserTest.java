package dev.parley.gateway.socket.application;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.gateway.FakeWire;
import dev.parley.gateway.auth.adapter.jwt.TokenVerifier;
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
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/** One user holds at most {@code maxSocketsPerUser} sockets on a node; the next hello is closed with 4409. */
class SocketsPerUserTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final UUID CUSTOMER = UUID.randomUUID();

    private final Frames frames = new Frames(JSON);
    private final GatewayMetrics metrics = new GatewayMetrics(new SimpleMeterRegistry(), Clock.systemUTC(), ClientProtocol.TYPES);
    private final SessionTable<ClientSocket> table = new SessionTable<>(ClientSocket::principal);
    private final ClientProtocol protocol = protocol(2);

    @Test
    void theSocketBeyondTheBoundIsClosedAndTheOthersStay() {
        FakeWire first = hello();
        FakeWire second = hello();

        FakeWire third = hello();

        assertThat(third.closedWith).isEqualTo(CloseCodes.TOO_MANY_SOCKETS);
        assertThat(third.written).noneMatch(frame -> frame.contains("\"welcome\""));
        assertThat(List.of(first, second)).allSatisfy(wire -> {
            assertThat(wire.closedWith).isNull();
            assertThat(wire.written).anyMatch(frame -> frame.contains("\"welcome\""));
        });
        assertThat(table.of(CUSTOMER)).hasSize(2);
    }

    private FakeWire hello() {
        var wire = new FakeWire();
        var socket = new ClientSocket(wire, new Handshake(null, "127.0.0.1", "127.0.0.1"), 100,
                new TokenBucket(100, 100, Clock.systemUTC()), new ClientSocket.Listener() { });
        protocol.onFrame(socket, "{\"type\":\"hello\",\"token\":\"t\"}").block(Duration.ofSeconds(10));
        return wire;
    }

    private ClientProtocol protocol(int maxSocketsPerUser) {
        var limits = new LimitingClients(new MemoryRateLimits(TimeMeter.SYSTEM_NANOTIME), new MemoryRateLimits(TimeMeter.SYSTEM_NANOTIME),
                new LimitingClients.Budgets(new Limit("commands", 100, Duration.ofSeconds(1)),
                        new Limit("connects", 100, Duration.ofSeconds(1)), new Limit("hello-failures", 100, Duration.ofSeconds(1))));
        var tokens = new TokenVerifier(token -> Mono.just(Jwt.withTokenValue(token).header("alg", "RS256")
                .subject(CUSTOMER.toString()).claim("role", "CUSTOMER").claim("origins", List.of())
                .issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(3600)).build()));
        var edge = new Edge(tokens, new OriginPolicy(List.of()), limits, frames, metrics, Clock.systemUTC(), Duration.ofMinutes(1));
        var routing = new MemoryRouting(new MemoryRouting.Hub(), "gw-test", Clock.systemUTC(), Duration.ofSeconds(30));
        return new ClientProtocol((token, command) -> Mono.just(RawJson.NULL), table, frames, metrics, Clock.systemUTC(),
                Duration.ofSeconds(10), "gw-test", routing, null, edge, null, maxSocketsPerUser);
    }
}
