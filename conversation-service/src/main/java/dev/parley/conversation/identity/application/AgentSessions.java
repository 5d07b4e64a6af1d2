package dev.parley.conversation.identity.application;

import dev.parley.conversation.identity.domain.Caller;
import dev.parley.conversation.identity.domain.RefreshToken;
import dev.parley.conversation.identity.domain.RefreshTokenSecret;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import reactor.core.publisher.Mono;

/** Opens and continues agents' sessions: an access token plus a refresh token of a family. */
public final class AgentSessions {

    private final TokenIssuer issuer;
    private final RefreshTokens refreshTokens;
    private final Duration refreshLifetime;
    private final Clock clock;

    public AgentSessions(TokenIssuer issuer, RefreshTokens refreshTokens, Duration refreshLifetime, Clock clock) {
        this.issuer = issuer;
        this.refreshTokens = refreshTokens;
        this.refreshLifetime = refreshLifetime;
        this.clock = clock;
    }

    /** A new session: the first refresh token of a new family. */
    public Mono<AgentTokens> open(Caller.Agent agent) {
        Instant now = clock.instant();
        RefreshToken first = newToken(UUID.randomUUID(), agent.agentId(), now);
        RefreshTokenSecret secret = RefreshTokenSecret.generate();
        return refreshTokens.deleteExpired(agent.agentId(), now)
                .then(refreshTokens.save(first, secret.hash()))
                .then(tokensFor(agent, secret, first));
    }

    /**
     * Exchanges {@code used} for its successor. Empty when another use of {@code used} won the
     * race, which the caller must treat as reuse.
     */
    public Mono<AgentTokens> rotate(RefreshToken used, Caller.Agent agent) {
        Instant now = clock.instant();
        RefreshToken successor = newToken(used.familyId(), agent.agentId(), now);
        RefreshTokenSecret secret = RefreshTokenSecret.generate();
        return refreshTokens.rotate(used, now, successor, secret.hash())
                .filter(Boolean::booleanValue)
                .flatMap(rotated -> tokensFor(agent, secret, successor));
    }

    private RefreshToken newToken(UUID familyId, UUID agentId, Instant now) {
        return new RefreshToken(UUID.randomUUID(), familyId, agentId, now.plus(refreshLifetime),
                Optional.empty(), Optional.empty());
    }

    private Mono<AgentTokens> tokensFor(Caller.Agent agent, RefreshTokenSecret secret, RefreshToken token) {
        return issuer.issue(agent).map(access -> new AgentTokens(access, secret, token.expiresAt()));
    }
}
