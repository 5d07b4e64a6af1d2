package dev.parley.conversation.reading.application;

import dev.parley.conversation.messaging.domain.Message;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The read side: pages of messages, reactions and conversation lists. Access is checked by
 * {@link ReadingConversations} before any of these run; here, only what to include.
 */
public interface ConversationQueries {

    /** Messages by seq: before {@code beforeSeq} (newest first, then returned oldest first) or after {@code afterSeq}. */
    Flux<Message> messages(UUID conversationId, Long beforeSeq, Long afterSeq, int limit, boolean includeNotes);

    /** Reactions of these messages. */
    Flux<ReactionCount> reactions(List<UUID> messageIds, boolean includeNotes);

    /** One page of a list, newest activity first, after the cursor position. */
    Flux<ConversationSummary> list(ListFilter filter, UUID caller, boolean callerIsAgent, Position after, int limit);

    /** Who a customer is, as the host site and the widget told us; empty when there is no such customer. */
    Mono<CustomerProfile> customer(UUID customerId);

    /**
     * {@code attributes}: the custom attributes the host site set, as text; {@code currentPage}: the
     * host page their widget last reported, null before it reported one.
     */
    record CustomerProfile(UUID id, String name, String email, String externalId, Map<String, String> attributes,
                           Instant lastSeenAt, Page currentPage) {
    }

    /** A host page: an http(s) URL, its title (null when it has none) and when it was reported. */
    record Page(String url, String title, Instant at) {
    }

    /** A department's waiting conversations in assignment order: requeued first, then oldest first. */
    Flux<ConversationSummary> queue(UUID departmentId, int limit);

    /**
     * The owner of the department's most recently assigned open conversation, if any: the
     * round-robin position of the assignment worker, derived from the conversations themselves so
     * every worker sees the same one and it survives restarts. Only open conversations are looked
     * at, which bounds the work by the department's seats rather than its history.
     */
    Mono<UUID> lastAssignee(UUID departmentId);

    /** 1 for the next conversation to be assigned in its department, and so on. */
    Mono<Integer> positionInQueue(UUID conversationId);

    /**
     * The mean time between the department's recent assignments (the last 20 within the last hour),
     * empty with fewer than two: what a queue-wait estimate rests on.
     */
    Mono<Duration> recentAssignmentInterval(UUID departmentId);

    /**
     * The department's agents who are ONLINE and the room they have left (each agent's max
     * concurrent less open, at least 0, summed): what tells a wait that will end from one nobody can tell.
     */
    Mono<Seats> seats(UUID departmentId);

    record Seats(int onlineAgents, int freeSeats) {
    }

    record ReactionCount(UUID messageId, String emoji, List<UUID> userIds) {
    }

    /** Where a page of a list ends; the next page starts after it. */
    record Position(Instant lastActivityAt, UUID id) {
    }

    /** Which conversations a list holds. Exactly one of the selectors applies. */
    record ListFilter(UUID customerId, UUID ownerId, List<UUID> departmentIds, boolean allDepartments,
                      List<String> statuses) {
    }

    record ConversationSummary(UUID id, UUID inboxId, UUID customerId, String customerName, UUID departmentId,
                               String status, UUID ownerId, long lastSeq, Instant queuedAt, Instant lastActivityAt,
                               long unread, String lastMessagePreview) {
    }
}
