package dev.parley.conversation.identity.application;

import dev.parley.conversation.identity.domain.PasswordPolicy;
import java.util.UUID;
import reactor.core.publisher.Mono;

/**
 * Creates the first admin from configuration, so a fresh installation can be logged into. Does
 * nothing once any admin exists: the configured password is for the first start only.
 */
public final class BootstrappingAdmin {

    private final AgentAccounts accounts;
    private final PasswordHasher hasher;

    public BootstrappingAdmin(AgentAccounts accounts, PasswordHasher hasher) {
        this.accounts = accounts;
        this.hasher = hasher;
    }

    /**
     * @return the new admin's id; empty if none was configured, an admin exists or the email is taken
     * @throws IllegalArgumentException if the configured password breaks the password policy
     */
    public Mono<UUID> bootstrap(String email, String name, String password) {
        if (email.isBlank() || password.isEmpty()) {
            return Mono.empty();
        }
        PasswordPolicy.check(password).ifPresent(weak -> {
            throw new IllegalArgumentException("parley.identity.bootstrap-admin.password: " + weak.message());
        });
        return hasher.hash(password).flatMap(hash -> accounts.createFirstAdmin(email.trim(), name, hash));
    }
}
