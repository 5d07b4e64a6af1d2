package dev.parley.conversation.messaging.domain;

/** What a message is. Notes are private to agents and never reach a customer. */
public enum MessageKind {
    TEXT, SYSTEM, BOT, NOTE;

    public boolean agentsOnly() {
        return this == NOTE;
    }
}
