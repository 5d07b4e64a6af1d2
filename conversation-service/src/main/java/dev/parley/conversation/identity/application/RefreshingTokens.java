package dev.parley.conversation.identity.application;

import dev.parley.conversation.identity.domain.RefreshToken;
import dev.parley.conversation.identity.domain.RefreshTokenSecret;
import dev.parley.conversation.shared.domain.Outcome;
import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * An agent's client exchanges its refresh token for new tokens. Each token works once; using a
 * rotated one again revokes its whole family (see {@link RefreshToken}).
 */
public final class RefreshingTokens {

    public static final String INVALID_REFRESH_TOKEN = "auth.refresh_token_invalid";
    private static final Logger log = LoggerFactory.getLogger(RefreshingTokens.class);

    private final RefreshTokens refreshTokens;
    private final AgentAccounts accounts;
    private final AgentSessions sessions;
    private final Clock clock;

    public RefreshingTokens(RefreshTokens refreshTokens, AgentAccounts accounts, AgentSessions sessions, Clock clock) {
        this.refreshTokens = refreshTokens;
        this.accounts = accounts;
        this.sessions = sessions;
        this.clock = clock;
    }

    public Mono<Outcome<AgentTokens>> refresh(String refreshToken) {
        if (refreshToken == null || refreshToken.isEmpty()) {
            return Mono.just(refused());
        }
        return refreshTokens.findByHash(RefreshTokenSecret.hashOf(refreshToken))
                .flatMap(this::use)
                .defaultIfEmpty(refused());
    }

    private Mono<Outcome<AgentTokens>> use(RefreshToken token) {
        Instant now = clock.instant();
        return switch (token.use(now)) {
            case VALID -> rotate(token);
            case REUSED -> revokeFamily(token, now);
            case EXPIRED, REVOKED -> Mono.just(refused());
        };
    }

    private Mono<Outcome<AgentTokens>> rotate(RefreshToken token) {
        return accounts.findById(token.agentId())
                .flatMap(agent -> sessions.rotate(token, agent.asCaller())
                        .map(Outcome::accepted)
                        // Another request used this token a moment earlier: that is reuse too.
                        .switchIfEmpty(Mono.defer(() -> revokeFamily(token, clock.instant()))))
                .defaultIfEmpty(refused());
    }

    private Mono<Outcome<AgentTokens>> revokeFamily(RefreshToken token, Instant now) {
        log.warn("Refresh token {} of agent {} was used twice; revoking its family {}",
                token.id(), token.agentId(), token.familyId());
        return refreshTokens.revokeFamily(token.familyId(), now).thenReturn(refused());
    }

    private static Outcome<AgentTokens> refused() {
        return Outcome.rejected(INVALID_REFRESH_TOKEN, "The refresh token is not valid; log in again.");
    }
}
