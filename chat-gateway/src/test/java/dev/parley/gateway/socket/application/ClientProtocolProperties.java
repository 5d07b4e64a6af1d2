package dev.parley.gateway.socket.application;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.gateway.FakeWire;
import dev.parley.gateway.edge.domain.OriginPolicy;
import dev.parley.gateway.limits.adapter.memory.MemoryRateLimits;
import dev.parley.gateway.limits.application.Limit;
import dev.parley.gateway.limits.application.LimitingClients;
import dev.parley.gateway.session.domain.Principal;
import dev.parley.gateway.session.domain.SessionTable;
import dev.parley.gateway.session.domain.TokenBucket;
import io.github.bucket4j.TimeMeter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Whatever an authenticated client sends that is not a valid command (not JSON, not an object, no
 * type, an unknown type, a command missing its conversation), it gets exactly one reply, echoing
 * its ref when it had one, and the socket stays open.
 */
class ClientProtocolProperties {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Property(tries = 300)
    void everyBadFrameGetsExactlyOneReplyAndTheSocketStaysOpen(@ForAll("frames") List<String> frames) {
        List<JsonNode> replies = new ArrayList<>();
        var wire = new FakeWire() {
            @Override
            public void write(byte[] utf8, Runnable done) {
                String text = new String(utf8, java.nio.charset.StandardCharsets.UTF_8);
                replies.add(JSON.readTree(text));
                done.run();
            }
        };
        var frameFactory = new Frames(JSON);
        var metrics = new GatewayMetrics(new SimpleMeterRegistry(), Clock.systemUTC(), ClientProtocol.TYPES);
        var limits = new LimitingClients(new MemoryRateLimits(TimeMeter.SYSTEM_NANOTIME), new MemoryRateLimits(TimeMeter.SYSTEM_NANOTIME),
                new LimitingClients.Budgets(
                new Limit("commands", 10_000, Duration.ofSeconds(1)), new Limit("connects", 1, Duration.ofSeconds(1)),
                new Limit("hello-failures", 1, Duration.ofSeconds(1))));
        var edge = new Edge(null, new OriginPolicy(List.of()), limits, frameFactory, metrics, Clock.systemUTC(),
                Duration.ofMinutes(1));
        var protocol = new ClientProtocol(null, new SessionTable<>(ClientSocket::principal), frameFactory, metrics,
                Clock.systemUTC(), Duration.ofSeconds(10), "gw-test", null, null, edge, null, 30);
        var socket = new ClientSocket(wire, new Handshake(null, null, "127.0.0.1"), 10_000,
                new TokenBucket(1_000, 10_000, Clock.systemUTC()), new ClientSocket.Listener() { });
        socket.authenticate(new Principal(UUID.randomUUID(), Principal.Role.CUSTOMER, null, Set.of()), "token");

        for (String frame : frames) {
            int before = replies.size();
            protocol.onFrame(socket, frame).block(Duration.ofSeconds(5));

            assertThat(replies).as("replies to %s", frame).hasSize(before + 1);
            JsonNode reply = replies.get(before);
            assertThat(reply.path("type").asString()).isIn("error", "ack");
            JsonNode sent = parse(frame);
            if (sent != null && sent.isObject() && sent.hasNonNull("ref") && sent.path("type").isString()) {
                assertThat(reply.get("ref")).isEqualTo(sent.get("ref"));
            }
        }
        assertThat(wire.closeRequested).isNull();
    }

    @Provide
    Arbitrary<List<String>> frames() {
        Arbitrary<String> text = Arbitraries.strings().ofMaxLength(60);
        Arbitrary<String> jsonish = Arbitraries.strings().withChars("{}[]\":,0123456789 typerfabc\\").ofMaxLength(40);
        Arbitrary<String> type = Arbitraries.oneOf(
                Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(12).filter(t -> !ClientProtocol.TYPES.contains(t)),
                Arbitraries.of("ping", "hello", "message.send", "message.edit", "reaction.add", "read", "history",
                        "events.since", "conversation.open", "conversation.resolve", "typing"));
        Arbitrary<Object> ref = Arbitraries.oneOf(Arbitraries.strings().alpha().ofMaxLength(8).map(s -> (Object) s),
                Arbitraries.integers().map(i -> (Object) i));
        Arbitrary<String> object = Combinators.combine(type, ref, Arbitraries.of(true, false))
                .as((t, r, withRef) -> {
                    var node = JSON.createObjectNode().put("type", t);
                    if (withRef) {
                        node.set("ref", JSON.valueToTree(r));
                    }
                    if ("typing".equals(t)) {
                        node.put("conversationId", "not-a-uuid");
                    }
                    return node.toString();
                });
        return Arbitraries.oneOf(text, jsonish, object).list().ofMinSize(1).ofMaxSize(20);
    }

    private static JsonNode parse(String text) {
        try {
            return JSON.readTree(text);
        } catch (RuntimeException e) {
            return null;
        }
    }

}
