package dev.parley.conversation.lifecycle.application;

import dev.parley.conversation.lifecycle.domain.ConversationSnapshot;
import java.util.UUID;
import reactor.core.publisher.Mono;

/**
 * Conversations as the unlocked paths (a plain message, a read receipt) decide on them, kept in
 * memory so those paths read nothing before they write. A snapshot may be stale, because another
 * instance or a locked path wrote since: every write decided on one is guarded by its version
 * ({@link ConversationSnapshot}), and a writer whose guard failed {@link #forget}s it and decides
 * again on fresh state. So a stale snapshot costs a retry, never a wrong write.
 */
public interface ConversationSnapshots {

    /** The conversation as last seen by this instance, or read now; empty when there is none. */
    Mono<ConversationSnapshot> get(UUID conversationId);

    /** This instance wrote {@code snapshot}'s state: later decisions start from it. */
    void saved(ConversationSnapshot snapshot);

    /** The snapshot of this conversation is stale (or may be): the next get reads it again. */
    void forget(UUID conversationId);
}
