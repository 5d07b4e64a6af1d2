package dev.parley.conversation.messaging.application;

import dev.parley.conversation.identity.domain.Caller;
import dev.parley.conversation.lifecycle.application.ConversationStore;
import dev.parley.conversation.lifecycle.domain.Conversation;
import dev.parley.conversation.messaging.domain.EditPolicy;
import dev.parley.conversation.messaging.domain.Message;
import dev.parley.conversation.messaging.domain.MessageText;
import dev.parley.conversation.lifecycle.application.AccessPolicy;
import dev.parley.conversation.identity.domain.Actors;
import dev.parley.conversation.lifecycle.application.EventRecorder;
import dev.parley.conversation.lifecycle.application.EventRecorder.Happening;
import dev.parley.conversation.shared.application.Transactions;
import dev.parley.conversation.shared.domain.Outcome;
import dev.parley.events.EventData;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiFunction;
import reactor.core.publisher.Mono;

/**
 * Edits and deletes, by the author only. Each change takes a seq like any event, so clients that
 * resume see it in order; a note's changes stay agents-only like the note.
 */
public final class ChangingMessage {

    public static final String MESSAGE_NOT_FOUND = "message.not_found";

    private final Transactions transactions;
    private final ConversationStore conversations;
    private final MessageStore messages;
    private final AccessPolicy access;
    private final EventRecorder recorder;
    private final EditPolicy policy;
    private final MessageText text;
    private final Clock clock;

    public ChangingMessage(Transactions transactions, ConversationStore conversations, MessageStore messages,
                           AccessPolicy access, EventRecorder recorder, EditPolicy policy, MessageText text,
                           Clock clock) {
        this.transactions = transactions;
        this.conversations = conversations;
        this.messages = messages;
        this.access = access;
        this.recorder = recorder;
        this.policy = policy;
        this.text = text;
        this.clock = clock;
    }

    public Mono<Outcome<Message>> edit(Caller caller, UUID conversationId, UUID messageId, String body) {
        if (text.check(body) instanceof Outcome.Rejected<String> rejected) {
            return Mono.just(Outcome.rejected(rejected.rejection()));
        }
        return change(caller, conversationId, messageId, (message, now) -> policy.mayEdit(message, userOf(caller), now)
                .map(Outcome::<Message>rejected)
                .orElseGet(() -> Outcome.accepted(message.edited(body, now))));
    }

    public Mono<Outcome<Message>> delete(Caller caller, UUID conversationId, UUID messageId) {
        return change(caller, conversationId, messageId, (message, now) -> policy.mayDelete(message, userOf(caller))
                .map(Outcome::<Message>rejected)
                .orElseGet(() -> Outcome.accepted(message.deleted(now))));
    }

    private Mono<Outcome<Message>> change(Caller caller, UUID conversationId, UUID messageId,
                                          BiFunction<Message, Instant, Outcome<Message>> decide) {
        return transactions.inTransaction(() -> conversations.lock(conversationId)
                .flatMap(conversation -> access.check(caller, conversation).flatMap(denied -> denied.isPresent()
                        ? Mono.just(Outcome.<Message>rejected(denied.get()))
                        : visibleMessage(caller, conversationId, messageId).flatMap(found -> found.isEmpty()
                                ? Mono.just(Outcome.<Message>rejected(MESSAGE_NOT_FOUND, "no such message"))
                                : apply(caller, conversation, decide.apply(found.get(), clock.instant())))))
                .defaultIfEmpty(Outcome.rejected(AccessPolicy.notFound())));
    }

    private Mono<Outcome<Message>> apply(Caller caller, Conversation conversation, Outcome<Message> decided) {
        if (!(decided instanceof Outcome.Accepted<Message> accepted)) {
            return Mono.just(decided);
        }
        Message changed = accepted.value();
        boolean deleted = changed.isDeleted();
        EventData data = deleted
                ? new EventData.MessageDeleted(changed.id(), changed.deletedAt())
                : new EventData.MessageEdited(changed.id(), changed.body(), changed.editedAt());
        Mono<Void> write = deleted
                ? messages.tombstone(changed.id(), changed.deletedAt())
                : messages.edit(changed.id(), changed.body(), changed.editedAt());
        return write.then(recorder.record(conversation, Actors.of(caller),
                        List.of(new Happening(data, changed.kind().agentsOnly()))))
                .thenReturn(Outcome.accepted(changed));
    }

    /** Customers cannot see notes, so for them a note does not exist. */
    private Mono<Optional<Message>> visibleMessage(Caller caller, UUID conversationId, UUID messageId) {
        return messages.find(conversationId, messageId)
                .filter(message -> !(caller instanceof Caller.Customer) || !message.kind().agentsOnly())
                .map(Optional::of)
                .defaultIfEmpty(Optional.empty());
    }

    private static UUID userOf(Caller caller) {
        if (caller instanceof Caller.Customer customer) {
            return customer.customerId();
        }
        return caller instanceof Caller.Agent agent ? agent.agentId() : new UUID(0, 0);
    }
}
