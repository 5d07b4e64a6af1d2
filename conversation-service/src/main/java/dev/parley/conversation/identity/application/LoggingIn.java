package dev.parley.conversation.identity.application;

import dev.parley.conversation.identity.domain.AgentCredentials;
import dev.parley.conversation.shared.domain.Outcome;
import java.util.Optional;
import java.util.UUID;
import reactor.core.publisher.Mono;

/**
 * An agent logs in with email and password. Every failure (unknown email, no password set, wrong
 * password) gives the same answer after the same work, one hash check, so neither the answer nor
 * its timing tells which emails exist.
 */
public final class LoggingIn {

    public static final String INVALID_CREDENTIALS = "auth.invalid_credentials";

    private final AgentAccounts accounts;
    private final PasswordHasher hasher;
    private final AgentSessions sessions;
    /** Checked against when there is no stored hash, so that path costs one hash like the others. */
    private final Mono<String> decoyHash;

    public LoggingIn(AgentAccounts accounts, PasswordHasher hasher, AgentSessions sessions) {
        this.accounts = accounts;
        this.hasher = hasher;
        this.sessions = sessions;
        this.decoyHash = hasher.hash(UUID.randomUUID().toString()).cache();
    }

    public Mono<Outcome<AgentTokens>> login(String email, String password) {
        if (email == null || password == null) {
            return Mono.just(refused());
        }
        return accounts.findByEmail(email.trim())
                .map(Optional::of)
                .defaultIfEmpty(Optional.empty())
                .flatMap(agent -> verify(agent, password))
                .flatMap(verified -> verified
                        .map(agent -> sessions.open(agent.asCaller()).map(Outcome::accepted))
                        .orElseGet(() -> Mono.just(refused())));
    }

    /** The agent if the password is theirs; exactly one hash check whatever the case. */
    private Mono<Optional<AgentCredentials>> verify(Optional<AgentCredentials> agent, String password) {
        Optional<String> stored = agent.flatMap(AgentCredentials::passwordHash);
        return stored.map(Mono::just).orElse(decoyHash)
                .flatMap(hash -> hasher.matches(password, hash))
                .map(matches -> matches && stored.isPresent() ? agent : Optional.empty());
    }

    private static Outcome<AgentTokens> refused() {
        return Outcome.rejected(INVALID_CREDENTIALS, "Email or password is wrong.");
    }
}
