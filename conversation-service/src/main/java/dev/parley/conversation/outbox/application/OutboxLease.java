package dev.parley.conversation.outbox.application;

import dev.parley.conversation.outbox.domain.PendingEvent;
import java.util.List;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * One relay's exclusive hold on the outbox, from {@link OutboxLeadership}. Reads and marks go
 * through the very database session that holds the lease, so when the lease is lost (the session
 * ended) they fail: a relay that lost its lease can no longer mark anything published.
 */
public interface OutboxLease {

    /**
     * Emits (payload ignored) whenever events may have been committed since; completes or fails
     * when the lease is lost. Notifications sent before subscribing are not replayed.
     */
    Flux<String> notifications();

    /** At most {@code limit} of the oldest unpublished events, in id order. */
    Mono<List<PendingEvent>> oldestUnpublished(int limit);

    /**
     * Removes published events from the outbox (their bytes stay in the event log). Call only
     * once the bus has confirmed every one of them.
     */
    Mono<Void> removePublished(List<Long> ids);

    /** Moves a row that cannot be published out of the outbox, with why, so it never blocks what follows. */
    Mono<Void> quarantine(PendingEvent event, String reason);

    /** Gives the lease up, so another relay may take it at once. Idempotent; never fails. */
    Mono<Void> release();
}
