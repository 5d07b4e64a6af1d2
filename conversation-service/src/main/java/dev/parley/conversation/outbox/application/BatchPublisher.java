package dev.parley.conversation.outbox.application;

import dev.parley.conversation.outbox.domain.PendingEvent;
import dev.parley.conversation.outbox.domain.TopicRun;
import dev.parley.events.EventEnvelope;
import dev.parley.events.bus.EventBus;
import dev.parley.events.json.EventCodec;
import dev.parley.events.json.MalformedEventException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * One round of the relay: read the oldest unpublished events, publish them in id order, mark
 * what the bus confirmed. Nothing is marked before the bus confirmed it.
 */
final class BatchPublisher {

    private final EventBus bus;
    private final EventCodec codec;
    private final RelayObserver observer;

    BatchPublisher(EventBus bus, EventCodec codec, RelayObserver observer) {
        this.bus = bus;
        this.codec = codec;
        this.observer = observer;
    }

    /**
     * Publishes up to {@code limit} of the oldest unpublished events and emits how many it read.
     * Fails with {@link BusRefusedException} when the bus did not confirm a run; runs confirmed
     * before it stay marked.
     */
    Mono<Integer> publishNext(OutboxLease lease, int limit) {
        return lease.oldestUnpublished(limit).flatMap(batch -> Flux.fromIterable(TopicRun.runsOf(batch))
                .concatMap(run -> publish(run).then(Mono.defer(() -> lease.markPublished(run.ids())))
                        .doOnSuccess(ignored -> observer.published(run.events().size())))
                .then(Mono.just(batch.size())));
    }

    private Mono<Void> publish(TopicRun run) {
        return Mono.fromCallable(() -> run.events().stream().map(this::decode).toList())
                .flatMap(events -> bus.publishAll(run.topic(), events)
                        .doOnError(observer::publishFailed)
                        .onErrorMap(BusRefusedException::new));
    }

    /**
     * The bus port takes envelopes, so the stored bytes are decoded and the bus encodes them again
     * with the same codec. Unknown types written by a newer version survive as
     * {@code EventData.Unknown}. A row that does not decode at all was not written by
     * {@link Outbox}; the relay stops on it rather than skip it, because skipping is a gap.
     */
    private EventEnvelope decode(PendingEvent event) {
        try {
            return codec.decode(event.payload());
        } catch (MalformedEventException e) {
            throw new IllegalStateException(
                    "outbox row " + event.id() + " does not decode; the relay will not skip it", e);
        }
    }
}
