package dev.parley.conversation.canned.application;

import dev.parley.conversation.canned.domain.CannedReply;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Canned replies, and the values their variables take in a conversation. */
public interface CannedReplyStore {

    /** False when the shortcut is taken in that scope. */
    Mono<Boolean> create(CannedReply reply, Instant at);

    /** Replies an agent may use: their own, their departments', everyone's; shortcut prefix optional. */
    Flux<CannedReply> available(UUID agentId, String shortcutPrefix);

    /** The reply an agent gets for a shortcut: personal first, then a department's, then everyone's. */
    Mono<CannedReply> resolve(UUID agentId, String shortcut);

    Mono<Boolean> delete(UUID id, UUID ownerId, boolean admin);

    /** {@code customer.name}, {@code customer.email}, {@code customer.<metadata key>}, {@code agent.name}. */
    Mono<Map<String, String>> variables(UUID conversationId, UUID agentId);
}
