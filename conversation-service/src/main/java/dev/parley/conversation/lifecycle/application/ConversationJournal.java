package dev.parley.conversation.lifecycle.application;

import dev.parley.conversation.lifecycle.domain.Conversation;
import dev.parley.events.EventEnvelope;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import reactor.core.publisher.Mono;

/**
 * Where a conversation's history is written. One {@link #write} saves the conversation and appends
 * its sequenced events to the event log (kept for resume) and the outbox (for delivery), plus the
 * message row of every {@code message.created} among them, as one atomic write: all of it or none.
 *
 * <ul>
 *   <li><b>Guarded.</b> The write applies only while the stored last seq is still
 *       {@link Entry#expectedLastSeq()}; otherwise nothing is written and the answer is
 *       {@link Result#STALE}. Every change of a conversation records an event, so its last seq is
 *       its version: a decision taken on a state that is no longer current is never saved.</li>
 *   <li><b>Idempotent sends.</b> A message whose (sender, client message id) the conversation
 *       already has is not written again: {@link Result#DUPLICATE_MESSAGE}, and nothing else of the
 *       write is either.</li>
 *   <li><b>Durable when answered.</b> Outside a transaction the write is its own transaction and
 *       {@link Result#WRITTEN} means committed; inside one ({@code Transactions}) it commits with it.</li>
 *   <li><b>Order.</b> The events' seqs must run on from {@code expectedLastSeq} without a gap; their
 *       outbox rows are in seq order, so the relay publishes them in that order.</li>
 * </ul>
 */
public interface ConversationJournal {

    enum Result { WRITTEN, STALE, DUPLICATE_MESSAGE }

    /**
     * @param conversation    the conversation as it is to be saved (status, owner, department, queue
     *                        place; its last seq is taken from the events)
     * @param expectedLastSeq the last seq the decision was taken on
     * @param resolvedAt      set when this write resolves it, else {@code null}
     * @param closedAt        set when this write closes it, else {@code null}
     * @param events          the envelopes, seqs {@code expectedLastSeq + 1} on; at least one
     */
    record Entry(Conversation conversation, long expectedLastSeq, Instant resolvedAt, Instant closedAt,
                 List<EventEnvelope> events) {

        public Entry {
            Objects.requireNonNull(conversation, "conversation");
            events = List.copyOf(events);
            if (events.isEmpty()) {
                throw new IllegalArgumentException("a write records at least one event");
            }
            for (int i = 0; i < events.size(); i++) {
                Long seq = events.get(i).seq();
                if (seq == null || seq != expectedLastSeq + 1 + i) {
                    throw new IllegalArgumentException("event " + i + " must have seq " + (expectedLastSeq + 1 + i));
                }
            }
        }

        public long lastSeq() {
            return expectedLastSeq + events.size();
        }
    }

    Mono<Result> write(Entry entry);
}
