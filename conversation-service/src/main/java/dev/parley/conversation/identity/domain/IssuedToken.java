package dev.parley.conversation.identity.domain;

import java.time.Instant;
import java.util.Objects;

/** A signed token as handed to its holder, and when it stops being accepted. */
public record IssuedToken(String value, Instant expiresAt) {

    public IssuedToken {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }
}
