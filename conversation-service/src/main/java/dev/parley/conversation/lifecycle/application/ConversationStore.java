package dev.parley.conversation.lifecycle.application;

import dev.parley.conversation.lifecycle.domain.Conversation;
import dev.parley.conversation.lifecycle.domain.ConversationSnapshot;
import java.time.Instant;
import java.util.UUID;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Conversations and agent seats. Methods that change rows are called inside a transaction
 * ({@code Transactions}); {@link #lock} must come first in it, so one conversation's changes, and
 * the seqs they hand out, are serialized. Lock order is conversation, then agents by id. A
 * conversation's own changes are saved with its events by {@link ConversationJournal}.
 */
public interface ConversationStore {

    Mono<Void> insert(Conversation conversation);

    /** The conversation, locked until the transaction ends; empty when there is none. */
    Mono<Conversation> lock(UUID conversationId);

    /** The conversation as committed, without a lock. */
    Mono<Conversation> find(UUID conversationId);

    /** The conversation as committed with everyone who ever took part, without a lock; empty when there is none. */
    Mono<ConversationSnapshot> snapshot(UUID conversationId);

    /**
     * Takes one of the agent's seats if below their maximum (and ONLINE when {@code mustBeOnline}); false
     * otherwise. One statement under the agent's row lock: parallel takers never exceed capacity.
     */
    Mono<Boolean> takeSeat(UUID agentId, boolean mustBeOnline);

    Mono<Void> releaseSeat(UUID agentId);

    /** Ids of the open (ACTIVE or WAITING_ON_CUSTOMER) conversations the agent owns, as committed. */
    Flux<UUID> openOwnedBy(UUID agentId);
}
