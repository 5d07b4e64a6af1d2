package dev.parley.conversation.messaging.application;

import dev.parley.conversation.identity.domain.Caller;
import dev.parley.conversation.lifecycle.application.ConversationStore;
import dev.parley.conversation.lifecycle.application.ParticipantStore;
import dev.parley.conversation.lifecycle.domain.Participant;
import dev.parley.conversation.shared.application.AccessPolicy;
import dev.parley.conversation.shared.application.Actors;
import dev.parley.conversation.shared.application.EventRecorder;
import dev.parley.conversation.shared.application.Transactions;
import dev.parley.conversation.shared.domain.Outcome;
import dev.parley.conversation.shared.domain.Rejection;
import dev.parley.events.EventData;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import reactor.core.publisher.Mono;

/**
 * Moves a participant's delivered and read watermarks forward. Watermarks never go back, so late or
 * repeated reports are harmless; the {@code read.updated} event carries no seq (it is latest-wins
 * state, not history) and a resuming client fetches the current watermarks instead.
 */
public final class MarkingRead {

    public static final String SEQ_OUT_OF_RANGE = "read.seq_out_of_range";
    public static final String NOT_PARTICIPANT = "read.not_participant";

    private final Transactions transactions;
    private final ConversationStore conversations;
    private final ParticipantStore participants;
    private final AccessPolicy access;
    private final EventRecorder recorder;
    private final Clock clock;

    public MarkingRead(Transactions transactions, ConversationStore conversations, ParticipantStore participants,
                       AccessPolicy access, EventRecorder recorder, Clock clock) {
        this.transactions = transactions;
        this.conversations = conversations;
        this.participants = participants;
        this.access = access;
        this.recorder = recorder;
        this.clock = clock;
    }

    /** @param readSeq the highest seq the user has seen; delivery is implied up to it */
    public Mono<Outcome<Participant>> mark(Caller caller, UUID conversationId, long deliveredSeq, long readSeq) {
        if (caller instanceof Caller.Service) {
            return Mono.just(Outcome.rejected(NOT_PARTICIPANT, "services have no read state"));
        }
        UUID userId = caller instanceof Caller.Customer c ? c.customerId() : ((Caller.Agent) caller).agentId();
        long delivered = Math.max(deliveredSeq, readSeq);
        return transactions.inTransaction(() -> conversations.find(conversationId)
                .flatMap(conversation -> access.check(caller, conversation).flatMap(denied -> {
                    if (denied.isPresent()) {
                        return Mono.just(Outcome.<Participant>rejected(denied.get()));
                    }
                    if (readSeq < 0 || delivered > conversation.lastSeq()) {
                        return Mono.just(Outcome.<Participant>rejected(Rejection.invalid(SEQ_OUT_OF_RANGE, "readSeq",
                                "seqs go from 0 to " + conversation.lastSeq())));
                    }
                    Instant now = clock.instant();
                    return participants.advanceWatermarks(conversationId, userId, delivered, readSeq, now)
                            .flatMap(after -> recorder.recordUnsequenced(conversation, Actors.of(caller),
                                            new EventData.ReadUpdated(userId, after.lastDeliveredSeq(), after.lastReadSeq(), now))
                                    .thenReturn(Outcome.accepted(after)))
                            .defaultIfEmpty(Outcome.rejected(NOT_PARTICIPANT, "only participants have read state"));
                }))
                .defaultIfEmpty(Outcome.rejected(AccessPolicy.notFound())));
    }
}
