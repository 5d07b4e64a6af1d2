package dev.parley.conversation.messaging.application;

import java.time.Instant;
import java.util.UUID;
import reactor.core.publisher.Mono;

/** One reaction per user per emoji per message. */
public interface ReactionStore {

    /** True when added, false when this user had already reacted with this emoji. */
    Mono<Boolean> add(UUID messageId, UUID userId, String emoji, Instant at);

    /** True when removed, false when there was no such reaction. */
    Mono<Boolean> remove(UUID messageId, UUID userId, String emoji);
}
