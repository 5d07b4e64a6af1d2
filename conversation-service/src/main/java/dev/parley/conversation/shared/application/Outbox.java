package dev.parley.conversation.shared.application;

import dev.parley.events.EventEnvelope;
import java.util.List;
import reactor.core.publisher.Mono;

/**
 * Where state changes leave their events for the relay. Must be called inside the transaction that
 * changes the state: the events are published if and only if that transaction commits.
 */
public interface Outbox {

    Mono<Void> append(String topic, List<EventEnvelope> events);
}
