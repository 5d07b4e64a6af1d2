package dev.parley.conversation.identity.domain;

import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/** A customer of an inbox: anonymous, or a host site's user once proven ({@code externalId}). */
public record KnownCustomer(UUID id, Optional<String> externalId) {

    public KnownCustomer {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(externalId, "externalId");
    }

    public boolean isAnonymous() {
        return externalId.isEmpty();
    }
}
