package dev.parley.conversation.lifecycle.domain;

/** Where a conversation is in its life (ARCHITECTURE §4). */
public enum ConversationStatus {
    /** The inbox's FAQ bot answers; no agent is involved yet. */
    BOT,
    /** Waiting in its department's queue for an agent. */
    QUEUED,
    /** An agent owns it and the customer is being helped. */
    ACTIVE,
    /** The agent asked something and waits for the customer. */
    WAITING_ON_CUSTOMER,
    /** Done; a customer reply reopens it. */
    RESOLVED,
    /** Archived; reopened by a customer reply only when configured. */
    CLOSED;

    /** Resolved and closed conversations hold no agent seat and are not in "open" lists. */
    public boolean isOpen() {
        return this != RESOLVED && this != CLOSED;
    }

    /** An owner holds a seat (capacity) only while the conversation is being worked on. */
    public boolean holdsSeat() {
        return this == ACTIVE || this == WAITING_ON_CUSTOMER;
    }
}
