package dev.parley.events.bus;

import dev.parley.events.EncodedEvent;
import dev.parley.events.EventEnvelope;
import java.util.List;
import reactor.core.publisher.Mono;

/**
 * Carries events between services. Every implementation passes the same contract suite
 * ({@code EventBusContract}) and gives exactly these guarantees:
 *
 * <ul>
 *   <li><b>Key order.</b> Events with the same {@link EventEnvelope#key()} that were published one
 *       after another (the next publish subscribed after the previous one completed, or in one
 *       {@link #publishAll} call) are handled by a group in that order. Different keys are not
 *       ordered relative to each other.</li>
 *   <li><b>Durable publish.</b> {@code publish} completes only once the bus has accepted the event
 *       durably (Kafka: acknowledged by all in-sync replicas). An error promises nothing either way:
 *       the caller retries, and the retry may duplicate.</li>
 *   <li><b>At least once.</b> An event is acknowledged only after its handler's {@code Mono}
 *       completes. One that is not acknowledged when its consumer stops or loses its partition is
 *       handled again by a member of the same group, so handlers must be idempotent (dedupe on
 *       {@code eventId}, or on {@code seq} per conversation).</li>
 *   <li><b>Groups.</b> Within a group each partition has one member at a time, so in steady state
 *       each event is handled once per group; every group sees every event.</li>
 *   <li><b>Poison never blocks.</b> A record that cannot be decoded, or whose handler still fails
 *       after {@link DeliverySettings#maxHandlerAttempts()} attempts, is copied to the topic's
 *       dead-letter topic ({@code Topics.deadLetterOf}), counted in
 *       {@code parley.events.dead.lettered}, acknowledged and skipped.</li>
 * </ul>
 */
public interface EventBus extends AutoCloseable {

    /** Publishes one event, keyed by {@link EventEnvelope#key()}. */
    Mono<Void> publish(String topic, EventEnvelope event);

    /** Publishes events in list order; completes when all are accepted, fails if any is not. */
    Mono<Void> publishAll(String topic, List<EventEnvelope> events);

    /**
     * Publishes events already encoded, in list order, byte for byte: what a subscriber receives is
     * exactly {@link EncodedEvent#bytes()}. The same guarantees as {@link #publishAll}.
     */
    Mono<Void> publishEncoded(String topic, List<EncodedEvent> events);

    /**
     * Joins {@code group} on {@code topic} and hands each event to {@code handler}, one at a time per
     * partition. Consumption starts in the background; the subscription reports its partitions.
     * A group that has never committed starts from the oldest retained event.
     */
    EventSubscription subscribe(String topic, String group, EventHandler handler);

    /**
     * Like {@link #subscribe}, but hands each event over as it travels: its header read, its bytes
     * untouched, its payload never decoded. A record whose header does not decode is poison (the
     * same dead-letter path); one whose payload alone is broken reaches the handler.
     */
    EventSubscription subscribeRaw(String topic, String group, RawEventHandler handler);

    /** Stops every subscription of this bus; unacknowledged events go to the remaining members. */
    @Override
    void close();
}
