package dev.parley.conversation.directory.application;

import dev.parley.conversation.directory.domain.LinkToken;
import dev.parley.conversation.identity.application.AgentAccounts;
import dev.parley.conversation.identity.application.PasswordHasher;
import dev.parley.conversation.identity.application.RefreshTokens;
import dev.parley.conversation.identity.domain.PasswordPolicy;
import dev.parley.conversation.shared.application.Transactions;
import dev.parley.conversation.shared.domain.Outcome;
import dev.parley.conversation.shared.domain.Rejection;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import reactor.core.publisher.Mono;

/**
 * Someone with a one-time link sets the agent's password: the link is the authorization, and it is
 * spent in the same transaction that sets the password, so it works once. Every session of the
 * agent ends, as with any new password. The answer gives the email, for signing in next.
 */
public final class FollowingAgentLink {

    public static final String LINK_INVALID = "agent_link.invalid";

    private final Transactions transactions;
    private final AgentLinks links;
    private final DirectoryStore directory;
    private final AgentAccounts accounts;
    private final PasswordHasher hasher;
    private final RefreshTokens refreshTokens;
    private final Clock clock;

    public FollowingAgentLink(Transactions transactions, AgentLinks links, DirectoryStore directory,
                              AgentAccounts accounts, PasswordHasher hasher, RefreshTokens refreshTokens, Clock clock) {
        this.transactions = transactions;
        this.links = links;
        this.directory = directory;
        this.accounts = accounts;
        this.hasher = hasher;
        this.refreshTokens = refreshTokens;
        this.clock = clock;
    }

    public record PasswordSet(String email) {
    }

    public Mono<Outcome<PasswordSet>> setPassword(String token, String password) {
        if (token == null || token.isBlank()) {
            return Mono.just(Outcome.rejected(invalid()));
        }
        Optional<Rejection> weak = PasswordPolicy.check(password);
        if (weak.isPresent()) {
            return Mono.just(Outcome.rejected(weak.get()));
        }
        Instant now = clock.instant();
        // Hashing is slow on purpose: done before the transaction, so no row stays locked meanwhile.
        return hasher.hash(password).flatMap(hash -> transactions.inTransaction(() -> links.consume(new LinkToken(token).hash(), now)
                .flatMap(directory::agent)
                .filter(agent -> agent.active())
                .flatMap(agent -> accounts.setPasswordHash(agent.id(), hash)
                        .then(refreshTokens.revokeAll(agent.id(), now))
                        .thenReturn(Outcome.accepted(new PasswordSet(agent.email())))))
                .defaultIfEmpty(Outcome.rejected(invalid())));
    }

    private static Rejection invalid() {
        return Rejection.invalid(LINK_INVALID, "token", "this link was used, replaced or has expired; ask an admin for a new one");
    }
}
