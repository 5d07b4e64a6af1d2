package dev.parley.conversation.messaging.application;

import dev.parley.conversation.identity.domain.Caller;
import dev.parley.conversation.lifecycle.application.ChangingLifecycle;
import dev.parley.conversation.lifecycle.application.ConversationStore;
import dev.parley.conversation.lifecycle.domain.Conversation;
import dev.parley.conversation.messaging.domain.Emoji;
import dev.parley.conversation.messaging.domain.Message;
import dev.parley.conversation.lifecycle.application.AccessPolicy;
import dev.parley.conversation.identity.domain.Actors;
import dev.parley.conversation.lifecycle.application.EventRecorder;
import dev.parley.conversation.lifecycle.application.EventRecorder.Happening;
import dev.parley.conversation.shared.application.Transactions;
import dev.parley.conversation.shared.domain.Outcome;
import dev.parley.events.EventData;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import reactor.core.publisher.Mono;

/** Adds and removes reactions; repeating either changes nothing and records nothing. */
public final class Reacting {

    private final Transactions transactions;
    private final ConversationStore conversations;
    private final MessageStore messages;
    private final ReactionStore reactions;
    private final AccessPolicy access;
    private final EventRecorder recorder;
    private final Clock clock;

    public Reacting(Transactions transactions, ConversationStore conversations, MessageStore messages,
                    ReactionStore reactions, AccessPolicy access, EventRecorder recorder, Clock clock) {
        this.transactions = transactions;
        this.conversations = conversations;
        this.messages = messages;
        this.reactions = reactions;
        this.access = access;
        this.recorder = recorder;
        this.clock = clock;
    }

    /** True when something changed. */
    public Mono<Outcome<Boolean>> react(Caller caller, UUID conversationId, UUID messageId, String emoji, boolean add) {
        var invalid = Emoji.check(emoji);
        if (invalid.isPresent()) {
            return Mono.just(Outcome.rejected(invalid.get()));
        }
        if (caller instanceof Caller.Service) {
            return Mono.just(Outcome.rejected(ChangingLifecycle.NOT_ALLOWED, "services do not react"));
        }
        UUID userId = caller instanceof Caller.Customer c ? c.customerId() : ((Caller.Agent) caller).agentId();
        return transactions.inTransaction(() -> conversations.lock(conversationId)
                .flatMap(conversation -> access.check(caller, conversation).flatMap(denied -> denied.isPresent()
                        ? Mono.just(Outcome.<Boolean>rejected(denied.get()))
                        : messages.find(conversationId, messageId)
                                .filter(message -> !(caller instanceof Caller.Customer) || !message.kind().agentsOnly())
                                .filter(message -> !message.isDeleted())
                                .flatMap(message -> change(caller, conversation, message, userId, emoji, add))
                                .defaultIfEmpty(Outcome.rejected(ChangingMessage.MESSAGE_NOT_FOUND, "no such message"))))
                .defaultIfEmpty(Outcome.rejected(AccessPolicy.notFound())));
    }

    private Mono<Outcome<Boolean>> change(Caller caller, Conversation conversation, Message message, UUID userId,
                                          String emoji, boolean add) {
        Mono<Boolean> write = add ? reactions.add(message.id(), userId, emoji, clock.instant())
                : reactions.remove(message.id(), userId, emoji);
        return write.flatMap(changed -> {
            if (!changed) {
                return Mono.just(Outcome.accepted(false));
            }
            EventData data = add ? new EventData.ReactionAdded(message.id(), userId, emoji)
                    : new EventData.ReactionRemoved(message.id(), userId, emoji);
            return recorder.record(conversation, Actors.of(caller), List.of(new Happening(data, message.kind().agentsOnly())))
                    .thenReturn(Outcome.accepted(true));
        });
    }
}
