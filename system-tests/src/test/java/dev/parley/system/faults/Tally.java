package dev.parley.system.faults;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * What became of every message a scenario's load sent, by its index, and what every socket was
 * sent that it should not have been. The counts are defined in {@code docs/reliability.md}:
 * <ul>
 *   <li>sent: {@code message.send} frames written to an open socket;</li>
 *   <li>acked: answered {@code ack} (the message is committed, it has its seq);</li>
 *   <li>delivered: its {@code message.created} event reached the other side of the conversation
 *       (the customer for the agent's message, the agent for the customer's) on any of its sockets,
 *       live, replayed at a resume, or in a gap fill;</li>
 *   <li>lost: acked and never delivered, after every client's final resume;</li>
 *   <li>duplicated: one socket sent the same event (conversation, seq) twice, or an event at or below
 *       the seq its hello's {@code lastSeqs} said the client had;</li>
 *   <li>reordered: one socket sent a conversation's event after one with a higher seq;</li>
 *   <li>leaked: a customer's socket carried another conversation's frame, or a note.</li>
 * </ul>
 * Thread-safe: every client's listener marks messages concurrently.
 */
final class Tally {

    static final int SENT = 1;
    static final int ACKED = 2;
    static final int ERRORED = 4;
    static final int DELIVERED = 8;
    static final int NOTE = 16;
    static final int FROM_AGENT = 32;

    private final AtomicIntegerArray flags;
    private final long[] ackedAt;
    private final long[] sentAt;
    private final long[] deliveredAt;
    private final AtomicLong next = new AtomicLong();
    private final LongAdder duplicated = new LongAdder();
    final LongAdder reordered = new LongAdder();
    final List<String> leaks = new CopyOnWriteArrayList<>();
    /** The first duplicates, said in words: which socket, which event, and why it is one. */
    final List<String> duplicates = new CopyOnWriteArrayList<>();
    final Map<String, LongAdder> errors = new ConcurrentHashMap<>();

    Tally(int capacity) {
        flags = new AtomicIntegerArray(capacity);
        ackedAt = new long[capacity];
        sentAt = new long[capacity];
        deliveredAt = new long[capacity];
    }

    /** The next message's index, or -1 once the scenario's capacity is used up. */
    int allocate(boolean fromAgent, boolean note) {
        long index = next.getAndIncrement();
        if (index >= flags.length()) {
            return -1;
        }
        flags.set((int) index, (fromAgent ? FROM_AGENT : 0) | (note ? NOTE : 0));
        return (int) index;
    }

    void sent(int index) {
        sentAt[index] = System.nanoTime();
        flags.accumulateAndGet(index, SENT, (a, b) -> a | b);
    }

    void acked(int index) {
        ackedAt[index] = System.nanoTime();
        flags.accumulateAndGet(index, ACKED, (a, b) -> a | b);
    }

    void errored(int index, String code) {
        flags.accumulateAndGet(index, ERRORED, (a, b) -> a | b);
        errors.computeIfAbsent(code, unused -> new LongAdder()).increment();
    }

    /** Message {@code index}'s event reached a client of {@code agentSide}; counts only for the other side, and never for a note. */
    void reached(int index, boolean agentSide) {
        if (index < 0 || index >= flags.length()) {
            return;
        }
        int was = flags.get(index);
        boolean fromAgent = (was & FROM_AGENT) != 0;
        if ((was & NOTE) == 0 && fromAgent != agentSide) {
            long now = System.nanoTime();
            if ((flags.getAndAccumulate(index, DELIVERED, (a, b) -> a | b) & DELIVERED) == 0) {
                deliveredAt[index] = now;
            }
        }
    }

    void duplicated(String what) {
        duplicated.increment();
        if (duplicates.size() < 20) {
            duplicates.add(what);
        }
    }

    void leaked(String what) {
        if (leaks.size() < 20) {
            leaks.add(what);
        }
    }

    /** Whether every message acked before {@code nanoTime} has reached the other side. */
    boolean deliveredEverythingAckedBefore(long nanoTime) {
        long limit = Math.min(next.get(), flags.length());
        for (int i = 0; i < limit; i++) {
            int f = flags.get(i);
            if ((f & ACKED) != 0 && (f & NOTE) == 0 && (f & DELIVERED) == 0 && ackedAt[i] < nanoTime) {
                return false;
            }
        }
        return true;
    }

    /**
     * From send to first delivery, in microseconds, of the messages sent between the two
     * {@code System.nanoTime()} instants and delivered.
     */
    org.HdrHistogram.Histogram deliveryLatency(long sentFrom, long sentUntil) {
        var latency = new org.HdrHistogram.Histogram(3);
        long limit = Math.min(next.get(), flags.length());
        for (int i = 0; i < limit; i++) {
            if ((flags.get(i) & DELIVERED) != 0 && sentAt[i] >= sentFrom && sentAt[i] < sentUntil && deliveredAt[i] >= sentAt[i]) {
                latency.recordValue((deliveredAt[i] - sentAt[i]) / 1_000);
            }
        }
        return latency;
    }

    /** Whether a message sent after {@code nanoTime} has reached the other side. */
    boolean deliveredOneSentAfter(long nanoTime) {
        long limit = Math.min(next.get(), flags.length());
        for (int i = 0; i < limit; i++) {
            if ((flags.get(i) & DELIVERED) != 0 && sentAt[i] > nanoTime) {
                return true;
            }
        }
        return false;
    }

    long acked() {
        return count(ACKED);
    }

    private long count(int flag) {
        long limit = Math.min(next.get(), flags.length());
        long n = 0;
        for (int i = 0; i < limit; i++) {
            if ((flags.get(i) & flag) != 0) {
                n++;
            }
        }
        return n;
    }

    Totals totals() {
        long sent = 0;
        long acked = 0;
        long delivered = 0;
        long lost = 0;
        long notes = 0;
        long limit = Math.min(next.get(), flags.length());
        for (int i = 0; i < limit; i++) {
            int f = flags.get(i);
            if ((f & SENT) == 0) {
                continue;
            }
            sent++;
            if ((f & NOTE) != 0) {
                notes++;
                if ((f & ACKED) != 0) {
                    acked++;
                }
                continue;
            }
            if ((f & ACKED) != 0) {
                acked++;
                if ((f & DELIVERED) == 0) {
                    lost++;
                }
            }
            if ((f & DELIVERED) != 0) {
                delivered++;
            }
        }
        Map<String, Long> errorCounts = new TreeMap<>();
        errors.forEach((code, count) -> errorCounts.put(code, count.sum()));
        return new Totals(sent, acked, delivered, lost, duplicated.sum(), reordered.sum(), leaks.size(), notes, errorCounts);
    }

    /** {@code delivered} counts the messages that are not notes; {@code notes} of {@code sent} are notes, which no customer may see. */
    record Totals(long sent, long acked, long delivered, long lost, long duplicated, long reordered, long leaked, long notes,
                  Map<String, Long> errors) {
    }
}
