package dev.parley.conversation.directory.application;

import dev.parley.conversation.identity.domain.Caller;
import java.util.UUID;
import reactor.core.publisher.Mono;

/**
 * The open conversations an agent owns, as deactivating them needs: the lifecycle puts each back at
 * the head of its department's queue (one transaction per conversation, as any requeue). A
 * conversation that moved on meanwhile is skipped; a failure leaves the rest for the caller to retry.
 */
public interface OwnedConversations {

    /** @return how many conversations were requeued */
    Mono<Long> requeueAllOf(Caller admin, UUID agentId);
}
