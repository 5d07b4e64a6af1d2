package dev.parley.conversation.identity.domain;

import java.util.Objects;
import java.util.Optional;

/** What a visitor (or the host site, for its user) says about them; absent parts leave what is stored unchanged. */
public record CustomerProfile(Optional<String> name, Optional<String> email, CustomerAttributes attributes) {

    public CustomerProfile {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(attributes, "attributes");
    }

    public CustomerProfile(Optional<String> name, Optional<String> email) {
        this(name, email, CustomerAttributes.none());
    }

    public static CustomerProfile empty() {
        return new CustomerProfile(Optional.empty(), Optional.empty());
    }
}
