package dev.parley.gateway.socket.adapter.ws;

import dev.parley.gateway.auth.adapter.jwt.TokenVerifier;
import dev.parley.gateway.conversation.application.ConversationCommand;
import dev.parley.gateway.conversation.application.ConversationRefusal;
import dev.parley.gateway.conversation.application.Conversations;
import dev.parley.gateway.conversation.application.RawJson;
import dev.parley.gateway.presence.application.TrackingPresence;
import dev.parley.gateway.routing.application.Routing;
import dev.parley.gateway.session.domain.Principal;
import dev.parley.gateway.session.domain.ReadsInFlight;
import dev.parley.gateway.session.domain.ResumeGate;
import dev.parley.gateway.session.domain.SessionTable;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
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
    private static final int REPLAY_PAGE = 200;
    /** Types counted by name in the frames-in counter. */
    public static final Set<String> TYPES;

    static {
        Set<String> types = new HashSet<>(Commands.types());
        types.addAll(Set.of("hello", "typing", "ping", "auth", "presence.get"));
        TYPES = Set.copyOf(types);
    }

    private final Conversations conversations;
    private final SessionTable<ClientSocket> table;
    private final Frames frames;
    private final GatewayMetrics metrics;
    private final Participants participants;
    private final String nodeId;
    private final Routing routing;
    private final Ephemeral ephemeral;
    private final Edge edge;
    private final PresenceCommand presence;

    public ClientProtocol(Conversations conversations, SessionTable<ClientSocket> table, Frames frames,
                          GatewayMetrics metrics, Clock clock, Duration participantsTtl, String nodeId, Routing routing,
                          Ephemeral ephemeral, Edge edge, TrackingPresence presence) {
        this.edge = edge;
        this.presence = new PresenceCommand(presence, frames);
        this.routing = routing;
        this.ephemeral = ephemeral;
        this.conversations = conversations;
        this.table = table;
        this.frames = frames;
        this.metrics = metrics;
        this.participants = new Participants(conversations, frames.json(), clock, participantsTtl);
        this.nodeId = nodeId;
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
            return hello(socket, frame);
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
            case "ping" -> reply(socket, ref, Mono.just(RawJson.EMPTY_OBJECT));
            case "hello" -> {
                metrics.rejected("repeated_hello");
                socket.send(frames.error(ref, "hello.repeated", "this socket is already authenticated"));
                yield Mono.empty();
            }
            case "typing" -> typing(socket, frame);
            case "auth" -> replyTree(socket, ref, edge.renew(socket, frame));
            case "presence.get" -> presence.handle(socket, frame);
            default -> command(socket, type, frame, ref);
        };
    }

    private Mono<Void> command(ClientSocket socket, String type, JsonNode frame, JsonNode ref) {
        Optional<ConversationCommand> command;
        try {
            command = Commands.parse(type, frame, socket.principal());
        } catch (Commands.InvalidFrame invalid) {
            metrics.rejected("invalid");
            socket.send(frames.error(ref, "frame.invalid", invalid.getMessage()));
            return Mono.empty();
        }
        if (command.isEmpty()) {
            metrics.rejected("unknown_type");
            socket.send(frames.error(ref, "frame.unknown_type", "unknown frame type " + type));
            return Mono.empty();
        }
        if (command.get() instanceof ConversationCommand.Read read) {
            return readReceipt(socket, read, ref);
        }
        return reply(socket, ref, conversations.call(socket.token(), command.get()));
    }

    /**
     * Read receipts are latest-wins: one per conversation in flight, the rest merged into the one
     * after it ({@link ReadsInFlight}), and none holds up the socket's next frames unless many
     * conversations' are on their way at once. Each read's ref is answered by the call that
     * carried its watermarks.
     */
    private Mono<Void> readReceipt(ClientSocket socket, ConversationCommand.Read read, JsonNode ref) {
        var watermarks = new ReadsInFlight.Watermarks(read.lastDeliveredSeq(), read.lastReadSeq());
        return switch (socket.reads().offer(read.conversationId(), watermarks, ref)) {
            case MERGED -> {
                metrics.readsMerged();
                yield Mono.empty();
            }
            case SEND -> {
                sendRead(socket, read.conversationId(), watermarks).subscribe();
                yield Mono.empty();
            }
            case SEND_AND_WAIT -> sendRead(socket, read.conversationId(), watermarks);
        };
    }

    private Mono<Void> sendRead(ClientSocket socket, UUID conversationId, ReadsInFlight.Watermarks watermarks) {
        var command = new ConversationCommand.Read(conversationId, watermarks.lastDeliveredSeq(), watermarks.lastReadSeq());
        return conversations.call(socket.token(), command)
                .map(answer -> (java.util.function.Function<JsonNode, Outgoing>) ref -> frames.ack(ref, answer))
                .onErrorResume(ConversationRefusal.class, refused -> Mono.just(ref -> frames.error(ref, refused.code(), refused.getMessage())))
                .onErrorResume(error -> {
                    log.error("Failed to send a read receipt of socket {}", socket.id(), error);
                    return Mono.just(ref -> frames.error(ref, "gateway.internal", "the gateway failed to handle this frame"));
                })
                .flatMap(reply -> {
                    var landed = socket.reads().landed(conversationId);
                    landed.answered().forEach(ref -> socket.send(reply.apply(ref)));
                    return landed.next() == null ? Mono.<Void>empty() : sendRead(socket, conversationId, landed.next());
                });
    }

    private JsonNode parse(String text) {
        try {
            return frames.json().readTree(text);
        } catch (JacksonException e) {
            return null;
        }
    }

    private Mono<Void> hello(ClientSocket socket, JsonNode hello) {
        String token = hello.path("token").asString(null);
        Map<UUID, Long> lastSeqs = new LinkedHashMap<>();
        try {
            for (var entry : hello.path("lastSeqs").properties()) {
                lastSeqs.put(UUID.fromString(entry.getKey()), entry.getValue().asLong());
            }
        } catch (IllegalArgumentException e) {
            metrics.rejected("not_hello");
            return edge.refuseHello(socket, CloseCodes.NOT_HELLO);
        }
        return edge.admit(socket, token)
                .flatMap(principal -> principal.isAgent() ? withDepartments(principal, token) : Mono.just(principal))
                .flatMap(principal -> {
                    socket.authenticate(principal, token);
                    metrics.authenticated(principal.role());
                    socket.send(frames.welcome(hello.get("ref"), principal.userId(), principal.role().name(), nodeId));
                    edge.watchExpiry(socket);
                    lastSeqs.forEach(socket.gate()::startReplay);
                    // registered before the replay reads, so every event it misses is routed here
                    return table.add(socket) ? register(principal) : Mono.empty();
                })
                .thenMany(Flux.fromIterable(lastSeqs.entrySet()))
                .concatMap(entry -> replay(socket, entry.getKey(), entry.getValue()))
                .then()
                .onErrorResume(TokenVerifier.KeysUnavailable.class, unavailable -> {
                    log.warn("Could not authenticate a socket: {}", unavailable.getCause().toString());
                    metrics.rejected("keys_unavailable");
                    socket.close(CloseCodes.TRY_AGAIN);
                    return Mono.empty();
                })
                .onErrorResume(TokenVerifier.Refused.class, refused -> {
                    log.debug("Refused a socket: {}", refused.getMessage());
                    metrics.rejected("unauthenticated");
                    return edge.refuseHello(socket, refused.forbidden() ? CloseCodes.FORBIDDEN : CloseCodes.UNAUTHENTICATED);
                })
                .onErrorResume(Edge.OriginRefused.class, refused -> edge.refuseOrigin(socket, hello.get("ref"), refused));
    }

    private Mono<Void> register(Principal principal) {
        return routing.register(principal.userId()).onErrorResume(error -> {
            log.warn("Could not register user {} in the routing registry: {}", principal.userId(), error.toString());
            return Mono.empty();
        });
    }

    /** An agent's departments address them in named audiences; read once, at the hello. */
    private Mono<Principal> withDepartments(Principal agent, String token) {
        return conversations.call(token, new ConversationCommand.Agents())
                .map(answer -> frames.json().readTree(answer.utf8()))
                .map(agents -> {
                    Set<UUID> departments = new HashSet<>();
                    for (JsonNode each : agents) {
                        if (agent.userId().toString().equals(each.path("id").asString())) {
                            each.path("departmentIds").forEach(id -> departments.add(UUID.fromString(id.asString())));
                        }
                    }
                    return agent.withDepartments(departments);
                })
                .onErrorResume(ConversationRefusal.class, problem -> {
                    log.warn("Could not read agent {}'s departments ({}); department audiences will miss them",
                            agent.userId(), problem.getMessage());
                    return Mono.just(agent);
                });
    }

    /**
     * Replays one conversation after {@code since} page by page, then lets its live events through.
     * Only a complete replay is answered {@code resumed}, with the seq it is complete through; one
     * that fails part way (conversation-service refused or could not answer) is answered with the
     * error {@code resume.failed}, so the client fills the gap itself. Never errors: the next
     * conversation's replay runs either way.
     */
    private Mono<Void> replay(ClientSocket socket, UUID conversationId, long since) {
        ResumeGate<Outgoing> gate = socket.gate();
        return page(socket, conversationId, since)
                .then(Mono.fromRunnable(() -> socket.send(frames.resumed(conversationId, gate.finishReplay(conversationId)))))
                .onErrorResume(error -> {
                    String reason = error instanceof ConversationRefusal problem ? problem.code() : "gateway.internal";
                    if (error instanceof ConversationRefusal) {
                        log.debug("Could not resume conversation {} on socket {}: {}", conversationId, socket.id(), error.getMessage());
                    } else {
                        log.warn("Could not resume conversation {} on socket {}", conversationId, socket.id(), error);
                    }
                    socket.send(frames.resumeFailed(conversationId, reason,
                            "could not resume " + conversationId + ": " + error.getMessage()));
                    gate.abandonReplay(conversationId); // told first: what it held follows as live
                    return Mono.empty();
                })
                .doOnCancel(() -> gate.abandonReplay(conversationId))
                .then();
    }

    private Mono<Void> page(ClientSocket socket, UUID conversationId, long since) {
        return conversations.call(socket.token(), new ConversationCommand.EventsSince(conversationId, since, REPLAY_PAGE))
                .map(answer -> frames.json().readTree(answer.utf8()))
                .flatMap(page -> {
                    for (JsonNode event : page.path("events")) {
                        socket.gate().replayed(conversationId, event.path("seq").asLong(),
                                frames.event(event, null));
                    }
                    long through = page.path("throughSeq").asLong(since);
                    socket.gate().replayedThrough(conversationId, through);
                    if (!page.path("more").asBoolean(false)) {
                        return Mono.empty();
                    }
                    return through > since ? page(socket, conversationId, through)
                            : Mono.error(new IllegalStateException("conversation-service's page after " + since + " made no progress"));
                });
    }

    private Mono<Void> reply(ClientSocket socket, JsonNode ref, Mono<RawJson> result) {
        return result
                .doOnNext(value -> socket.send(frames.ack(ref, value)))
                .onErrorResume(ConversationRefusal.class, problem -> {
                    socket.send(frames.error(ref, problem.code(), problem.getMessage()));
                    return Mono.empty();
                })
                .then();
    }

    private Mono<Void> replyTree(ClientSocket socket, JsonNode ref, Mono<JsonNode> result) {
        return reply(socket, ref, result.map(tree -> new RawJson(frames.json().writeValueAsBytes(tree))));
    }

    /** Ephemeral: straight to the participants' nodes through the routing registry; no Kafka, no PostgreSQL. */
    private Mono<Void> typing(ClientSocket socket, JsonNode frame) {
        JsonNode ref = frame.get("ref");
        UUID conversationId;
        try {
            conversationId = UUID.fromString(frame.path("conversationId").asString());
        } catch (IllegalArgumentException e) {
            socket.send(frames.error(ref, "frame.invalid", "conversationId is required"));
            return Mono.empty();
        }
        boolean typing = frame.path("typing").asBoolean(true);
        UUID sender = socket.principal().userId();
        return reply(socket, ref, participants.of(conversationId, sender, socket.token())
                .flatMap(users -> ephemeral.typing(conversationId, sender, typing, users))
                .then(Mono.just(RawJson.EMPTY_OBJECT)));
    }
}
