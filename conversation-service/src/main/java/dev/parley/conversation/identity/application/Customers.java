package dev.parley.conversation.identity.application;

import dev.parley.conversation.identity.domain.CustomerProfile;
import dev.parley.conversation.identity.domain.KnownCustomer;
import java.util.Optional;
import java.util.UUID;
import reactor.core.publisher.Mono;

/** The customers of inboxes, as widget sessions find and create them. */
public interface Customers {

    /** The customer if it exists and belongs to that inbox; empty otherwise. */
    Mono<KnownCustomer> findInInbox(UUID customerId, UUID inboxId);

    /** A new anonymous customer of the inbox. */
    Mono<UUID> createAnonymous(UUID inboxId, CustomerProfile profile);

    /**
     * The customer that is the host site's user {@code externalId} in this inbox, created on first
     * use. If {@code anonymous} names an anonymous customer of the inbox and no customer is that
     * user yet, that customer becomes the user, so a visitor who logs in on the host site keeps the
     * conversations they had. Whatever the concurrency (two devices at once), one user is one
     * customer.
     */
    Mono<UUID> identify(UUID inboxId, String externalId, CustomerProfile profile, Optional<UUID> anonymous);

    /** Records a visit; updates name and email where the profile has them, and merges its attributes. */
    Mono<Void> touch(UUID customerId, CustomerProfile profile);
}
