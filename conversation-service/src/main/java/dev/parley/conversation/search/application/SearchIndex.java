package dev.parley.conversation.search.application;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import reactor.core.publisher.Flux;

/** Full-text search over conversations, scoped to what the caller may see. */
public interface SearchIndex {

    /**
     * Which conversations a search may return: {@code customerId} set → only theirs; otherwise those
     * of {@code departmentIds} or where {@code participantId} takes part; {@code everything} for admins.
     */
    record Scope(UUID customerId, List<UUID> departmentIds, UUID participantId, boolean everything, boolean notes) {
    }

    record Hit(UUID conversationId, UUID customerId, String customerName, String status, UUID departmentId,
               UUID ownerId, Instant lastActivityAt, double rank, String snippet) {
    }

    Flux<Hit> search(SearchQuery query, Scope scope);
}
