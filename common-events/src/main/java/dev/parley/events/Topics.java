package dev.parley.events;

import java.util.Objects;

/**
 * Topic names. Production uses the bare names; a prefix separates tenants of a shared cluster or
 * test classes sharing one broker.
 */
public record Topics(String prefix) {

    /** Every persisted conversation event, keyed by conversation id. */
    public static final String CONVERSATION_EVENTS = "parley.conversation-events";
    /** Agent status and department changes, keyed by agent id. */
    public static final String AGENT_EVENTS = "parley.agent-events";
    /** Suffix of a topic's dead-letter topic: records that could not be read or handled. */
    public static final String DEAD_LETTER_SUFFIX = ".dlt";

    public static final Topics DEFAULT = new Topics("");

    public Topics {
        Objects.requireNonNull(prefix, "prefix");
    }

    public String conversationEvents() {
        return prefix + CONVERSATION_EVENTS;
    }

    public String agentEvents() {
        return prefix + AGENT_EVENTS;
    }

    public static String deadLetterOf(String topic) {
        return topic + DEAD_LETTER_SUFFIX;
    }
}
