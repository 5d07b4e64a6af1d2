package dev.parley.conversation.identity.application;

import dev.parley.conversation.identity.domain.Caller;
import dev.parley.conversation.identity.domain.CustomerProfile;
import dev.parley.conversation.shared.domain.Outcome;
import java.util.UUID;
import reactor.core.publisher.Mono;

/**
 * A widget's customer changes their own name, email or custom attributes after the session has
 * started (the host page calls {@code Parley('update', …)}). Only a customer token may: agents edit
 * nobody's profile through this door, and a customer only their own.
 */
public final class UpdatingCustomerProfile {

    public static final String CUSTOMERS_ONLY = "widget.customers_only";

    private final Customers customers;

    public UpdatingCustomerProfile(Customers customers) {
        this.customers = customers;
    }

    /** The customer updated, or a rejection that changed nothing. */
    public Mono<Outcome<UUID>> update(Caller caller, CustomerProfile profile) {
        if (!(caller instanceof Caller.Customer customer)) {
            return Mono.just(Outcome.rejected(CUSTOMERS_ONLY, "Only a widget's customer sets their own profile."));
        }
        return customers.touch(customer.customerId(), profile).thenReturn(Outcome.accepted(customer.customerId()));
    }
}
