package dev.parley.assignment.domain;

import java.time.Duration;
import java.util.Objects;

/**
 * A department's routing as its admin set it in the conversation service: the strategy and, for
 * {@link Strategy#SKILLS}, how long a conversation waits for the department before anyone may take
 * it ({@code null}: the worker's {@code parley.assignment.skills-fallback-after}).
 */
public record DepartmentRouting(Strategy strategy, Duration skillsFallbackAfter) {

    public DepartmentRouting {
        Objects.requireNonNull(strategy, "strategy");
    }
}
