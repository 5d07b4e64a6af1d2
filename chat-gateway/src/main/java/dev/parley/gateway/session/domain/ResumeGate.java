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
 * <p>While a conversation is being replayed (from {@link #startReplay} until {@link #finishReplay}),
 * live events of it are buffered rather than written; replayed and buffered events are written in
 * seq order, each seq at most once; after the replay live events flow straight through, and any
 * seq at or below the highest one written is dropped as a duplicate. Events without a seq (not
 * persisted) always pass. Thread-safe: live events and replay pages arrive on different threads;
 * {@code sink} is called under the gate's lock so writes keep the order decided here.
 *
 * @param <F> the frame written for an event
 */
public final class ResumeGate<F> {

    private record Pending<F>(long seq, F frame) {
    }

    private static final class Stream<F> {
        long lastSeq;
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
        stream.buffer = new ArrayList<>();
    }

    /** An event of the replay; written unless already written. */
    public synchronized void replayed(UUID conversationId, long seq, F frame) {
        Stream<F> stream = streams.computeIfAbsent(conversationId, id -> new Stream<>(0));
        writeIfNew(stream, seq, frame);
    }

    /** Ends the replay: buffered live events newer than the replay are written in seq order. */
    public synchronized void finishReplay(UUID conversationId) {
        Stream<F> stream = streams.get(conversationId);
        if (stream == null || stream.buffer == null) {
            return;
        }
        List<Pending<F>> buffered = stream.buffer;
        stream.buffer = null;
        buffered.sort(Comparator.comparingLong(Pending::seq));
        buffered.forEach(pending -> writeIfNew(stream, pending.seq(), pending.frame()));
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

    /** The highest seq written for the conversation, 0 if none. */
    public synchronized long lastSeq(UUID conversationId) {
        Stream<F> stream = streams.get(conversationId);
        return stream == null ? 0 : stream.lastSeq;
    }

    private void writeIfNew(Stream<F> stream, long seq, F frame) {
        if (seq > stream.lastSeq) {
            stream.lastSeq = seq;
            sink.accept(frame);
        }
    }
}
