package dev.parley.gateway.socket.application;

import dev.parley.gateway.auth.application.Tokens;
import dev.parley.gateway.conversation.application.ConversationRefusal;
import dev.parley.gateway.edge.domain.OriginPolicy;
import dev.parley.gateway.limits.application.LimitingClients;
import dev.parley.gateway.session.domain.Principal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.reactive.socket.CloseStatus;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.JsonNode;

/**
 * What the edge checks around the protocol: the hello's Origin against the inbox's (customers) or
 * the console's (agents), the per-user and per-address budgets, and the token's lifetime on an
 * open socket (warned {@code expiryWarning} before {@code exp}, closed with 4401 at {@code exp}
 * unless an {@code auth} frame brought a fresh token of the same user).
 */
public final class Edge {

    /** The hello came from a page that may not open this socket. */
    public static final class OriginRefused extends RuntimeException {
        OriginRefused(String message) {
            super(message);
        }
    }

    private static final Logger log = LoggerFactory.getLogger(Edge.class);

    private final Tokens tokens;
    private final OriginPolicy origins;
    private final LimitingClients limits;
    private final Frames frames;
    private final GatewayMetrics metrics;
    private final Clock clock;
    private final Duration expiryWarning;

    public Edge(Tokens tokens, OriginPolicy origins, LimitingClients limits, Frames frames,
                GatewayMetrics metrics, Clock clock, Duration expiryWarning) {
        this.tokens = tokens;
        this.origins = origins;
        this.limits = limits;
        this.frames = frames;
        this.metrics = metrics;
        this.clock = clock;
        this.expiryWarning = expiryWarning;
    }

    /**
     * Verifies the hello's token and the page's Origin; remembers the token's expiry on the socket.
     * Errors with {@link Tokens.Refused}, {@link Tokens.KeysUnavailable} or {@link OriginRefused}.
     */
    public Mono<Principal> admit(ClientSocket socket, String token) {
        return tokens.check(token).handle((verified, sink) -> {
            Handshake handshake = socket.handshake();
            Optional<String> origin = Optional.ofNullable(handshake.origin());
            Principal principal = verified.principal();
            boolean allowed = principal.isAgent()
                    ? origins.admitsAgent(origin, handshake.host())
                    : verified.origins() != null && origins.admitsCustomer(verified.origins(), origin);
            if (!allowed) {
                sink.error(new OriginRefused("a " + principal.role() + " socket may not be opened from " + origin.orElse("no origin")));
                return;
            }
            socket.tokenExpiresAt(verified.expiresAt());
            sink.next(principal);
        });
    }

    /**
     * The hello failed: counts it against the client's address, then closes with {@code status}
     * (counted first, so a client that reconnects at once is judged with this failure included).
     */
    public Mono<Void> refuseHello(ClientSocket socket, CloseStatus status) {
        return limits.helloFailed(address(socket)).doFinally(signal -> socket.close(status));
    }

    /** Refuses the origin: counts a failed hello, then an error frame and close 4403. */
    public Mono<Void> refuseOrigin(ClientSocket socket, JsonNode ref, OriginRefused refused) {
        log.debug("Refused a socket: {}", refused.getMessage());
        metrics.rejected("origin_not_allowed");
        return limits.helloFailed(address(socket)).doFinally(signal -> socket.finish(
                frames.error(ref, "hello.origin_not_allowed", refused.getMessage()), CloseCodes.ORIGIN_NOT_ALLOWED));
    }

    /** Takes one of the user's command tokens, shared by their sockets on every node. */
    public Mono<Boolean> admitCommand(ClientSocket socket) {
        return limits.admitCommand(socket.principal().userId());
    }

    /**
     * Arms the expiry of the socket's current token: a warning frame first, then the close. One
     * plain scheduled task at a time rather than an operator chain: every idle socket carries it
     * for the token's whole life (HeapPerSocketBenchmark).
     */
    public void watchExpiry(ClientSocket socket) {
        Instant expiresAt = socket.tokenExpiresAt();
        if (expiresAt == null) {
            return;
        }
        Duration left = Duration.between(clock.instant(), expiresAt);
        Duration untilWarning = left.minus(expiryWarning);
        Duration warnIn = untilWarning.isNegative() ? Duration.ZERO : untilWarning;
        Duration expireIn = left.isNegative() ? Duration.ZERO : left;
        long expireAfterWarning = expireIn.minus(warnIn).toNanos();
        socket.expiryTimer(expiresAt, schedule(() -> {
            socket.send(frames.authExpiring(expiresAt));
            socket.expiryTimer(expiresAt, schedule(() -> expire(socket), expireAfterWarning));
        }, warnIn.toNanos()));
    }

    private void expire(ClientSocket socket) {
        metrics.rejected("token_expired");
        socket.finish(frames.error(null, "auth.expired", "the token expired; reconnect with a fresh one"),
                CloseCodes.TOKEN_EXPIRED);
    }

    private static Disposable schedule(Runnable task, long delayNanos) {
        return Schedulers.parallel().schedule(task, delayNanos, TimeUnit.NANOSECONDS);
    }

    /**
     * {@code auth}: a fresh token for the same user and role replaces the socket's token and
     * re-arms the expiry. Anything else is answered with an error; the socket keeps its token.
     */
    public Mono<JsonNode> renew(ClientSocket socket, JsonNode frame) {
        String token = frame.path("token").asString(null);
        Principal current = socket.principal();
        return tokens.check(token)
                .onErrorMap(Tokens.Refused.class, refused -> new ConversationRefusal(401, "auth.invalid", refused.getMessage()))
                .onErrorMap(Tokens.KeysUnavailable.class,
                        unavailable -> new ConversationRefusal(503, "upstream.unavailable", unavailable.getMessage()))
                .flatMap(verified -> {
                    Principal renewed = verified.principal();
                    if (!renewed.userId().equals(current.userId()) || renewed.role() != current.role()) {
                        return Mono.error(new ConversationRefusal(403, "auth.mismatch", "the token is another user's or role's"));
                    }
                    socket.renewToken(token, verified.expiresAt());
                    watchExpiry(socket);
                    return Mono.<JsonNode>just(frames.json().createObjectNode().put("expiresAt", verified.expiresAt().toString()));
                });
    }

    private static String address(ClientSocket socket) {
        return socket.handshake().clientAddress();
    }
}
