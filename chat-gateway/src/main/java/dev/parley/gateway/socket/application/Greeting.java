package dev.parley.gateway.socket.application;

import dev.parley.gateway.auth.application.Tokens;
import dev.parley.gateway.conversation.application.ConversationCommand;
import dev.parley.gateway.conversation.application.ConversationRefusal;
import dev.parley.gateway.conversation.application.Conversations;
import dev.parley.gateway.routing.application.Routing;
import dev.parley.gateway.session.domain.Principal;
import dev.parley.gateway.session.domain.ResumeGate;
import dev.parley.gateway.session.domain.SessionTable;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * The hello and the resume: authenticate the socket, register its user here, then replay each
 * conversation named in {@code lastSeqs} page by page before its live events go through.
 */
final class Greeting {

    private static final Logger log = LoggerFactory.getLogger(Greeting.class);
    private static final int REPLAY_PAGE = 200;
    /**
     * Conversations one hello may resume; those beyond are answered {@code resume.failed}
     * ({@code resume.too_many}) and the client fills them itself. A console has at most a few dozen.
     */
    static final int MAX_RESUMED = 200;
    /** An agent's departments are waited for this long at the hello, well within the hello timeout. */
    static final Duration DEPARTMENTS_WITHIN = Duration.ofSeconds(2);

    private final Conversations conversations;
    private final SessionTable<ClientSocket> table;
    private final Frames frames;
    private final GatewayMetrics metrics;
    private final String nodeId;
    private final Routing routing;
    private final Edge edge;
    private final int maxSocketsPerUser;

    Greeting(Conversations conversations, SessionTable<ClientSocket> table, Frames frames, GatewayMetrics metrics,
             String nodeId, Routing routing, Edge edge, int maxSocketsPerUser) {
        this.maxSocketsPerUser = maxSocketsPerUser;
        this.conversations = conversations;
        this.table = table;
        this.frames = frames;
        this.metrics = metrics;
        this.nodeId = nodeId;
        this.routing = routing;
        this.edge = edge;
    }

    Mono<Void> hello(ClientSocket socket, JsonNode hello) {
        String token = hello.path("token").asString(null);
        Map<UUID, Long> lastSeqs = new LinkedHashMap<>();
        Map<UUID, Long> beyond = new LinkedHashMap<>();
        try {
            for (var entry : hello.path("lastSeqs").properties()) {
                UUID conversationId = UUID.fromString(entry.getKey());
                if (lastSeqs.size() < MAX_RESUMED) {
                    lastSeqs.put(conversationId, entry.getValue().asLong());
                } else {
                    beyond.put(conversationId, entry.getValue().asLong());
                }
            }
        } catch (IllegalArgumentException e) {
            metrics.rejected("not_hello");
            return edge.refuseHello(socket, CloseCodes.NOT_HELLO);
        }
        return edge.admit(socket, token)
                .flatMap(principal -> principal.isAgent()
                        // within the hello timeout: without them the socket still opens, and they are read again
                        ? withDepartments(principal, token).timeout(DEPARTMENTS_WITHIN, Mono.fromSupplier(() -> {
                            log.warn("Agent {}'s departments took over {}; reading them again once the socket is open",
                                    principal.userId(), DEPARTMENTS_WITHIN);
                            pendingDepartments(socket);
                            return principal;
                        }))
                        : Mono.just(principal))
                .flatMap(principal -> {
                    if (table.of(principal.userId()).size() >= maxSocketsPerUser) {
                        metrics.rejected("too_many_sockets");
                        socket.close(CloseCodes.TOO_MANY_SOCKETS);
                        return Mono.error(new TooMany());
                    }
                    socket.authenticate(principal, token);
                    metrics.authenticated(principal.role());
                    socket.send(frames.welcome(hello.get("ref"), principal.userId(), principal.role().name(), nodeId));
                    edge.watchExpiry(socket);
                    lastSeqs.forEach(socket.gate()::startReplay);
                    // not replayed, but the client said what it has: a late event it has is not sent again
                    beyond.forEach(socket.gate()::alreadyHas);
                    beyond.keySet().forEach(conversationId -> socket.send(frames.resumeFailed(conversationId, "resume.too_many",
                            "a hello resumes at most " + MAX_RESUMED + " conversations; fill this one with events.since")));
                    // registered before the replay reads, so every event it misses is routed here
                    return table.add(socket) ? register(principal) : Mono.empty();
                })
                .thenMany(Flux.fromIterable(lastSeqs.entrySet()))
                .concatMap(entry -> replay(socket, entry.getKey(), entry.getValue()))
                .then()
                .onErrorResume(Tokens.KeysUnavailable.class, unavailable -> {
                    log.warn("Could not authenticate a socket: {}", unavailable.getCause().toString());
                    metrics.rejected("keys_unavailable");
                    socket.close(CloseCodes.TRY_AGAIN);
                    return Mono.empty();
                })
                .onErrorResume(Tokens.Refused.class, refused -> {
                    log.debug("Refused a socket: {}", refused.getMessage());
                    metrics.rejected("unauthenticated");
                    return edge.refuseHello(socket, refused.forbidden() ? CloseCodes.FORBIDDEN : CloseCodes.UNAUTHENTICATED);
                })
                .onErrorResume(Edge.OriginRefused.class, refused -> edge.refuseOrigin(socket, hello.get("ref"), refused))
                .onErrorResume(TooMany.class, tooMany -> Mono.empty());
    }

    /** The user's sockets here are at their bound: the socket is closed, no replay follows. */
    private static final class TooMany extends RuntimeException {
        TooMany() {
            super(null, null, false, false);
        }
    }

    private Mono<Void> register(Principal principal) {
        return routing.register(principal.userId()).onErrorResume(error -> {
            log.warn("Could not register user {} in the routing registry: {}", principal.userId(), error.toString());
            return Mono.empty();
        });
    }

    /**
     * An agent's departments are read again when the socket renews its token ({@code auth}), so
     * one removed from a department stops receiving its events by the next renewal at the latest.
     * A failed read keeps what the socket had.
     */
    Mono<Void> refreshDepartments(ClientSocket socket) {
        Principal current = socket.principal();
        if (current == null || !current.isAgent()) {
            return Mono.empty();
        }
        return withDepartments(current, socket.token()).doOnNext(socket::changePrincipal).then();
    }

    /** The departments could not be read in time at the hello: read them once the socket is open. */
    private void pendingDepartments(ClientSocket socket) {
        Mono.delay(Duration.ofSeconds(1)).then(Mono.defer(() -> refreshDepartments(socket)))
                .onErrorResume(error -> Mono.empty()).subscribe();
    }

    /** An agent's departments address them in named audiences; read at the hello and at each renewal. */
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
}
