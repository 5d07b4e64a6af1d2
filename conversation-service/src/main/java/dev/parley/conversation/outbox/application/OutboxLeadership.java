package dev.parley.conversation.outbox.application;

import reactor.core.publisher.Mono;

/** Decides which relay publishes: at most one {@link OutboxLease} exists at a time, across every instance. */
public interface OutboxLeadership {

    /**
     * The lease, if no other relay holds it now; empty otherwise. Fails when the database cannot be
     * reached. Never waits for the current holder.
     */
    Mono<OutboxLease> tryAcquire();
}
