package dev.parley.events;

import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * Who may receive an event: explicit users plus named audiences (for example every online agent of
 * a department, see {@link #department(UUID)}). {@link Visibility#AGENTS_ONLY} is a hard limit that
 * every delivery point enforces on its own, whatever the user list says: private notes carry it and
 * must never reach a customer socket.
 */
public record Audience(Set<UUID> users, Set<String> named, Visibility visibility) {

    public enum Visibility { EVERYONE, AGENTS_ONLY }

    /** Named audience: every agent (the console's "all open" view). */
    public static final String ALL_AGENTS = "agents";

    public Audience {
        users = Set.copyOf(Objects.requireNonNull(users, "users"));
        named = Set.copyOf(Objects.requireNonNull(named, "named"));
        Objects.requireNonNull(visibility, "visibility");
    }

    public static Audience users(Set<UUID> users) {
        return new Audience(users, Set.of(), Visibility.EVERYONE);
    }

    public static Audience agentsOnly(Set<UUID> users) {
        return new Audience(users, Set.of(), Visibility.AGENTS_ONLY);
    }

    /** Named audience: the agents of one department (queue updates). */
    public static String department(UUID departmentId) {
        return "department:" + departmentId;
    }

    public Audience withNamed(String name) {
        var all = new LinkedHashSet<>(named);
        all.add(name);
        return new Audience(users, all, visibility);
    }

    public boolean agentsOnly() {
        return visibility == Visibility.AGENTS_ONLY;
    }
}
