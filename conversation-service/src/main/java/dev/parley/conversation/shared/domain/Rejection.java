package dev.parley.conversation.shared.domain;

import java.util.Map;
import java.util.Objects;

/**
 * Why a command was refused: a stable {@code code} clients can branch on (documented in the
 * OpenAPI description), a human {@code message}, and for validation the offending {@code field}s.
 * An expected business outcome, not an exception.
 */
public record Rejection(String code, String message, Map<String, String> fields) {

    public Rejection {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
        fields = Map.copyOf(fields);
    }

    public static Rejection of(String code, String message) {
        return new Rejection(code, message, Map.of());
    }

    /** A validation failure of one field. */
    public static Rejection invalid(String code, String field, String message) {
        return new Rejection(code, message, Map.of(field, message));
    }
}
