package dev.parley.conversation.lifecycle.domain;

/** The text of the system message each transition writes into the conversation. */
public final class SystemMessages {

    private SystemMessages() {
    }

    public static String forMove(LifecycleAction action, ConversationStatus to, String agentName) {
        return switch (action) {
            case TALK_TO_AGENT -> "You're in the queue. An agent will be with you shortly.";
            case ASSIGN, ACCEPT -> agentName + " joined the conversation.";
            case TRANSFER_TO_AGENT -> "The conversation was transferred to " + agentName + ".";
            case TRANSFER_TO_DEPARTMENT -> "The conversation was transferred to another team. An agent will be with you shortly.";
            case REQUEUE -> "Your agent is unavailable. The next available agent will continue.";
            case WAIT_ON_CUSTOMER -> "Waiting for your reply.";
            case CUSTOMER_REPLIED -> to == ConversationStatus.QUEUED
                    ? "The conversation was reopened. An agent will be with you shortly."
                    : "The customer replied.";
            case RESOLVE -> "The conversation was resolved.";
            case CLOSE -> "The conversation was closed.";
            case REOPEN -> "The conversation was reopened by " + agentName + ".";
        };
    }

    public static String started(ConversationStatus status) {
        return status == ConversationStatus.QUEUED
                ? "You're in the queue. An agent will be with you shortly."
                : "Hi! Ask us anything.";
    }
}
