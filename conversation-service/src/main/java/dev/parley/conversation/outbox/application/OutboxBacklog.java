package dev.parley.conversation.outbox.application;

import dev.parley.conversation.outbox.domain.Backlog;
import reactor.core.publisher.Mono;

/** Measures what waits in the outbox. Needs no lease: every instance may ask. */
public interface OutboxBacklog {

    Mono<Backlog> measure();
}
