package dev.parley.assignment.application;

import dev.parley.assignment.domain.Router;
import dev.parley.assignment.domain.Strategy;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

/**
 * How the worker routes: a strategy per department, and how much of a queue one round reads.
 *
 * @param defaultStrategy       for departments without their own
 * @param strategies            per department id
 * @param skillsFallbackAfter   how long a conversation waits for its own department under SKILLS
 * @param queuePage             conversations read per round; a full page is followed by another round
 */
public record RoutingSettings(Strategy defaultStrategy, Map<UUID, Strategy> strategies, Duration skillsFallbackAfter,
                              int queuePage) {

    public RoutingSettings {
        strategies = Map.copyOf(strategies);
        if (queuePage < 1) {
            throw new IllegalArgumentException("queuePage must be at least 1");
        }
    }

    public Strategy strategyOf(UUID departmentId) {
        return strategies.getOrDefault(departmentId, defaultStrategy);
    }

    public Router routerOf(UUID departmentId) {
        return strategyOf(departmentId).router(skillsFallbackAfter);
    }
}
