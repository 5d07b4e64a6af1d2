package dev.parley.gateway.socket.application;

import dev.parley.gateway.conversation.application.Conversations;
import dev.parley.gateway.conversation.application.RawJson;
import dev.parley.gateway.presence.application.TrackingPresence;
import dev.parley.gateway.routing.application.Routing;
import dev.parley.gateway.session.domain.SessionTable;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * The protocol of one frame: {@code hello} first (authenticate, register, resume), then commands
 * (calls of conversation-service as the user), {@code typing} (ephemeral) and {@code ping}. Bad
 * frames after the hello are answered with an error frame; the socket stays open.
 */
public final class ClientProtocol {

    /** Where ephemeral signals go: the nodes of the users they are for. */
    public interface Ephemeral {
        Mono<Void> typing(UUID conversationId, UUID sender, boolean typing, Set<UUID> to);
    }

    private static final Logger log = LoggerFactory.getLogger(ClientProtocol.class);
    /** Types counted by name in the frames-in counter. */
    public static final Set<String> TYPES;

    static {
        Set<String> types = new HashSet<>(Commands.types());
        types.addAll(Set.of("hello", "typing", "ping", "auth", "presence.get"));
        TYPES = Set.copyOf(types);
    }

    private final Frames frames;
    private final GatewayMetrics metrics;
    private final Edge edge;
    private final PresenceCommand presence;
    private final Greeting greeting;
    private final RelayingCommands commands;

    public ClientProtocol(Conversations conversations, SessionTable<ClientSocket> table, Frames frames,
                          GatewayMetrics metrics, Clock clock, Duration participantsTtl, String nodeId, Routing routing,
                          Ephemeral ephemeral, Edge edge, TrackingPresence presence, int maxSocketsPerUser) {
        this.frames = frames;
        this.metrics = metrics;
        this.edge = edge;
        var participants = new Participants(conversations, frames.json(), clock, participantsTtl);
        this.presence = new PresenceCommand(presence, participants, frames);
        this.greeting = new Greeting(conversations, table, frames, metrics, nodeId, routing, edge, maxSocketsPerUser);
        this.commands = new RelayingCommands(conversations, frames, metrics, participants, ephemeral);
    }

    /** Handles one inbound text frame; completes when its reply is queued. Never errors. */
    public Mono<Void> onFrame(ClientSocket socket, String text) {
        return Mono.defer(() -> handle(socket, text)).onErrorResume(error -> {
            // a bug must cost one frame, not the socket: the inbound stream would end on an error
            log.error("Failed to handle a frame of socket {}", socket.id(), error);
            metrics.rejected("internal");
            socket.send(frames.error(null, "gateway.internal", "the gateway failed to handle this frame"));
            return Mono.empty();
        });
    }

    private Mono<Void> handle(ClientSocket socket, String text) {
        JsonNode frame = parse(text);
        String type = frame != null && frame.isObject() ? frame.path("type").asString(null) : null;
        metrics.received(type == null ? "unknown" : type);
        if (!socket.authenticated()) {
            if (!"hello".equals(type)) {
                metrics.rejected("not_hello");
                return edge.refuseHello(socket, CloseCodes.NOT_HELLO);
            }
            return greeting.hello(socket, frame);
        }
        if (type == null) {
            metrics.rejected("malformed");
            socket.send(frames.error(frame == null ? null : frame.get("ref"), "frame.malformed",
                    "a frame is a JSON object with a string type"));
            return Mono.empty();
        }
        JsonNode ref = frame.get("ref");
        if (!socket.admitCommand()) {
            metrics.rejected("rate_limited");
            socket.send(frames.error(ref, "frame.rate_limited", "too many frames; slow down"));
            return Mono.empty();
        }
        return edge.admitCommand(socket).flatMap(admitted -> {
            if (!admitted) {
                metrics.rejected("user_rate_limited");
                socket.send(frames.error(ref, "frame.rate_limited", "too many commands from this user; slow down"));
                return Mono.empty();
            }
            return dispatch(socket, type, frame, ref);
        });
    }

    private Mono<Void> dispatch(ClientSocket socket, String type, JsonNode frame, JsonNode ref) {
        return switch (type) {
            case "ping" -> commands.reply(socket, ref, Mono.just(RawJson.EMPTY_OBJECT));
            case "hello" -> {
                metrics.rejected("repeated_hello");
                socket.send(frames.error(ref, "hello.repeated", "this socket is already authenticated"));
                yield Mono.empty();
            }
            case "typing" -> commands.typing(socket, frame);
            case "auth" -> commands.replyTree(socket, ref, edge.renew(socket, frame)
                    .flatMap(renewed -> greeting.refreshDepartments(socket).thenReturn(renewed)));
            case "presence.get" -> presence.handle(socket, frame);
            default -> commands.relay(socket, type, frame, ref);
        };
    }

    private JsonNode parse(String text) {
        try {
            return frames.json().readTree(text);
        } catch (JacksonException e) {
            return null;
        }
    }
}
