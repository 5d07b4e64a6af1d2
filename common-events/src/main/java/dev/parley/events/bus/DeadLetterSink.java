package dev.parley.events.bus;

import reactor.core.publisher.Mono;

/** Where a consumer puts records it gives up on. Completes once the copy is durable. */
@FunctionalInterface
public interface DeadLetterSink {

    Mono<Void> deadLetter(DeadLetter letter);
}
