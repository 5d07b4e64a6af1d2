package dev.parley.conversation.directory.domain;

import dev.parley.conversation.shared.domain.Rejection;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** What an admin sets of an agent besides their email: name, role, capacity and departments. */
public record AgentSettings(String name, String role, Integer maxConcurrent, Set<UUID> departmentIds) {

    public static final String INVALID = "agent.invalid";
    /** Seats of a new agent when none are given. */
    public static final int DEFAULT_MAX_CONCURRENT = 3;
    static final int MAX_SEATS = 100;

    public AgentSettings {
        name = name == null ? null : name.strip();
        departmentIds = departmentIds == null ? Set.of() : Set.copyOf(departmentIds);
    }

    public Optional<Rejection> problem() {
        if (name == null || name.isEmpty() || name.length() > 100) {
            return Optional.of(Rejection.invalid(INVALID, "name", "a name of 1 to 100 characters"));
        }
        if (!"AGENT".equals(chosenRole()) && !"ADMIN".equals(chosenRole())) {
            return Optional.of(Rejection.invalid(INVALID, "role", "role is AGENT or ADMIN"));
        }
        if (seats() < 0 || seats() > MAX_SEATS) {
            return Optional.of(Rejection.invalid(INVALID, "maxConcurrent", "0 to " + MAX_SEATS));
        }
        return Optional.empty();
    }

    public String chosenRole() {
        return role == null ? "AGENT" : role.strip().toUpperCase(Locale.ROOT);
    }

    public int seats() {
        return maxConcurrent == null ? DEFAULT_MAX_CONCURRENT : maxConcurrent;
    }
}
