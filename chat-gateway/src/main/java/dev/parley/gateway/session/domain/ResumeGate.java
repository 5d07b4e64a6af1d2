package dev.parley.gateway.session.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Keeps one socket's stream of each conversation gap-free and duplicate-free across a resume.
 *
 * <p>While a conversation is being replayed (from {@link #startReplay} until {@link #finishReplay}
 * or {@link #abandonReplay}), live events of it are buffered rather than written; replayed and
 * buffered events are written in seq order, each seq at most once; after the replay live events
 * flow straight through, and any seq at or below the highest one written is dropped as a
 * duplicate. Events without a seq (not persisted) always pass. Thread-safe: live events and replay
 * pages arrive on different threads; {@code sink} is called under the gate's lock so writes keep
 * the order decided here.
 *
 * <p>{@link #finishReplay} answers the seq the replay is complete through: every event of the
 * conversation up to it that the user may see has been written (or was had by the client). That is
 * the replay's own reach, never a live event's seq: buffered live events may follow a hole that
 * best-effort delivery left, and a client told it had everything through them would skip the hole.
 * An abandoned replay claims nothing.
 *
 * @param <F> the frame written for an event
 */
public final class ResumeGate<F> {

    private record Pending<F>(long seq, F frame) {
    }

    private static final class Stream<F> {
        long lastSeq; // the highest seq written
        long replayedThrough; // while replaying: nothing visible up to it is missing
        List<Pending<F>> buffer; // non-null while replaying

        Stream(long lastSeq) {
            this.lastSeq = lastSeq;
        }
    }

    private final Map<UUID, Stream<F>> streams = new HashMap<>();
    private final Consumer<F> sink;

    public ResumeGate(Consumer<F> sink) {
        this.sink = sink;
    }

    /** From now on, live events of {@code conversationId} wait until the replay after {@code lastSeq} is done. */
    public synchronized void startReplay(UUID conversationId, long lastSeq) {
        Stream<F> stream = streams.computeIfAbsent(conversationId, id -> new Stream<>(lastSeq));
        stream.lastSeq = Math.max(stream.lastSeq, lastSeq);
        stream.replayedThrough = lastSeq;
        stream.buffer = new ArrayList<>();
    }

    /**
     * The client has {@code conversationId} through {@code lastSeq} and gets no replay of it (it
     * fills the gap itself): live events at or below it are dropped like any already written.
     */
    public synchronized void alreadyHas(UUID conversationId, long lastSeq) {
        Stream<F> stream = streams.computeIfAbsent(conversationId, id -> new Stream<>(lastSeq));
        stream.lastSeq = Math.max(stream.lastSeq, lastSeq);
    }

    /**
     * An event of the replay; written unless already written. Replayed events come page by page in
     * seq order, each page holding every event after the last one that the user may see.
     */
    public synchronized void replayed(UUID conversationId, long seq, F frame) {
        Stream<F> stream = streams.computeIfAbsent(conversationId, id -> new Stream<>(0));
        writeIfNew(stream, seq, frame);
        stream.replayedThrough = Math.max(stream.replayedThrough, seq);
    }

    /**
     * The replay's source says the user may see nothing more up to {@code seq} than what it
     * replayed (a customer's replay skips notes: a page's {@code throughSeq}).
     */
    public synchronized void replayedThrough(UUID conversationId, long seq) {
        Stream<F> stream = streams.get(conversationId);
        if (stream != null && stream.buffer != null) {
            stream.replayedThrough = Math.max(stream.replayedThrough, seq);
        }
    }

    /**
     * Ends a complete replay: buffered live events newer than the replay are written in seq order.
     *
     * @return the seq the replay is complete through (see the class comment), 0 when none was started
     */
    public synchronized long finishReplay(UUID conversationId) {
        Stream<F> stream = streams.get(conversationId);
        if (stream == null || stream.buffer == null) {
            return 0;
        }
        long through = stream.replayedThrough;
        release(stream);
        return through;
    }

    /**
     * Ends a replay that failed part way: buffered live events are written as after a complete one,
     * so the conversation stays live; the client sees their seqs jump and fills the hole itself.
     */
    public synchronized void abandonReplay(UUID conversationId) {
        Stream<F> stream = streams.get(conversationId);
        if (stream != null && stream.buffer != null) {
            release(stream);
        }
    }

    /** A live event: buffered during a replay of its conversation, dropped if seen, written otherwise. */
    public synchronized void live(UUID conversationId, Long seq, F frame) {
        if (conversationId == null || seq == null) {
            sink.accept(frame);
            return;
        }
        Stream<F> stream = streams.computeIfAbsent(conversationId, id -> new Stream<>(0));
        if (stream.buffer != null) {
            stream.buffer.add(new Pending<>(seq, frame));
        } else {
            writeIfNew(stream, seq, frame);
        }
    }

    private void release(Stream<F> stream) {
        List<Pending<F>> buffered = stream.buffer;
        stream.buffer = null;
        buffered.sort(Comparator.comparingLong(Pending::seq));
        buffered.forEach(pending -> writeIfNew(stream, pending.seq(), pending.frame()));
    }

    private void writeIfNew(Stream<F> stream, long seq, F frame) {
        if (seq > stream.lastSeq) {
            stream.lastSeq = seq;
            sink.accept(frame);
        }
    }
}
