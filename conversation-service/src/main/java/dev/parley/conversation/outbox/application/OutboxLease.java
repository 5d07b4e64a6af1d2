package dev.parley.conversation.outbox.application;

import dev.parley.conversation.outbox.domain.PendingEvent;
import java.time.Duration;
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

    /** Marks events published. Call only once the bus has confirmed every one of them. */
    Mono<Void> markPublished(List<Long> ids);

    /** Deletes published events older than {@code retention}, never unpublished ones; emits how many. */
    Mono<Long> prunePublishedOlderThan(Duration retention);

    /** Gives the lease up, so another relay may take it at once. Idempotent; never fails. */
    Mono<Void> release();
}
