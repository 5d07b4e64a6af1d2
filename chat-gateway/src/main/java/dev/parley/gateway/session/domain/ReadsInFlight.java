package dev.parley.gateway.session.domain;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One socket's read receipts on their way to conversation-service: at most one per conversation
 * in flight, and the ones that arrive meanwhile merged into one that follows it (watermarks only
 * move forward, so the highest of each wins). A burst of reads costs two calls, and the last
 * watermark always goes out; every read's {@code ref} is answered by the call that covered it.
 * At most {@code maxInFlight} conversations at once: beyond that a read waits its turn, so a
 * client cannot open unbounded calls by naming many conversations. Thread-safe.
 *
 * @param <R> what identifies a read to its client (the frame's {@code ref})
 */
public final class ReadsInFlight<R> {

    /** The watermarks of one read receipt. */
    public record Watermarks(long lastDeliveredSeq, long lastReadSeq) {

        Watermarks max(Watermarks other) {
            return new Watermarks(Math.max(lastDeliveredSeq, other.lastDeliveredSeq),
                    Math.max(lastReadSeq, other.lastReadSeq));
        }
    }

    /** What to do with a read just offered. */
    public enum Offer {
        /** Send it now, without holding up the socket's next frames. */
        SEND,
        /** Send it now, and handle the socket's next frame only once it landed: too many are in flight. */
        SEND_AND_WAIT,
        /** Nothing now: it rides on the read that follows the one in flight. */
        MERGED
    }

    /**
     * A read landed.
     *
     * @param answered the refs its answer is for
     * @param next     the read to send now (the merged ones), or {@code null}
     */
    public record Landed<R>(List<R> answered, Watermarks next) {
    }

    private static final class Slot<R> {
        List<R> flying = new ArrayList<>();
        Watermarks pending;
        List<R> pendingRefs = new ArrayList<>();
    }

    private final int maxInFlight;
    private final Map<UUID, Slot<R>> slots = new HashMap<>(2);

    public ReadsInFlight(int maxInFlight) {
        this.maxInFlight = maxInFlight;
    }

    public synchronized Offer offer(UUID conversationId, Watermarks watermarks, R ref) {
        Slot<R> slot = slots.get(conversationId);
        if (slot != null) {
            slot.pending = slot.pending == null ? watermarks : slot.pending.max(watermarks);
            slot.pendingRefs.add(ref);
            return Offer.MERGED;
        }
        slot = new Slot<>();
        slot.flying.add(ref);
        slots.put(conversationId, slot);
        return slots.size() > maxInFlight ? Offer.SEND_AND_WAIT : Offer.SEND;
    }

    /** The read in flight for the conversation landed (answered or refused). */
    public synchronized Landed<R> landed(UUID conversationId) {
        Slot<R> slot = slots.get(conversationId);
        if (slot == null) {
            return new Landed<>(List.of(), null);
        }
        List<R> answered = slot.flying;
        Watermarks next = slot.pending;
        if (next == null) {
            slots.remove(conversationId);
        } else {
            slot.flying = slot.pendingRefs;
            slot.pending = null;
            slot.pendingRefs = new ArrayList<>();
        }
        return new Landed<>(answered, next);
    }

    public synchronized int inFlight() {
        return slots.size();
    }
}
