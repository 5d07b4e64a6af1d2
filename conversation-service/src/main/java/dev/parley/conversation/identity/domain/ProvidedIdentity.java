package dev.parley.conversation.identity.domain;

import java.util.Objects;
import java.util.Optional;

/**
 * The person a verified id token of the identity provider stands for, as far as Parley cares: their
 * email, and whether the provider says it checked it ({@code email_verified}; absent when the
 * provider does not say).
 */
public record ProvidedIdentity(Optional<String> email, Optional<Boolean> emailVerified) {

    public ProvidedIdentity {
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(emailVerified, "emailVerified");
    }

    /**
     * The email, if it proves who this is. An email the provider marks unverified proves nothing:
     * anyone could have typed it into their account there. As for the provider's bearer tokens,
     * a provider that says nothing either way is trusted to have checked.
     */
    public Optional<String> vouchedEmail() {
        return emailVerified.orElse(true) ? email.filter(value -> !value.isBlank()) : Optional.empty();
    }
}
