package dev.parley.conversation.directory.domain;

/**
 * How a department's queue is assigned; the assignment worker reads it from the department
 * (docs/architecture.md, assignment-worker).
 */
public enum RoutingStrategy {
    /** Fewest open conversations first. */
    LEAST_BUSY,
    /** The department's agents take turns. */
    ROUND_ROBIN,
    /** Department members first; anyone once the conversation waited the fallback time. */
    SKILLS
}
