package dev.parley.conversation.outbox.application;

import java.util.concurrent.atomic.AtomicBoolean;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/** Tells the relay's loops to stop taking new work; what is in flight finishes. */
final class StopSignal {

    private final AtomicBoolean requested = new AtomicBoolean();
    private final Sinks.Empty<Void> sink = Sinks.empty();

    void request() {
        if (requested.compareAndSet(false, true)) {
            sink.tryEmitEmpty();
        }
    }

    boolean requested() {
        return requested.get();
    }

    /** Completes once a stop is requested, also for subscribers that come later. */
    Mono<Void> asMono() {
        return sink.asMono();
    }
}
