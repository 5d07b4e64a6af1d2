package dev.parley.conversation.identity.application;

import dev.parley.conversation.identity.domain.Caller;
import dev.parley.conversation.identity.domain.RefreshTokenSecret;
import java.time.Clock;
import java.util.Optional;
import reactor.core.publisher.Mono;

/**
 * An agent logs out: the session of the given refresh token ends, or every session when none is
 * given. Access tokens already issued stay valid until they expire (minutes): they are verified
 * locally everywhere, without a revocation list.
 */
public final class LoggingOut {

    private final RefreshTokens refreshTokens;
    private final Clock clock;

    public LoggingOut(RefreshTokens refreshTokens, Clock clock) {
        this.refreshTokens = refreshTokens;
        this.clock = clock;
    }

    /** Idempotent; a token that is unknown or another agent's changes nothing. */
    public Mono<Void> logout(Caller.Agent agent, Optional<String> refreshToken) {
        if (refreshToken.isEmpty()) {
            return refreshTokens.revokeAll(agent.agentId(), clock.instant());
        }
        return refreshTokens.findByHash(RefreshTokenSecret.hashOf(refreshToken.get()))
                .filter(token -> token.agentId().equals(agent.agentId()))
                .flatMap(token -> refreshTokens.revokeFamily(token.familyId(), clock.instant()));
    }
}
