package dev.parley.bench.load;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * What became of every message the load generator sent, by its index (0, 1, 2, … over the whole
 * run), so loss, duplication and reordering are counted over every message rather than sampled.
 * Indices belong to steps in order: a step's messages are the contiguous range it allocated.
 * Thread-safe: customers' and agents' event loops mark the same messages concurrently.
 */
final class Ledger {

    static final int SENT = 1;
    static final int ACKED = 2;
    static final int ERRORED = 4;
    static final int DELIVERED = 8;
    static final int DUPLICATED = 16;

    private static final int CHUNK_BITS = 20;
    private static final int CHUNK = 1 << CHUNK_BITS;
    private static final int MAX_CHUNKS = 1 << 10;

    private final AtomicReferenceArray<AtomicIntegerArray> chunks = new AtomicReferenceArray<>(MAX_CHUNKS);
    private final List<Step> steps = new CopyOnWriteArrayList<>();
    private final AtomicLong next = new AtomicLong();
    /** Per conversation: the highest message index and event seq its agent has read so far. */
    private final long[] lastIndex;
    private final long[] lastSeq;
    /** Messages read after a later-sent one of their conversation: which, judged at the end. */
    private final java.util.Queue<Long> readLate = new java.util.concurrent.ConcurrentLinkedQueue<>();
    /** Messages read with a seq at or below one already read: delivery out of commit order. */
    private final AtomicLong seqInversions = new AtomicLong();
    final AtomicLong duplicated = new AtomicLong();
    /** First deliveries over the whole run, for the achieved rate of a window. */
    final AtomicLong deliveries = new AtomicLong();

    Ledger(int conversations) {
        lastIndex = new long[conversations];
        lastSeq = new long[conversations];
        java.util.Arrays.fill(lastIndex, -1);
    }

    /** Allocates the next {@code count} indices to {@code step}. */
    Step begin(String name, int rate, long count, long startNanos) {
        long first = next.getAndAdd(count);
        Step step = new Step(name, rate, first, count, startNanos);
        steps.add(step);
        return step;
    }

    Step stepOf(long index) {
        // few steps: a backwards walk finds recent ones first
        for (int i = steps.size() - 1; i >= 0; i--) {
            Step step = steps.get(i);
            if (index >= step.first) {
                return index < step.first + step.count ? step : null;
            }
        }
        return null;
    }

    List<Step> steps() {
        return steps;
    }

    long allocated() {
        return next.get();
    }

    /** Sets {@code flag} on message {@code index}; returns the flags it had before. */
    int mark(long index, int flag) {
        AtomicIntegerArray chunk = chunk(index);
        int slot = (int) (index & (CHUNK - 1));
        return chunk.getAndAccumulate(slot, flag, (a, b) -> a | b);
    }

    int flags(long index) {
        AtomicIntegerArray chunk = chunks.get((int) (index >>> CHUNK_BITS));
        return chunk == null ? 0 : chunk.get((int) (index & (CHUNK - 1)));
    }

    /**
     * The agent of conversation {@code conversation} read message {@code index} with event
     * {@code seq}: counts a duplicate or an out-of-order arrival; returns whether it was the first.
     * A conversation's frames are read by one socket at a time, so its order fields need no lock
     * beyond the socket's event loop; the lock here only publishes them across a reconnect.
     */
    boolean delivered(int conversation, long index, long seq) {
        int before = mark(index, DELIVERED);
        if ((before & DELIVERED) != 0) {
            mark(index, DUPLICATED);
            duplicated.incrementAndGet();
            return false;
        }
        deliveries.incrementAndGet();
        synchronized (lastIndex) {
            if (seq != FrameScan.ABSENT && seq <= lastSeq[conversation]) {
                seqInversions.incrementAndGet();
            } else if (index < lastIndex[conversation]) {
                readLate.add(index);
            }
            lastIndex[conversation] = Math.max(lastIndex[conversation], index);
            if (seq != FrameScan.ABSENT) {
                lastSeq[conversation] = Math.max(lastSeq[conversation], seq);
            }
        }
        return true;
    }

    /** Totals over every message sent so far. */
    Totals totals() {
        long sent = 0;
        long acked = 0;
        long errored = 0;
        long unanswered = 0;
        long lost = 0;
        long limit = next.get();
        for (long i = 0; i < limit; i++) {
            int flags = flags(i);
            if ((flags & SENT) == 0) {
                continue;
            }
            sent++;
            if ((flags & ACKED) != 0) {
                acked++;
                if ((flags & DELIVERED) == 0) {
                    lost++;
                }
            } else if ((flags & ERRORED) != 0) {
                errored++;
            } else {
                unanswered++;
            }
        }
        // A send never acknowledged may still commit after the customer's next one: one the gateway
        // refused when its upstream timed out (the customer was told it failed and would retry it),
        // or one whose socket a reset closed before its answer. Not a reordering of anything
        // acknowledged; counted apart.
        long committedLateAfterAnError = readLate.stream().filter(index -> (flags(index) & ACKED) == 0).count();
        long reordered = seqInversions.get() + readLate.size() - committedLateAfterAnError;
        return new Totals(sent, acked, errored, unanswered, lost, duplicated.get(), reordered, committedLateAfterAnError);
    }

    /** Over the whole run: lost = acked but never read by the owning agent; duplicated = read by it twice. */
    record Totals(long sent, long acked, long errored, long unanswered, long lost, long duplicated, long reordered,
                  long committedLateAfterAnError) {
    }

    private AtomicIntegerArray chunk(long index) {
        int at = (int) (index >>> CHUNK_BITS);
        AtomicIntegerArray chunk = chunks.get(at);
        if (chunk == null) {
            chunks.compareAndSet(at, null, new AtomicIntegerArray(CHUNK));
            chunk = chunks.get(at);
        }
        return chunk;
    }
}
