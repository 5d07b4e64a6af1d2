package dev.parley.conversation.directory.domain;

import dev.parley.conversation.shared.domain.Rejection;
import java.util.Locale;
import java.util.Optional;

/**
 * A department as an admin sets it: a name, a routing strategy (LEAST_BUSY when not given) and,
 * for SKILLS, how long a conversation waits for the department before anyone may take it (null:
 * the worker's default).
 */
public record DepartmentSettings(String name, String strategy, Integer skillsFallbackSeconds) {

    public static final String INVALID = "department.invalid";
    /** A day: longer than any customer waits in a chat. */
    static final int MAX_FALLBACK_SECONDS = 86_400;

    public DepartmentSettings {
        name = name == null ? null : name.strip();
    }

    public Optional<Rejection> problem() {
        if (name == null || name.isEmpty() || name.length() > 100) {
            return Optional.of(Rejection.invalid("department.invalid_name", "name", "a name of 1 to 100 characters"));
        }
        if (parsedStrategy().isEmpty()) {
            return Optional.of(Rejection.invalid(INVALID, "strategy", "strategy is LEAST_BUSY, ROUND_ROBIN or SKILLS"));
        }
        if (skillsFallbackSeconds != null && (skillsFallbackSeconds < 0 || skillsFallbackSeconds > MAX_FALLBACK_SECONDS)) {
            return Optional.of(Rejection.invalid(INVALID, "skillsFallbackSeconds", "0 to " + MAX_FALLBACK_SECONDS + " seconds"));
        }
        return Optional.empty();
    }

    /** The strategy; valid once {@link #problem()} is empty. */
    public RoutingStrategy routing() {
        return parsedStrategy().orElseThrow();
    }

    private Optional<RoutingStrategy> parsedStrategy() {
        if (strategy == null || strategy.isBlank()) {
            return Optional.of(RoutingStrategy.LEAST_BUSY);
        }
        try {
            return Optional.of(RoutingStrategy.valueOf(strategy.strip().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
