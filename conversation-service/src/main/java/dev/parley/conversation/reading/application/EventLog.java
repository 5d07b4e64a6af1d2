package dev.parley.conversation.reading.application;

import dev.parley.events.EventEnvelope;
import java.util.List;
import java.util.UUID;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Every sequenced event of a conversation, kept for resume after its outbox row is gone; written
 * with the conversation by {@code ConversationJournal}.
 */
public interface EventLog {

    /**
     * Events with seq greater than {@code afterSeq}, in seq order, at most {@code limit}; agents-only
     * events are left out unless {@code includeAgentsOnly}.
     */
    Flux<EventEnvelope> since(UUID conversationId, long afterSeq, int limit, boolean includeAgentsOnly);
}
