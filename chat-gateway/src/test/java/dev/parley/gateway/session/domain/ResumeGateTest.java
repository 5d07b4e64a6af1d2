package dev.parley.gateway.session.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.stream.LongStream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class ResumeGateTest {

    private static final UUID CONVERSATION = UUID.randomUUID();

    private final List<Long> written = new ArrayList<>();
    private final ResumeGate<Long> gate = new ResumeGate<>(written::add);

    @Test
    void liveEventsDuringTheReplayWaitAndFollowItWithoutDuplicates() {
        gate.startReplay(CONVERSATION, 3);
        gate.live(CONVERSATION, 6L, 6L);
        gate.replayed(CONVERSATION, 4, 4L);
        gate.live(CONVERSATION, 5L, 5L);
        gate.replayed(CONVERSATION, 5, 5L);

        assertThat(written).containsExactly(4L, 5L);

        gate.finishReplay(CONVERSATION);
        gate.live(CONVERSATION, 7L, 7L);

        assertThat(written).containsExactly(4L, 5L, 6L, 7L);
    }

    @Test
    void eventsTheClientAlreadyHasAreNotSentAgain() {
        gate.startReplay(CONVERSATION, 10);
        gate.replayed(CONVERSATION, 9, 9L);
        gate.finishReplay(CONVERSATION);
        gate.live(CONVERSATION, 10L, 10L);
        gate.live(CONVERSATION, 11L, 11L);
        gate.live(CONVERSATION, 11L, 11L);

        assertThat(written).containsExactly(11L);
    }

    /** Issue 15, defect 1: {@code resumed} carried the highest seq written, and clients skipped the hole before it. */
    @Test
    void aReplayIsCompleteThroughWhatItReachedNotThroughLiveEventsHeldBeyondAHole() {
        gate.startReplay(CONVERSATION, 3);
        gate.replayed(CONVERSATION, 4, 4L);
        gate.live(CONVERSATION, 7L, 7L); // 6 was lost on the way: best effort
        gate.replayed(CONVERSATION, 5, 5L);
        gate.replayedThrough(CONVERSATION, 5);

        assertThat(gate.finishReplay(CONVERSATION)).isEqualTo(5);
        assertThat(written).containsExactly(4L, 5L, 7L);
    }

    @Test
    void aReplayIsCompleteThroughThePagesThroughSeqPastEventsTheUserMayNotSee() {
        gate.startReplay(CONVERSATION, 5);
        gate.replayed(CONVERSATION, 7, 7L); // 6 and 8 are notes, not in a customer's pages
        gate.replayedThrough(CONVERSATION, 8);

        assertThat(gate.finishReplay(CONVERSATION)).isEqualTo(8);
    }

    @Test
    void aReplayWithNothingNewIsCompleteThroughTheClientsOwnLastSeq() {
        gate.startReplay(CONVERSATION, 9);

        assertThat(gate.finishReplay(CONVERSATION)).isEqualTo(9);
        assertThat(gate.finishReplay(CONVERSATION)).as("no replay running").isZero();
    }

    @Test
    void anAbandonedReplayLetsWhatWaitedAndWhatFollowsThrough() {
        gate.startReplay(CONVERSATION, 3);
        gate.replayed(CONVERSATION, 4, 4L);
        gate.live(CONVERSATION, 8L, 8L);
        gate.abandonReplay(CONVERSATION);
        gate.live(CONVERSATION, 9L, 9L);
        gate.live(CONVERSATION, 8L, 8L);

        assertThat(written).containsExactly(4L, 8L, 9L);
    }

    /** A hello names more conversations than it may resume: those are not replayed, and not re-sent either. */
    @Test
    void aConversationNotReplayedStillGetsNothingTheClientSaidItHas() {
        gate.alreadyHas(CONVERSATION, 7);
        gate.live(CONVERSATION, 6L, 6L); // redelivered after another node's consumer died
        gate.live(CONVERSATION, 7L, 7L);
        gate.live(CONVERSATION, 8L, 8L);
        gate.alreadyHas(CONVERSATION, 5);
        gate.live(CONVERSATION, 8L, 8L);

        assertThat(written).containsExactly(8L);
    }

    @Test
    void eventsWithoutSeqAlwaysPass() {
        gate.startReplay(CONVERSATION, 0);
        gate.live(null, null, 100L);
        gate.live(CONVERSATION, null, 101L);

        assertThat(written).containsExactly(100L, 101L);
    }

    /**
     * However the replay pages and the live stream interleave (live overlapping the replay, live
     * events repeated as at-least-once delivery does), the client gets lastSeq+1..n exactly once, in
     * order, and the replay is complete through its own last seq.
     */
    @Property(tries = 300)
    void anyInterleavingOfReplayAndLiveGivesEverySeqOnceInOrder(@ForAll @IntRange(max = 20) int lastSeq,
                                                                 @ForAll @IntRange(min = 1, max = 40) int missed,
                                                                 @ForAll @IntRange(max = 20) int liveDuringReplay,
                                                                 @ForAll long seed) {
        // jqwik shares one instance between tries: a fresh gate per try
        List<Long> written = new ArrayList<>();
        ResumeGate<Long> gate = new ResumeGate<>(written::add);
        var random = new Random(seed);
        long replayedThrough = lastSeq + missed;
        long end = replayedThrough + liveDuringReplay;
        List<Runnable> steps = new ArrayList<>();
        LongStream.rangeClosed(lastSeq + 1, replayedThrough).forEach(seq -> steps.add(() -> gate.replayed(CONVERSATION, seq, seq)));
        // live events may start anywhere in the replay and overlap what the replay also returns
        long firstLive = lastSeq + 1 + random.nextInt(missed);
        List<Runnable> live = new ArrayList<>();
        LongStream.rangeClosed(firstLive, end).forEach(seq -> live.add(() -> gate.live(CONVERSATION, seq, seq)));
        List<Runnable> merged = merge(steps, live, random);

        gate.startReplay(CONVERSATION, lastSeq);
        merged.forEach(Runnable::run);
        gate.replayedThrough(CONVERSATION, replayedThrough);
        long resumedThrough = gate.finishReplay(CONVERSATION);
        LongStream.rangeClosed(end - 2, end + 3).forEach(seq -> gate.live(CONVERSATION, seq, seq));

        assertThat(written).containsExactlyElementsOf(LongStream.rangeClosed(lastSeq + 1, end + 3).boxed().toList());
        assertThat(resumedThrough).as("what the replay reached, not what live events held").isEqualTo(replayedThrough);
    }

    /** Keeps each list's own order (replay pages and the partition are each ordered), interleaves them randomly. */
    private static List<Runnable> merge(List<Runnable> a, List<Runnable> b, Random random) {
        List<Boolean> picks = new ArrayList<>();
        a.forEach(x -> picks.add(true));
        b.forEach(x -> picks.add(false));
        Collections.shuffle(picks, random);
        List<Runnable> merged = new ArrayList<>();
        int i = 0;
        int j = 0;
        for (boolean fromA : picks) {
            merged.add(fromA ? a.get(i++) : b.get(j++));
        }
        return merged;
    }
}
