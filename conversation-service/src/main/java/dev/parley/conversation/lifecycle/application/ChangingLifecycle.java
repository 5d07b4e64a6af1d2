package dev.parley.conversation.lifecycle.application;

import dev.parley.conversation.identity.domain.Caller;
import dev.parley.conversation.lifecycle.domain.Conversation;
import dev.parley.conversation.lifecycle.domain.LifecycleCommand;
import dev.parley.conversation.reports.application.SupportMeters;
import dev.parley.conversation.lifecycle.application.AccessPolicy;
import dev.parley.conversation.identity.domain.Actors;
import dev.parley.conversation.lifecycle.application.EventRecorder;
import dev.parley.conversation.shared.application.Transactions;
import dev.parley.conversation.shared.domain.Outcome;
import dev.parley.conversation.shared.domain.Rejection;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import reactor.core.publisher.Mono;

/**
 * Every lifecycle operation (talk to agent, assign, accept, transfer, requeue, wait, resolve,
 * close, reopen) in one transaction: lock, authorize, move, record, save. Repeating an operation
 * that is already done changes nothing and records nothing.
 */
public final class ChangingLifecycle {

    public static final String NOT_ALLOWED = "conversation.action_not_allowed";

    private final Transactions transactions;
    private final ConversationStore conversations;
    private final AccessPolicy access;
    private final MovingConversation moving;
    private final EventRecorder recorder;
    private final SupportMeters meters;

    public ChangingLifecycle(Transactions transactions, ConversationStore conversations, AccessPolicy access,
                             MovingConversation moving, EventRecorder recorder, SupportMeters meters) {
        this.transactions = transactions;
        this.conversations = conversations;
        this.access = access;
        this.moving = moving;
        this.recorder = recorder;
        this.meters = meters;
    }

    public Mono<Outcome<Conversation>> apply(Caller caller, UUID conversationId, LifecycleCommand command) {
        return transactions.inTransaction(() -> conversations.lock(conversationId)
                .flatMap(conversation -> access.check(caller, conversation)
                        .map(refusal -> refusal.or(() -> mayIssue(caller, conversation, command)))
                        .flatMap(refusal -> refusal.isPresent()
                                ? Mono.just(Outcome.<Conversation>rejected(refusal.get()))
                                : moveAndRecord(caller, conversation, command)))
                .defaultIfEmpty(Outcome.rejected(AccessPolicy.notFound())));
    }

    private Mono<Outcome<Conversation>> moveAndRecord(Caller caller, Conversation conversation, LifecycleCommand command) {
        return moving.move(caller, conversation, command).flatMap(outcome -> {
            if (!(outcome instanceof Outcome.Accepted<MovingConversation.Moved> accepted)) {
                return Mono.just(outcome.map(MovingConversation.Moved::conversation));
            }
            MovingConversation.Moved moved = accepted.value();
            if (!moved.changed()) {
                return Mono.just(Outcome.accepted(moved.conversation()));
            }
            return recorder.record(moved.conversation(), moved.resolvedAt(), moved.closedAt(), Actors.of(caller),
                            moved.happenings())
                    .map(recorded -> {
                        Conversation saved = moved.conversation().withLastSeq(recorded.lastSeq());
                        if (moved.resolvedAt() != null) {
                            meters.resolved(saved.departmentId(), saved.inboxId(),
                                    Duration.between(saved.createdAt(), moved.resolvedAt()));
                        }
                        return Outcome.accepted(saved);
                    });
        });
    }

    /** Which kind of caller may issue which command, beyond seeing the conversation at all. */
    private static Optional<Rejection> mayIssue(Caller caller, Conversation conversation, LifecycleCommand command) {
        boolean agent = caller instanceof Caller.Agent;
        boolean admin = caller instanceof Caller.Agent a && a.isAdmin();
        boolean service = caller instanceof Caller.Service;
        boolean owner = caller instanceof Caller.Agent a && a.agentId().equals(conversation.ownerId());
        boolean allowed;
        if (command instanceof LifecycleCommand.TalkToAgent) {
            allowed = caller instanceof Caller.Customer;
        } else if (command instanceof LifecycleCommand.Assign || command instanceof LifecycleCommand.Requeue) {
            allowed = service || admin;
        } else if (command instanceof LifecycleCommand.TransferToAgent
                || command instanceof LifecycleCommand.TransferToDepartment) {
            allowed = owner || admin || (agent && conversation.ownerId() == null);
        } else if (command instanceof LifecycleCommand.Resolve) {
            allowed = agent || service || caller instanceof Caller.Customer;
        } else if (command instanceof LifecycleCommand.Close) {
            // Services close too: the inactivity timers.
            allowed = agent || service;
        } else {
            allowed = agent;
        }
        return allowed ? Optional.empty()
                : Optional.of(Rejection.of(NOT_ALLOWED, "you may not " + command.action().name().toLowerCase().replace('_', ' ')
                        + " this conversation"));
    }
}
