package dev.parley.events;

import java.util.Objects;
import java.util.UUID;

/** Who caused an event. {@code id} is {@code null} only for {@link Kind#SYSTEM}. */
public record Actor(Kind kind, UUID id) {

    public enum Kind { CUSTOMER, AGENT, BOT, SYSTEM }

    private static final Actor SYSTEM = new Actor(Kind.SYSTEM, null);

    public Actor {
        Objects.requireNonNull(kind, "kind");
        if ((kind == Kind.SYSTEM) != (id == null)) {
            throw new IllegalArgumentException("a " + kind + " actor " + (id == null ? "needs" : "has no") + " id");
        }
    }

    public static Actor customer(UUID id) {
        return new Actor(Kind.CUSTOMER, id);
    }

    public static Actor agent(UUID id) {
        return new Actor(Kind.AGENT, id);
    }

    public static Actor bot(UUID id) {
        return new Actor(Kind.BOT, id);
    }

    public static Actor system() {
        return SYSTEM;
    }
}
