package dev.parley.conversation.outbox.application;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * What a relay does while it holds the lease: drain the outbox at the start, on every
 * wake-up (its own writers', other instances' notifications) and on every poll. Ends when a stop is requested (after the
 * round in flight) or fails when the lease is lost.
 */
final class LeadershipTerm {

    private static final Logger log = LoggerFactory.getLogger(LeadershipTerm.class);
    private static final Object WAKE_UP = new Object();

    private final OutboxLease lease;
    private final BatchPublisher publisher;
    private final RelaySettings settings;
    private final StopSignal stop;
    private final Flux<Object> localWakeUps;

    LeadershipTerm(OutboxLease lease, BatchPublisher publisher, RelaySettings settings, StopSignal stop,
                   Flux<Object> localWakeUps) {
        this.lease = lease;
        this.publisher = publisher;
        this.settings = settings;
        this.stop = stop;
        this.localWakeUps = localWakeUps;
    }

    Mono<Void> run() {
        return relay();
    }

    private Mono<Void> relay() {
        Flux<Object> notified = lease.notifications().map(ignored -> WAKE_UP)
                .concatWith(Mono.error(LeaseLostException::new));
        Flux<Object> polled = Flux.interval(settings.pollInterval()).map(ignored -> WAKE_UP);
        // merge subscribes in argument order: wake-ups before the first drain, so a row committed
        // after that drain's read always wakes the relay up.
        return Flux.merge(notified, localWakeUps.map(ignored -> WAKE_UP), polled, Mono.just(WAKE_UP))
                .takeUntilOther(stop.asMono())
                // Wake-ups during a drain collapse into one more drain after it.
                .onBackpressureLatest()
                .concatMap(ignored -> drain(), 0)
                .then();
    }

    /** Publishes batch after batch until one comes back short (the outbox is drained) or a stop is requested. */
    private Mono<Void> drain() {
        return Mono.defer(() -> publisher.publishNext(lease, settings.batchSize()))
                .repeat(() -> !stop.requested())
                .takeUntil(read -> read < settings.batchSize())
                .retryWhen(busBackoff())
                .then();
    }

    /**
     * Retries a refused batch from the oldest unpublished event, for as long as the outage lasts:
     * the events are committed and must go out. The backoff resets after a batch goes through.
     * Other errors (the lease is lost, a row does not decode) end the term instead.
     */
    private Retry busBackoff() {
        return Retry.backoff(Long.MAX_VALUE, settings.firstBackoff())
                .maxBackoff(settings.maxBackoff())
                .transientErrors(true)
                .filter(error -> error instanceof BusRefusedException && !stop.requested())
                .doBeforeRetry(signal -> log.warn("outbox relay: {}; retrying (attempt {})",
                        signal.failure().getMessage(), signal.totalRetriesInARow() + 1));
    }
}
