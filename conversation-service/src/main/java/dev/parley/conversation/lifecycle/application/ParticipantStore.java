package dev.parley.conversation.lifecycle.application;

import dev.parley.conversation.lifecycle.domain.Participant;
import java.time.Instant;
import java.util.UUID;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Who takes part in which conversation, and how far each has received and read. */
public interface ParticipantStore {

    /** Adds the user, or brings them back if they had left; true when they were not active before. */
    Mono<Boolean> join(UUID conversationId, UUID userId, Participant.Role role, Instant at);

    /** True when the user was active and has now left. */
    Mono<Boolean> leave(UUID conversationId, UUID userId, Instant at);

    /** Everyone who ever joined, active or not. */
    Flux<Participant> all(UUID conversationId);

    /**
     * Moves the user's watermarks forward (never back) and returns the result; empty when the user
     * is not a participant.
     */
    Mono<Participant> advanceWatermarks(UUID conversationId, UUID userId, long delivered, long read, Instant at);
}
