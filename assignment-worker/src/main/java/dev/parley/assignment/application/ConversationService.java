package dev.parley.assignment.application;

import dev.parley.assignment.domain.AgentSeat;
import dev.parley.assignment.domain.DepartmentRouting;
import dev.parley.assignment.domain.WaitingConversation;
import java.util.UUID;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The conversation service as the worker sees it. It is the source of truth: {@link #assign} has
 * a single winner and never exceeds an agent's capacity, whatever any worker believed when asking.
 * Every call may fail (service down, timeout); callers retry by handling the event again or at the
 * next sweep.
 */
public interface ConversationService {

    /** Ids of every department. */
    Flux<UUID> departments();

    /**
     * The department's routing as its admin set it; empty when the department is unknown to the
     * service (then the worker's own settings apply).
     */
    Mono<DepartmentRouting> routing(UUID departmentId);

    /** Every agent with status, seats and departments, as of now. */
    Flux<AgentSeat> agents();

    /** Up to {@code limit} waiting conversations of a department in assignment order (requeued first, then oldest). */
    Flux<WaitingConversation> queue(UUID departmentId, int limit);

    /**
     * The round-robin position of a department: the owner of its most recently assigned open
     * conversation, empty when there is none. Derived by the service from the conversations, so every
     * worker reads the same position and it survives worker restarts.
     */
    Mono<UUID> lastAssignee(UUID departmentId);

    /** Asks to make {@code agentId} the owner; the service decides. */
    Mono<AssignOutcome> assign(UUID conversationId, UUID agentId);

    /** Puts an owned conversation back at the head of its queue; false when it was no longer open or owned. */
    Mono<Boolean> requeue(UUID conversationId);

    /** Asks the service to tell the department's waiting customers their place in line. */
    Mono<Void> announceQueue(UUID departmentId);

    /** The open conversations an agent owns. */
    Flux<UUID> openConversationsOf(UUID agentId);

    /** What the service answered to an assignment. */
    enum AssignOutcome {
        /** This call made the agent the owner. */
        ASSIGNED,
        /** The agent is not ONLINE or has no free seat any more. */
        AGENT_UNAVAILABLE,
        /** The conversation is no longer waiting (another worker won, or it was closed). */
        NOT_WAITING
    }
}
