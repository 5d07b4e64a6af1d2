package dev.parley.conversation.search.application;

import java.time.Instant;
import java.util.UUID;

/**
 * What to look for: {@code text} in messages (web-search syntax: words, "phrases", -exclusions) or
 * in the customer's name, email or external id; narrowed by the optional filters.
 */
public record SearchQuery(String text, String status, UUID departmentId, UUID agentId, Instant from, Instant to,
                          int offset, int limit) {
}
