package dev.parley.gateway.socket.application;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.events.Audience;
import dev.parley.gateway.FakeWire;
import dev.parley.gateway.auth.adapter.jwt.TokenVerifier;
import dev.parley.gateway.conversation.application.ConversationCommand;
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
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * An agent's departments are read at the hello and again at each {@code auth}: one moved out of a
 * department stops receiving its events on a long-lived socket (issue 15, defect 4).
 */
class DepartmentsRefreshTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final UUID AGENT = UUID.randomUUID();
    private static final UUID SALES = UUID.randomUUID();
    private static final UUID BILLING = UUID.randomUUID();

    private final AtomicReference<UUID> department = new AtomicReference<>(SALES);
    private final SessionTable<ClientSocket> table = new SessionTable<>(ClientSocket::principal);

    @Test
    void anAgentMovedToAnotherDepartmentIsAddressedByTheNewOneAfterTheNextAuth() {
        var protocol = protocol();
        var socket = new ClientSocket(new FakeWire(), new Handshake(null, "127.0.0.1", "127.0.0.1"), 100,
                new TokenBucket(100, 100, Clock.systemUTC()), new ClientSocket.Listener() { });
        protocol.onFrame(socket, "{\"type\":\"hello\",\"token\":\"t1\"}").block(Duration.ofSeconds(10));
        assertThat(table.recipients(Audience.users(Set.of()).withNamed(Audience.department(SALES)))).containsExactly(socket);

        department.set(BILLING);
        protocol.onFrame(socket, "{\"type\":\"auth\",\"ref\":\"a\",\"token\":\"t2\"}").block(Duration.ofSeconds(10));

        assertThat(table.recipients(Audience.users(Set.of()).withNamed(Audience.department(SALES)))).as("no longer theirs").isEmpty();
        assertThat(table.recipients(Audience.users(Set.of()).withNamed(Audience.department(BILLING)))).containsExactly(socket);
        assertThat(socket.principal().departments()).isEqualTo(Set.of(BILLING));
    }

    private ClientProtocol protocol() {
        var frames = new Frames(JSON);
        var metrics = new GatewayMetrics(new SimpleMeterRegistry(), Clock.systemUTC(), ClientProtocol.TYPES);
        var limits = new LimitingClients(new MemoryRateLimits(TimeMeter.SYSTEM_NANOTIME), new MemoryRateLimits(TimeMeter.SYSTEM_NANOTIME),
                new LimitingClients.Budgets(new Limit("commands", 100, Duration.ofSeconds(1)),
                        new Limit("connects", 100, Duration.ofSeconds(1)), new Limit("hello-failures", 100, Duration.ofSeconds(1))));
        var tokens = new TokenVerifier(token -> Mono.just(Jwt.withTokenValue(token).header("alg", "RS256")
                .subject(AGENT.toString()).claim("role", "AGENT").issuedAt(Instant.now())
                .expiresAt(Instant.now().plusSeconds(3600)).build()));
        var edge = new Edge(tokens, new OriginPolicy(List.of()), limits, frames, metrics, Clock.systemUTC(), Duration.ofMinutes(1));
        var routing = new MemoryRouting(new MemoryRouting.Hub(), "gw-test", Clock.systemUTC(), Duration.ofSeconds(30));
        return new ClientProtocol((token, command) -> command instanceof ConversationCommand.Agents
                ? Mono.just(RawJson.of("[{\"id\":\"" + AGENT + "\",\"departmentIds\":[\"" + department.get() + "\"]}]"))
                : Mono.just(RawJson.NULL), table, frames, metrics, Clock.systemUTC(), Duration.ofSeconds(10), "gw-test",
                routing, null, edge, null, 30);
    }
}
