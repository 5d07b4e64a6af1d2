package dev.parley.conversation.outbox.application;

import dev.parley.conversation.outbox.domain.PendingEvent;
import dev.parley.conversation.outbox.domain.TopicRun;
import dev.parley.events.EncodedEvent;
import dev.parley.events.bus.EventBus;
import dev.parley.events.json.EventCodec;
import dev.parley.events.json.MalformedEventException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * One round of the relay: read the oldest unpublished events, publish their bytes as stored in id
 * order, remove what the bus confirmed. Nothing is removed before the bus confirmed it. Each row's
 * header is checked (not its payload: that is the consumers' to decode), so a row that is not an
 * event is quarantined with a metric instead of reaching the topic or stopping the relay.
 */
final class BatchPublisher {

    private static final Logger log = LoggerFactory.getLogger(BatchPublisher.class);

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
     * before it are removed.
     */
    Mono<Integer> publishNext(OutboxLease lease, int limit) {
        return lease.oldestUnpublished(limit).flatMap(batch -> quarantineDamaged(lease, batch)
                .flatMapMany(publishable -> Flux.fromIterable(TopicRun.runsOf(publishable)))
                .concatMap(run -> publish(run).then(Mono.defer(() -> lease.removePublished(run.ids())))
                        .doOnSuccess(ignored -> observer.published(run.events().size(),
                                Duration.between(run.events().get(0).createdAt(), Instant.now()))))
                .then(Mono.just(batch.size())));
    }

    /** The rows that are events; the others are moved aside, one by one, in id order. */
    private Mono<List<PendingEvent>> quarantineDamaged(OutboxLease lease, List<PendingEvent> batch) {
        List<PendingEvent> publishable = new ArrayList<>(batch.size());
        Mono<Void> aside = Mono.empty();
        for (PendingEvent event : batch) {
            String damage = damageOf(event);
            if (damage == null) {
                publishable.add(event);
            } else {
                log.error("outbox relay: row {} is not an event ({}); moved to event_outbox_quarantine", event.id(), damage);
                aside = aside.then(lease.quarantine(event, damage)).then(Mono.fromRunnable(() -> observer.quarantined(damage)));
            }
        }
        return aside.thenReturn(publishable);
    }

    private String damageOf(PendingEvent event) {
        if (event.payload() == null) {
            return RelayObserver.NO_EVENT;
        }
        try {
            codec.header(event.payload());
            return null;
        } catch (MalformedEventException e) {
            return RelayObserver.MALFORMED;
        }
    }

    private Mono<Void> publish(TopicRun run) {
        return bus.publishEncoded(run.topic(), run.events().stream()
                        .map(event -> new EncodedEvent(event.key(), event.payload())).toList())
                .doOnError(observer::publishFailed)
                .onErrorMap(BusRefusedException::new);
    }
}
