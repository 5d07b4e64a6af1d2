package dev.parley.events.bus;

import reactor.core.publisher.Mono;

/** Handles one event as it travels; it is acknowledged when the returned {@code Mono} completes. */
@FunctionalInterface
public interface RawEventHandler {

    Mono<Void> handle(ReceivedEvent event);
}
