package dev.parley.bench.load;

import java.util.ArrayList;
import java.util.List;

/**
 * What an agent knows of one of its conversations, as the console's seq tracker does
 * ({@code web/src/shared/socket.ts}): the seq it has everything through, the last seq it marked
 * read, and, while a gap fill runs, the live events that wait for it. Touched only on the agent's
 * socket's event loop.
 */
final class Track {

    /** Everything of the conversation this agent may see, through this seq; 0 while unknown. */
    long seen;
    /** The seq of the last {@code read} sent. */
    long readSent;
    boolean readScheduled;
    /** A gap fill ({@code events.since}) is running: live events wait in {@link #held}. */
    boolean filling;
    /** The failed attempts of the running fill, for its backoff. */
    int fillFailures;
    /** Live events that arrived while the fill ran, as frame bytes, judged afresh when it ends. */
    List<byte[]> held = new ArrayList<>();

    /** What to do with a live event of seq {@code seq}. */
    Verdict judge(long seq) {
        if (seq == FrameScan.ABSENT || seen == 0 || seq == seen + 1) {
            return Verdict.APPLY;
        }
        return seq <= seen ? Verdict.DUPLICATE : Verdict.GAP;
    }

    /** Never moves back. */
    void advance(long seq) {
        seen = Math.max(seen, seq);
    }

    /** A new socket: a fill in flight died with the old one, and the hello's lastSeqs replays what waited. */
    void reconnected() {
        filling = false;
        fillFailures = 0;
        held = new ArrayList<>();
        readScheduled = false;
    }

    List<byte[]> release() {
        filling = false;
        fillFailures = 0;
        List<byte[]> waiting = held;
        held = new ArrayList<>();
        return waiting;
    }

    enum Verdict { APPLY, DUPLICATE, GAP }
}
