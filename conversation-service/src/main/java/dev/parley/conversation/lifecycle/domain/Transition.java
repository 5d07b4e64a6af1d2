package dev.parley.conversation.lifecycle.domain;

/** What the state machine decided for one action in one status. */
public sealed interface Transition {

    /** The conversation moves to {@code to} (which may equal the current status, e.g. a transfer). */
    record Move(ConversationStatus to) implements Transition {
    }

    /** Already done: nothing changes, no system message, no event. This is what makes actions idempotent. */
    record Stay() implements Transition {
    }

    /** Not allowed from here; {@code code} is stable for clients. */
    record Illegal(String code, String reason) implements Transition {
    }
}
