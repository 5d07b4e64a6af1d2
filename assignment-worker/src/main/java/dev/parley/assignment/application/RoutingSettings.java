package dev.parley.assignment.application;

import dev.parley.assignment.domain.DepartmentRouting;
import dev.parley.assignment.domain.Router;
import dev.parley.assignment.domain.Strategy;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

/**
 * How the worker routes when the conversation service gives no routing for a department (each
 * department's strategy is data there, {@link DepartmentRouting}), and how much of a queue one round reads.
 *
 * @param defaultStrategy       for departments without their own
 * @param strategies            per department id, where the service gives none
 * @param skillsFallbackAfter   how long a conversation waits for its own department under SKILLS
 * @param queuePage             conversations read per round; a full page is followed by another round
 * @param queueAnnounceInterval shortest time between two queue-position announcements of one department
 */
public record RoutingSettings(Strategy defaultStrategy, Map<UUID, Strategy> strategies, Duration skillsFallbackAfter,
                              int queuePage, Duration queueAnnounceInterval) {

    /** Two seconds keeps a waiting customer's place current without resending a busy line on every drain. */
    public static final Duration DEFAULT_ANNOUNCE_INTERVAL = Duration.ofSeconds(2);

    public RoutingSettings(Strategy defaultStrategy, Map<UUID, Strategy> strategies, Duration skillsFallbackAfter,
                           int queuePage) {
        this(defaultStrategy, strategies, skillsFallbackAfter, queuePage, DEFAULT_ANNOUNCE_INTERVAL);
    }

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

    /** The department's own routing, or these settings' when it has none. */
    public DepartmentRouting routingOf(UUID departmentId, java.util.Optional<DepartmentRouting> own) {
        DepartmentRouting routing = own.orElseGet(() -> new DepartmentRouting(strategyOf(departmentId), null));
        return routing.skillsFallbackAfter() != null ? routing
                : new DepartmentRouting(routing.strategy(), skillsFallbackAfter);
    }
}
