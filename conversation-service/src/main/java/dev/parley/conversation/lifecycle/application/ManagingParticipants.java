package dev.parley.conversation.lifecycle.application;

import dev.parley.conversation.directory.application.DirectoryStore;
import dev.parley.conversation.identity.domain.Caller;
import dev.parley.conversation.lifecycle.domain.Conversation;
import dev.parley.conversation.lifecycle.domain.ConversationStatus;
import dev.parley.conversation.lifecycle.domain.Participant;
import dev.parley.conversation.lifecycle.application.AccessPolicy;
import dev.parley.conversation.identity.domain.Actors;
import dev.parley.conversation.lifecycle.application.EventRecorder;
import dev.parley.conversation.lifecycle.application.EventRecorder.Happening;
import dev.parley.conversation.shared.application.Transactions;
import dev.parley.conversation.shared.domain.Outcome;
import dev.parley.conversation.shared.domain.UuidV7;
import dev.parley.events.EventData;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import reactor.core.publisher.Mono;

/**
 * Agents joining a conversation besides its owner, and leaving it. The owner cannot leave while
 * they hold the conversation: they transfer it first, so it is never left without anyone.
 */
public final class ManagingParticipants {

    public static final String OWNER_CANNOT_LEAVE = "conversation.owner_cannot_leave";

    private final Transactions transactions;
    private final ConversationStore conversations;
    private final ParticipantStore participants;
    private final DirectoryStore directory;
    private final AccessPolicy access;
    private final EventRecorder recorder;
    private final Clock clock;

    public ManagingParticipants(Transactions transactions, ConversationStore conversations,
                                ParticipantStore participants, DirectoryStore directory, AccessPolicy access,
                                EventRecorder recorder, Clock clock) {
        this.transactions = transactions;
        this.conversations = conversations;
        this.participants = participants;
        this.directory = directory;
        this.access = access;
        this.recorder = recorder;
        this.clock = clock;
    }

    public Mono<Outcome<Conversation>> join(Caller caller, UUID conversationId) {
        return change(caller, conversationId, true);
    }

    public Mono<Outcome<Conversation>> leave(Caller caller, UUID conversationId) {
        return change(caller, conversationId, false);
    }

    private Mono<Outcome<Conversation>> change(Caller caller, UUID conversationId, boolean joining) {
        if (!(caller instanceof Caller.Agent agent)) {
            return Mono.just(Outcome.rejected(ChangingLifecycle.NOT_ALLOWED, "only agents join and leave"));
        }
        return transactions.inTransaction(() -> conversations.lock(conversationId)
                .flatMap(conversation -> access.check(caller, conversation).flatMap(denied -> {
                    if (denied.isPresent()) {
                        return Mono.just(Outcome.<Conversation>rejected(denied.get()));
                    }
                    if (joining && conversation.status() == ConversationStatus.CLOSED) {
                        return Mono.just(Outcome.<Conversation>rejected("conversation.closed", "the conversation is closed"));
                    }
                    if (!joining && agent.agentId().equals(conversation.ownerId()) && conversation.status().holdsSeat()) {
                        return Mono.just(Outcome.<Conversation>rejected(OWNER_CANNOT_LEAVE,
                                "transfer the conversation before leaving it"));
                    }
                    Instant now = clock.instant();
                    Mono<Boolean> changed = joining
                            ? participants.join(conversationId, agent.agentId(), Participant.Role.AGENT, now)
                            : participants.leave(conversationId, agent.agentId(), now);
                    return changed.flatMap(did -> did
                            ? record(caller, agent, conversation, joining, now)
                            : Mono.just(Outcome.accepted(conversation)));
                }))
                .defaultIfEmpty(Outcome.rejected(AccessPolicy.notFound())));
    }

    private Mono<Outcome<Conversation>> record(Caller caller, Caller.Agent agent, Conversation conversation,
                                               boolean joining, Instant now) {
        return directory.agent(agent.agentId()).flatMap(profile -> {
            EventData membership = joining
                    ? new EventData.ParticipantJoined(agent.agentId(), Participant.Role.AGENT.name())
                    : new EventData.ParticipantLeft(agent.agentId(), Participant.Role.AGENT.name());
            String text = profile.name() + (joining ? " joined the conversation." : " left the conversation.");
            var happenings = List.of(Happening.visibleToAll(membership), Happening.visibleToAll(new EventData.MessageCreated(
                    UuidV7.next(now), null, "SYSTEM", "SYSTEM", text, null, null, now)));
            return recorder.record(conversation, Actors.of(caller), happenings)
                    .map(recorded -> Outcome.accepted(conversation.withStatus(conversation.status(), now)
                            .withLastSeq(recorded.lastSeq())));
        });
    }
}
