package dev.parley.conversation.lifecycle.application;

import dev.parley.conversation.directory.application.DirectoryStore;
import dev.parley.conversation.identity.domain.Caller;
import dev.parley.conversation.lifecycle.domain.Conversation;
import dev.parley.conversation.lifecycle.domain.ConversationSnapshot;
import dev.parley.conversation.shared.domain.Rejection;
import java.util.Optional;
import reactor.core.publisher.Mono;

/**
 * Who may see and act on a conversation. A customer: only their own, in their inbox; to anyone
 * else such a conversation does not exist (404, never 403, so ids reveal nothing). An agent: the
 * conversations of their departments and those they take part in (the department policy). An
 * admin and a Parley service: all of them. Checked by every use case, on every command.
 */
public final class AccessPolicy {

    public static final String NOT_FOUND = "conversation.not_found";
    public static final String FORBIDDEN = "conversation.forbidden";

    private final DirectoryStore directory;
    private final ParticipantStore participants;

    public AccessPolicy(DirectoryStore directory, ParticipantStore participants) {
        this.directory = directory;
        this.participants = participants;
    }

    public static Rejection notFound() {
        return Rejection.of(NOT_FOUND, "no such conversation");
    }

    /** Whether the caller is the customer of this conversation, in its inbox. */
    public boolean ownConversation(Caller caller, Conversation conversation) {
        return caller instanceof Caller.Customer customer && customer.customerId().equals(conversation.customerId())
                && customer.inboxId().equals(conversation.inboxId());
    }

    /** As {@link #check}, on a snapshot: its participants are known, so only a department's agent costs a look-up. */
    public Mono<Optional<Rejection>> check(Caller caller, ConversationSnapshot snapshot) {
        if (caller instanceof Caller.Agent agent && !agent.isAdmin() && snapshot.isActiveParticipant(agent.agentId())) {
            return Mono.just(Optional.empty());
        }
        return check(caller, snapshot.conversation());
    }

    /** Empty when the caller may see and take part in the conversation, else why not. */
    public Mono<Optional<Rejection>> check(Caller caller, Conversation conversation) {
        if (caller instanceof Caller.Customer) {
            return Mono.just(ownConversation(caller, conversation) ? Optional.empty() : Optional.of(notFound()));
        }
        if (caller instanceof Caller.Agent agent) {
            if (agent.isAdmin()) {
                return Mono.just(Optional.empty());
            }
            return directory.isInDepartment(agent.agentId(), conversation.departmentId())
                    .flatMap(member -> member ? Mono.just(true) : isParticipant(conversation, agent))
                    .map(allowed -> allowed ? Optional.<Rejection>empty()
                            : Optional.of(Rejection.of(FORBIDDEN, "this conversation belongs to another department")));
        }
        return Mono.just(Optional.empty());
    }

    private Mono<Boolean> isParticipant(Conversation conversation, Caller.Agent agent) {
        return participants.all(conversation.id())
                .any(participant -> participant.isActive() && participant.userId().equals(agent.agentId()));
    }
}
