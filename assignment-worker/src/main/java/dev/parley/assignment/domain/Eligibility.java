package dev.parley.assignment.domain;

import java.time.Duration;
import java.time.Instant;

/**
 * Who may take a waiting conversation. Every rule requires an ONLINE agent with a free seat; they
 * differ in which departments count.
 */
@FunctionalInterface
public interface Eligibility {

    boolean allows(AgentSeat agent, WaitingConversation conversation, Instant now);

    /** Members of the conversation's department only. */
    static Eligibility departmentMembers() {
        return (agent, conversation, now) -> available(agent) && agent.serves(conversation.departmentId());
    }

    /**
     * Members of the department first; once the conversation has waited {@code fallbackAfter}, any
     * available agent of any department.
     */
    static Eligibility departmentThenAnyone(Duration fallbackAfter) {
        return (agent, conversation, now) -> available(agent) && (agent.serves(conversation.departmentId())
                || conversation.waitedAt(now).compareTo(fallbackAfter) >= 0);
    }

    private static boolean available(AgentSeat agent) {
        return agent.isOnline() && agent.hasFreeSeat();
    }
}
