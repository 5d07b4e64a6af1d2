package dev.parley.conversation.identity.domain;

import java.time.Duration;
import java.util.Objects;

/**
 * How long a token lives, by who holds it.
 *
 * @param customer a visitor's token, kept by the widget across visits
 * @param agent    an agent's or admin's access token, renewed with a refresh token
 * @param service  a service token of the gateway or worker, renewed with its client secret
 */
public record TokenLifetimes(Duration customer, Duration agent, Duration service) {

    public TokenLifetimes {
        Objects.requireNonNull(customer, "customer");
        Objects.requireNonNull(agent, "agent");
        Objects.requireNonNull(service, "service");
    }

    public Duration of(Caller caller) {
        if (caller instanceof Caller.Customer) {
            return customer;
        }
        return caller instanceof Caller.Agent ? agent : service;
    }

    public Duration longest() {
        return max(customer, max(agent, service));
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
