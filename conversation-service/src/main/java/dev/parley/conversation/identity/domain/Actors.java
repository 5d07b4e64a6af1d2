package dev.parley.conversation.identity.domain;

import dev.parley.events.Actor;

/** The event actor a caller stands for. */
public final class Actors {

    private Actors() {
    }

    public static Actor of(Caller caller) {
        if (caller instanceof Caller.Customer customer) {
            return Actor.customer(customer.customerId());
        }
        if (caller instanceof Caller.Agent agent) {
            return Actor.agent(agent.agentId());
        }
        return Actor.system();
    }
}
