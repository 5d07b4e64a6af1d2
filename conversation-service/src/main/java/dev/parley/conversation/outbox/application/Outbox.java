package dev.parley.conversation.outbox.application;

import dev.parley.events.EventEnvelope;
import java.util.List;
import reactor.core.publisher.Mono;

/**
 * Records events for publication as part of the caller's transaction: the transactional outbox
 * (ARCHITECTURE §3 "Deliver", §6 "every committed event reaches Kafka at least once").
 *
 * <ul>
 *   <li><b>Atomic with the state change.</b> {@code append} joins the reactive transaction it is
 *       subscribed in ({@code TransactionalOperator#transactional} or {@code @Transactional}):
 *       the events are published if and only if that transaction commits, and never before.
 *       Subscribed outside a transaction it fails with {@link IllegalStateException} and stores
 *       nothing, rather than commit events on their own.</li>
 *   <li><b>Order.</b> Events are published in the order of the list, and events of one key
 *       ({@link EventEnvelope#key()}) in the order their transactions committed, <em>provided</em>
 *       transactions that append events of the same key are serialized, as the conversation row
 *       lock that hands out {@code seq} does. The outbox does not order concurrent transactions.</li>
 *   <li><b>At least once.</b> Every committed event reaches {@code topic}, possibly more than once
 *       (after a broker outage or a relay handover); consumers dedupe by {@code eventId} or
 *       {@code seq}. Gaps and reordering within a key do not happen.</li>
 * </ul>
 */
public interface Outbox {

    /**
     * Stores {@code events} for {@code topic} (for example {@code Topics#conversationEvents()})
     * within the current transaction. An empty list stores nothing.
     */
    Mono<Void> append(String topic, List<EventEnvelope> events);
}
