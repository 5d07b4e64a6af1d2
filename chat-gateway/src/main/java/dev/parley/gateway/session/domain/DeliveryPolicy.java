package dev.parley.gateway.session.domain;

import dev.parley.events.Audience;

/**
 * Whether one socket may receive one event: the last check before a write, made for every socket
 * whatever routing decided. {@link Audience.Visibility#AGENTS_ONLY} events (private notes) never
 * reach a customer, even one named in the user list; named audiences ({@code agents},
 * {@code department:<id>}) address agents only.
 */
public final class DeliveryPolicy {

    private static final String DEPARTMENT = "department:";

    private DeliveryPolicy() {
    }

    public static boolean mayReceive(Principal principal, Audience audience) {
        if (audience.agentsOnly() && !principal.isAgent()) {
            return false;
        }
        if (audience.users().contains(principal.userId())) {
            return true;
        }
        return principal.isAgent() && audience.named().stream().anyMatch(name -> addresses(name, principal));
    }

    private static boolean addresses(String name, Principal agent) {
        if (Audience.ALL_AGENTS.equals(name)) {
            return true;
        }
        return name.startsWith(DEPARTMENT)
                && agent.departments().stream().anyMatch(id -> name.equals(DEPARTMENT + id));
    }
}
