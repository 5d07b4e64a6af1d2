package dev.parley.conversation.lifecycle.application;

import dev.parley.conversation.lifecycle.domain.ConversationStatus;
import java.time.Instant;
import java.util.UUID;
import reactor.core.publisher.Flux;

/** Finds conversations that have been quiet too long. */
public interface IdleConversations {

    /**
     * Locks up to {@code limit} conversations in {@code status} whose last activity is before
     * {@code cutoff}, skipping rows another transaction holds: with several instances sweeping at
     * once, each conversation is handled by exactly one. Call inside a transaction.
     */
    Flux<UUID> lockIdle(ConversationStatus status, Instant cutoff, int limit);
}
