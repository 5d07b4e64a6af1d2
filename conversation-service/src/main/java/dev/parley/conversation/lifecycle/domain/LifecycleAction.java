package dev.parley.conversation.lifecycle.domain;

/** Everything that can move a conversation between statuses. */
public enum LifecycleAction {
    /** The customer asked for a human; idempotent. */
    TALK_TO_AGENT,
    /** The assignment worker gave it to an agent. */
    ASSIGN,
    /** An agent took it from the queue (or from the bot) themselves. */
    ACCEPT,
    /** Its owner handed it to another agent. */
    TRANSFER_TO_AGENT,
    /** Its owner sent it back to a department's queue. */
    TRANSFER_TO_DEPARTMENT,
    /** Its owner went offline: back to the queue, ahead of the others. */
    REQUEUE,
    WAIT_ON_CUSTOMER,
    /** The customer wrote something. */
    CUSTOMER_REPLIED,
    RESOLVE,
    CLOSE,
    /** An agent reopened it and owns it again. */
    REOPEN
}
