package dev.parley.conversation.messaging.application;

import dev.parley.conversation.lifecycle.domain.Participant;
import dev.parley.events.EventEnvelope;
import reactor.core.publisher.Mono;

/**
 * Read watermarks, moved together with the event that tells the conversation, in one write.
 * Compare-and-set: the move applies only while the stored watermarks are still {@code before}'s,
 * so two receipts racing never move a watermark back, and the event always carries what was
 * stored. Durable when it completes, like every write the service acknowledges.
 */
public interface ReadReceipts {

    /**
     * Moves {@code before}'s watermarks (and times) to {@code after}'s and stores {@code event}
     * for delivery; false, writing nothing, when they are no longer {@code before}'s.
     */
    Mono<Boolean> advance(Participant before, Participant after, EventEnvelope event);
}
