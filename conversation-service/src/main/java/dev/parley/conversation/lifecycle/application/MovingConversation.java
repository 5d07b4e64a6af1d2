package dev.parley.conversation.lifecycle.application;

import dev.parley.conversation.directory.application.DirectoryStore;
import dev.parley.conversation.directory.domain.Agent;
import dev.parley.conversation.identity.domain.Caller;
import dev.parley.conversation.lifecycle.domain.Conversation;
import dev.parley.conversation.lifecycle.domain.ConversationStatus;
import dev.parley.conversation.lifecycle.domain.Lifecycle;
import dev.parley.conversation.lifecycle.domain.LifecycleAction;
import dev.parley.conversation.lifecycle.domain.LifecycleCommand;
import dev.parley.conversation.lifecycle.domain.Participant;
import dev.parley.conversation.lifecycle.domain.SystemMessages;
import dev.parley.conversation.lifecycle.domain.Transition;
import dev.parley.conversation.lifecycle.application.EventRecorder.Happening;
import dev.parley.conversation.shared.domain.Outcome;
import dev.parley.conversation.shared.domain.Rejection;
import dev.parley.conversation.shared.domain.UuidV7;
import dev.parley.events.EventData;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import reactor.core.publisher.Mono;

/**
 * Applies one lifecycle command to a conversation whose row lock the caller holds: asks the state
 * machine, moves agent seats (the new owner's seat first: it is the only check that writes, so a
 * refusal leaves nothing behind), updates participants, and says what happened. Recording the
 * events and saving the conversation is the caller's, so a message can join the same seqs.
 */
public final class MovingConversation {

    public static final String AGENT_UNAVAILABLE = "agent.unavailable";
    public static final String AGENT_NOT_FOUND = "agent.not_found";
    public static final String DEPARTMENT_NOT_FOUND = "department.not_found";

    private final Lifecycle lifecycle;
    private final ConversationStore conversations;
    private final ParticipantStore participants;
    private final DirectoryStore directory;
    private final Clock clock;

    public MovingConversation(Lifecycle lifecycle, ConversationStore conversations, ParticipantStore participants,
                              DirectoryStore directory, Clock clock) {
        this.lifecycle = lifecycle;
        this.conversations = conversations;
        this.participants = participants;
        this.directory = directory;
        this.clock = clock;
    }

    /** The conversation after the move and what to record; no happenings when nothing changed. */
    public record Moved(Conversation conversation, List<Happening> happenings, Instant resolvedAt, Instant closedAt) {

        public boolean changed() {
            return !happenings.isEmpty();
        }
    }

    public Mono<Outcome<Moved>> move(Caller caller, Conversation conversation, LifecycleCommand command) {
        Transition transition = lifecycle.decide(conversation.status(), command.action());
        if (transition instanceof Transition.Illegal illegal) {
            return Mono.just(Outcome.rejected(illegal.code(), illegal.reason()));
        }
        if (transition instanceof Transition.Stay) {
            return Mono.just(Outcome.accepted(new Moved(conversation, List.of(), null, null)));
        }
        ConversationStatus to = ((Transition.Move) transition).to();
        UUID newOwner = ownerAfter(caller, conversation, command, to);
        if (to == conversation.status() && Objects.equals(newOwner, conversation.ownerId())
                && !(command instanceof LifecycleCommand.TransferToDepartment)) {
            return Mono.just(Outcome.accepted(new Moved(conversation, List.of(), null, null)));
        }
        return departmentAfter(conversation, command).flatMap(department -> department.isEmpty()
                ? Mono.just(Outcome.<Moved>rejected(DEPARTMENT_NOT_FOUND, "no such department"))
                : ownerNamed(newOwner).flatMap(owner -> owner.isEmpty() && newOwner != null
                        ? Mono.just(Outcome.<Moved>rejected(AGENT_NOT_FOUND, "no such agent"))
                        : moveSeats(conversation, command, to, newOwner).flatMap(refusal -> refusal.isPresent()
                                ? Mono.just(Outcome.<Moved>rejected(refusal.get()))
                                : apply(conversation, command, to, newOwner, department.get(), owner.orElse(null)))));
    }

    private Mono<Outcome<Moved>> apply(Conversation before, LifecycleCommand command, ConversationStatus to,
                                       UUID newOwner, UUID departmentId, Agent owner) {
        Instant now = clock.instant();
        boolean toQueue = to == ConversationStatus.QUEUED;
        var after = new Conversation(before.id(), before.inboxId(), before.customerId(), departmentId, to,
                toQueue ? null : newOwner, before.lastSeq(),
                toQueue ? now : before.queuedAt(), toQueue && command.action() == LifecycleAction.REQUEUE,
                before.createdAt(), now);
        var happenings = new ArrayList<Happening>();
        if (to != before.status()) {
            happenings.add(Happening.visibleToAll(new EventData.ConversationStatusChanged(
                    before.status().name(), to.name(), command.action().name().toLowerCase())));
        }
        if (toQueue) {
            happenings.add(Happening.visibleToAll(new EventData.ConversationQueued(departmentId, now, after.queuePriority())));
        }
        boolean ownerChanged = after.ownerId() != null && !after.ownerId().equals(before.ownerId());
        if (ownerChanged) {
            happenings.add(Happening.visibleToAll(new EventData.ConversationAssigned(
                    after.ownerId(), before.status().holdsSeat() ? before.ownerId() : null, departmentId)));
        }
        Mono<Void> people = Mono.empty();
        if (before.ownerId() != null && before.status().holdsSeat() && !Objects.equals(before.ownerId(), after.ownerId())
                && to != ConversationStatus.RESOLVED && to != ConversationStatus.CLOSED) {
            UUID leaving = before.ownerId();
            people = people.then(participants.leave(before.id(), leaving, now).doOnNext(left -> {
                if (left) {
                    happenings.add(Happening.visibleToAll(new EventData.ParticipantLeft(leaving, Participant.Role.AGENT.name())));
                }
            }).then());
        }
        if (ownerChanged) {
            UUID joining = after.ownerId();
            people = people.then(participants.join(before.id(), joining, Participant.Role.AGENT, now).doOnNext(joined -> {
                if (joined) {
                    happenings.add(Happening.visibleToAll(new EventData.ParticipantJoined(joining, Participant.Role.AGENT.name())));
                }
            }).then());
        }
        String text = SystemMessages.forMove(command.action(), to, owner == null ? "An agent" : owner.name());
        return people.then(Mono.fromSupplier(() -> {
            happenings.add(Happening.visibleToAll(new EventData.MessageCreated(UuidV7.next(now), null, "SYSTEM",
                    "SYSTEM", text, null, null, now)));
            return Outcome.accepted(new Moved(after, List.copyOf(happenings),
                    to == ConversationStatus.RESOLVED ? now : null, to == ConversationStatus.CLOSED ? now : null));
        }));
    }

    /** Why the new owner's seat could not be taken, if it could not. */
    private Mono<Optional<Rejection>> moveSeats(Conversation before, LifecycleCommand command, ConversationStatus to, UUID newOwner) {
        boolean heldBefore = before.status().holdsSeat() && before.ownerId() != null;
        boolean holdsAfter = to.holdsSeat() && newOwner != null;
        boolean sameSeat = heldBefore && holdsAfter && before.ownerId().equals(newOwner);
        Mono<Boolean> take = holdsAfter && !sameSeat
                ? conversations.takeSeat(newOwner, command.action() == LifecycleAction.ASSIGN)
                : Mono.just(true);
        return take.flatMap(taken -> {
            if (!taken) {
                return Mono.just(Optional.of(Rejection.of(AGENT_UNAVAILABLE, command.action() == LifecycleAction.ASSIGN
                        ? "the agent is not online or has no free seat"
                        : "the agent has no free seat")));
            }
            Mono<Void> release = heldBefore && !sameSeat ? conversations.releaseSeat(before.ownerId()) : Mono.empty();
            return release.thenReturn(Optional.<Rejection>empty());
        });
    }

    private static UUID ownerAfter(Caller caller, Conversation conversation, LifecycleCommand command, ConversationStatus to) {
        if (command instanceof LifecycleCommand.Assign assign) {
            return assign.agentId();
        }
        if (command instanceof LifecycleCommand.TransferToAgent transfer) {
            return transfer.agentId();
        }
        if ((command instanceof LifecycleCommand.Accept || command instanceof LifecycleCommand.Reopen)
                && caller instanceof Caller.Agent agent) {
            return agent.agentId();
        }
        return to == ConversationStatus.QUEUED ? null : conversation.ownerId();
    }

    private Mono<Optional<UUID>> departmentAfter(Conversation conversation, LifecycleCommand command) {
        if (command instanceof LifecycleCommand.TransferToDepartment transfer) {
            return directory.departmentExists(transfer.departmentId())
                    .map(exists -> exists ? Optional.of(transfer.departmentId()) : Optional.<UUID>empty());
        }
        return Mono.just(Optional.of(conversation.departmentId()));
    }

    private Mono<Optional<Agent>> ownerNamed(UUID agentId) {
        if (agentId == null) {
            return Mono.just(Optional.empty());
        }
        return directory.agent(agentId).map(Optional::of).defaultIfEmpty(Optional.empty());
    }
}
