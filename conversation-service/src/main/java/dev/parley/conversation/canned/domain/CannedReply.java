package dev.parley.conversation.canned.domain;

import java.util.UUID;

/** A reusable reply: personal ({@code ownerId}), a department's ({@code departmentId}), or everyone's (neither). */
public record CannedReply(UUID id, String shortcut, String body, UUID ownerId, UUID departmentId) {
}
