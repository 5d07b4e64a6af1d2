package dev.parley.conversation.lifecycle.domain;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * A conversation with everyone who ever took part, as read without a lock. Its
 * {@code conversation().lastSeq()} is its version: every change of the conversation records an
 * event, so a write decided on a snapshot is saved only while that seq is still the stored one.
 *
 * @param answered whether an agent has replied (for the first-response meter)
 */
public record ConversationSnapshot(Conversation conversation, List<Participant> participants, boolean answered) {

    public ConversationSnapshot {
        participants = List.copyOf(participants);
    }

    public UUID id() {
        return conversation.id();
    }

    /** Who takes part now: the audience of its events. */
    public Set<UUID> active() {
        var users = new LinkedHashSet<UUID>();
        participants.stream().filter(Participant::isActive).forEach(p -> users.add(p.userId()));
        return users;
    }

    public boolean isActiveParticipant(UUID userId) {
        return participants.stream().anyMatch(p -> p.isActive() && p.userId().equals(userId));
    }

    public Optional<Participant> participant(UUID userId) {
        return participants.stream().filter(p -> p.userId().equals(userId)).findFirst();
    }

    /** After this instance saved {@code next} over it: the same people, a new state. */
    public ConversationSnapshot advancedTo(Conversation next, boolean nowAnswered) {
        return new ConversationSnapshot(next, participants, answered || nowAnswered);
    }

    /** After {@code changed}'s watermarks moved. */
    public ConversationSnapshot withParticipant(Participant changed) {
        return new ConversationSnapshot(conversation, participants.stream()
                .map(p -> p.userId().equals(changed.userId()) ? changed : p).toList(), answered);
    }
}
