package dev.parley.conversation.lifecycle.application;

import dev.parley.conversation.directory.application.OwnedConversations;
import dev.parley.conversation.identity.domain.Caller;
import dev.parley.conversation.lifecycle.domain.LifecycleCommand;
import dev.parley.conversation.shared.domain.Outcome;
import java.util.UUID;
import reactor.core.publisher.Mono;

/**
 * Requeues every open conversation an agent owns, each as its own lifecycle move (lock, check,
 * record): a conversation that moved on since it was listed is left as it is.
 */
public final class RequeueingOwnedConversations implements OwnedConversations {

    private final ConversationStore conversations;
    private final ChangingLifecycle lifecycle;

    public RequeueingOwnedConversations(ConversationStore conversations, ChangingLifecycle lifecycle) {
        this.conversations = conversations;
        this.lifecycle = lifecycle;
    }

    @Override
    public Mono<Long> requeueAllOf(Caller admin, UUID agentId) {
        return conversations.openOwnedBy(agentId)
                .concatMap(id -> lifecycle.apply(admin, id, new LifecycleCommand.Requeue()))
                .filter(outcome -> outcome instanceof Outcome.Accepted)
                .count();
    }
}
