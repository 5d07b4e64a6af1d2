package dev.parley.conversation.messaging.application;

import dev.parley.conversation.identity.domain.Actors;
import dev.parley.conversation.identity.domain.Caller;
import dev.parley.conversation.lifecycle.application.AccessPolicy;
import dev.parley.conversation.lifecycle.application.ConversationSnapshots;
import dev.parley.conversation.lifecycle.application.EventRecorder;
import dev.parley.conversation.lifecycle.domain.Participant;
import dev.parley.conversation.shared.domain.Outcome;
import dev.parley.conversation.shared.domain.Rejection;
import dev.parley.events.EventData;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import reactor.core.publisher.Mono;

/**
 * Moves a participant's delivered and read watermarks forward. Watermarks never go back, so late or
 * repeated reports are harmless and change nothing (no write, no event: latest wins); the
 * {@code read.updated} event carries no seq (it is state, not history) and a resuming client
 * fetches the current watermarks instead.
 *
 * <p>Decided on the conversation's snapshot and written with a compare-and-set on the watermarks
 * (one statement with its event, no lock): a receipt that lost a race, or decided on a stale
 * snapshot, reads again and decides again.
 */
public final class MarkingRead {

    public static final String SEQ_OUT_OF_RANGE = "read.seq_out_of_range";
    public static final String NOT_PARTICIPANT = "read.not_participant";
    /** Two receipts of one user rarely race; more than this many lost races in a row is a fault. */
    private static final int ATTEMPTS = 5;

    private final ConversationSnapshots snapshots;
    private final AccessPolicy access;
    private final ReadReceipts receipts;
    private final EventRecorder recorder;
    private final Clock clock;

    public MarkingRead(ConversationSnapshots snapshots, AccessPolicy access, ReadReceipts receipts,
                       EventRecorder recorder, Clock clock) {
        this.snapshots = snapshots;
        this.access = access;
        this.receipts = receipts;
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
        if (readSeq < 0) {
            return Mono.just(Outcome.rejected(outOfRange(0)));
        }
        return attempt(caller, userId, conversationId, delivered, readSeq, 1);
    }

    private Mono<Outcome<Participant>> attempt(Caller caller, UUID userId, UUID conversationId, long delivered, long read,
                                               int attempt) {
        return snapshots.get(conversationId).flatMap(snapshot -> access.check(caller, snapshot).flatMap(denied -> {
            if (denied.isPresent()) {
                return Mono.just(Outcome.<Participant>rejected(denied.get()));
            }
            var before = snapshot.participant(userId);
            if (before.isEmpty() || delivered > snapshot.conversation().lastSeq()) {
                // the snapshot may predate the user joining or the seq being recorded: decide on fresh state once
                return attempt == 1 ? again(caller, userId, conversationId, delivered, read, attempt)
                        : Mono.just(Outcome.<Participant>rejected(before.isEmpty()
                                ? Rejection.of(NOT_PARTICIPANT, "only participants have read state")
                                : outOfRange(snapshot.conversation().lastSeq())));
            }
            Participant was = before.get();
            Participant now = advanced(was, delivered, read, clock.instant());
            if (now.equals(was)) {
                return Mono.just(Outcome.accepted(was));
            }
            var event = recorder.unsequenced(snapshot.conversation(), snapshot.active(), Actors.of(caller),
                    new EventData.ReadUpdated(userId, now.lastDeliveredSeq(), now.lastReadSeq(), clock.instant()));
            return receipts.advance(was, now, event).flatMap(moved -> {
                if (moved) {
                    snapshots.saved(snapshot.withParticipant(now));
                    return Mono.just(Outcome.accepted(now));
                }
                if (attempt >= ATTEMPTS) {
                    return Mono.error(new IllegalStateException("the read watermarks of " + userId + " in " + conversationId
                            + " kept moving under " + ATTEMPTS + " attempts"));
                }
                return again(caller, userId, conversationId, delivered, read, attempt);
            });
        })).defaultIfEmpty(Outcome.rejected(AccessPolicy.notFound()));
    }

    private Mono<Outcome<Participant>> again(Caller caller, UUID userId, UUID conversationId, long delivered, long read,
                                             int attempt) {
        snapshots.forget(conversationId);
        return attempt(caller, userId, conversationId, delivered, read, attempt + 1);
    }

    /** Each watermark moves forward only, and its time with it. */
    private static Participant advanced(Participant was, long delivered, long read, Instant at) {
        boolean deliveredMoves = delivered > was.lastDeliveredSeq();
        boolean readMoves = read > was.lastReadSeq();
        if (!deliveredMoves && !readMoves) {
            return was;
        }
        return new Participant(was.conversationId(), was.userId(), was.role(), was.joinedAt(), was.leftAt(),
                deliveredMoves ? delivered : was.lastDeliveredSeq(), deliveredMoves ? at : was.deliveredAt(),
                readMoves ? read : was.lastReadSeq(), readMoves ? at : was.readAt());
    }

    private static Rejection outOfRange(long lastSeq) {
        return Rejection.invalid(SEQ_OUT_OF_RANGE, "readSeq", "seqs go from 0 to " + lastSeq);
    }
}
