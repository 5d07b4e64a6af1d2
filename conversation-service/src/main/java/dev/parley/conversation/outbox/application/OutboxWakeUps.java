package dev.parley.conversation.outbox.application;

import reactor.core.publisher.Flux;

/**
 * Tells the relay that events were committed, so it publishes them at once instead of at its next
 * poll. A hint, never a guarantee: a lost wake-up costs at most one poll interval
 * ({@code parley.outbox.poll-interval}), a spurious one an empty read.
 *
 * <p>A writer calls {@link #committed()} after its transaction committed. When this instance's
 * relay leads, that wakes it in-process; otherwise the leader, on another instance, is told through
 * the database ({@code NOTIFY} outside the writer's transaction, so appends never take the lock a
 * notifying commit holds; a burst of commits sends one).
 */
public interface OutboxWakeUps {

    /** Events were committed. Never blocks, never fails. */
    void committed();

    /** Wake-ups from writers of this instance while its relay leads. */
    Flux<Object> local();

    /** Whether this instance's relay leads, so wake-ups stay in-process. */
    void leading(boolean leading);
}
