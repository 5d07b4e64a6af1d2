package dev.parley.bench.load;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.SynchronizedHistogram;

/**
 * One step of the load: {@code count} messages at {@code rate} a second, message {@code first + k}
 * meant to be sent at {@code start + k / rate}. Latencies are counted from that intended time, so a
 * stall delays the measured messages instead of pausing the load (no coordinated omission).
 */
final class Step {

    private static final long MAX_LATENCY = TimeUnit.MINUTES.toNanos(30);

    final String name;
    final int rate;
    final long first;
    final long count;
    final long start;
    /** Intended send → the agent's socket read it. */
    final Histogram endToEnd = histogram();
    /** Intended send → the sender's socket read the ack (gateway A, conversation-service, the commit). */
    final Histogram commandLeg = histogram();
    /** The event's {@code occurredAt} → the agent read it (outbox relay, Kafka, routing, node B). */
    final Histogram deliveryLeg = histogram();
    final AtomicLong sent = new AtomicLong();
    final AtomicLong notSent = new AtomicLong();
    final AtomicLong acked = new AtomicLong();
    final AtomicLong errored = new AtomicLong();
    final AtomicLong delivered = new AtomicLong();
    final Map<String, LongAdder> errors = new ConcurrentHashMap<>();

    Step(String name, int rate, long first, long count, long start) {
        this.name = name;
        this.rate = rate;
        this.first = first;
        this.count = count;
        this.start = start;
    }

    long intended(long index) {
        return start + (long) ((index - first) * (1e9 / rate));
    }

    long end() {
        return intended(first + count);
    }

    void error(String code) {
        errored.incrementAndGet();
        errors.computeIfAbsent(code == null ? "?" : code, unused -> new LongAdder()).increment();
    }

    Map<String, Long> errorCounts() {
        Map<String, Long> counts = new TreeMap<>();
        errors.forEach((code, adder) -> counts.put(code, adder.sum()));
        return counts;
    }

    static void record(Histogram histogram, long nanos) {
        histogram.recordValue(Math.max(0, Math.min(nanos, MAX_LATENCY)));
    }

    private static Histogram histogram() {
        return new SynchronizedHistogram(MAX_LATENCY, 3);
    }
}
