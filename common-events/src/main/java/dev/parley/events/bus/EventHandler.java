package dev.parley.events.bus;

import dev.parley.events.EventEnvelope;
import reactor.core.publisher.Mono;

/** Handles one event; the event is acknowledged when the returned {@code Mono} completes. */
@FunctionalInterface
public interface EventHandler {

    Mono<Void> handle(EventEnvelope event);
}
