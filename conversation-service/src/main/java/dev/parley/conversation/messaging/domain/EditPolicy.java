package dev.parley.conversation.messaging.domain;

import dev.parley.conversation.shared.domain.Rejection;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Who may change a message and until when: only its author, only text and notes, not once
 * deleted, and edits only within the window after sending (deletes any time).
 */
public final class EditPolicy {

    public static final String NOT_AUTHOR = "message.not_author";
    public static final String NOT_EDITABLE = "message.not_editable";
    public static final String WINDOW_PASSED = "message.edit_window_passed";
    public static final String DELETED = "message.deleted";

    private final Duration window;

    public EditPolicy(Duration window) {
        this.window = window;
    }

    public Optional<Rejection> mayEdit(Message message, UUID editor, Instant now) {
        return mayChange(message, editor).or(() -> now.isAfter(message.createdAt().plus(window))
                ? Optional.of(Rejection.of(WINDOW_PASSED, "messages can be edited for " + window.toMinutes() + " minutes"))
                : Optional.empty());
    }

    public Optional<Rejection> mayDelete(Message message, UUID deleter) {
        return mayChange(message, deleter);
    }

    private static Optional<Rejection> mayChange(Message message, UUID user) {
        if (!user.equals(message.senderId())) {
            return Optional.of(Rejection.of(NOT_AUTHOR, "only its author can change a message"));
        }
        if (message.kind() != MessageKind.TEXT && message.kind() != MessageKind.NOTE) {
            return Optional.of(Rejection.of(NOT_EDITABLE, "system and bot messages cannot be changed"));
        }
        if (message.isDeleted()) {
            return Optional.of(Rejection.of(DELETED, "the message was deleted"));
        }
        return Optional.empty();
    }
}
