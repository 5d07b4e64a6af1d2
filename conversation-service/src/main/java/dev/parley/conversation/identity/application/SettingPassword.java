package dev.parley.conversation.identity.application;

import dev.parley.conversation.identity.domain.AgentCredentials;
import dev.parley.conversation.identity.domain.Caller;
import dev.parley.conversation.identity.domain.PasswordPolicy;
import dev.parley.conversation.shared.domain.Outcome;
import dev.parley.conversation.shared.domain.Rejection;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import reactor.core.publisher.Mono;

/**
 * Sets an agent's password: an admin resets anyone else's; an agent changes their own by giving
 * the current one (if they have one). Every session of the agent ends: whoever knew the old
 * password must not keep a refresh token.
 */
public final class SettingPassword {

    public static final String FORBIDDEN = "auth.forbidden";
    public static final String AGENT_NOT_FOUND = "agent.not_found";
    public static final String CURRENT_PASSWORD_WRONG = "password.current_wrong";

    private final AgentAccounts accounts;
    private final PasswordHasher hasher;
    private final RefreshTokens refreshTokens;
    private final Clock clock;

    public SettingPassword(AgentAccounts accounts, PasswordHasher hasher, RefreshTokens refreshTokens, Clock clock) {
        this.accounts = accounts;
        this.hasher = hasher;
        this.refreshTokens = refreshTokens;
        this.clock = clock;
    }

    public Mono<Outcome<UUID>> set(Caller caller, UUID agentId, String password, Optional<String> currentPassword) {
        if (!(caller instanceof Caller.Agent agent) || !(agent.isAdmin() || agent.agentId().equals(agentId))) {
            return Mono.just(Outcome.rejected(FORBIDDEN, "Only an admin may set another agent's password."));
        }
        Optional<Rejection> weak = PasswordPolicy.check(password);
        if (weak.isPresent()) {
            return Mono.just(Outcome.rejected(weak.get()));
        }
        boolean ownPassword = agent.agentId().equals(agentId);
        return accounts.findById(agentId)
                .flatMap(target -> ownPassword ? checkCurrent(target, currentPassword) : Mono.just(Optional.<Rejection>empty()))
                .flatMap(rejection -> rejection.isPresent()
                        ? Mono.just(Outcome.<UUID>rejected(rejection.get()))
                        : replace(agentId, password))
                .defaultIfEmpty(Outcome.rejected(AGENT_NOT_FOUND, "No agent has this id."));
    }

    private Mono<Optional<Rejection>> checkCurrent(AgentCredentials target, Optional<String> currentPassword) {
        if (target.passwordHash().isEmpty()) {
            return Mono.just(Optional.empty());
        }
        Rejection wrong = Rejection.invalid(CURRENT_PASSWORD_WRONG, "currentPassword", "The current password is wrong.");
        return currentPassword
                .map(current -> hasher.matches(current, target.passwordHash().get()))
                .orElse(Mono.just(false))
                .map(matches -> matches ? Optional.<Rejection>empty() : Optional.of(wrong));
    }

    private Mono<Outcome<UUID>> replace(UUID agentId, String password) {
        return hasher.hash(password)
                .flatMap(hash -> accounts.setPasswordHash(agentId, hash))
                .then(refreshTokens.revokeAll(agentId, clock.instant()))
                .thenReturn(Outcome.accepted(agentId));
    }
}
