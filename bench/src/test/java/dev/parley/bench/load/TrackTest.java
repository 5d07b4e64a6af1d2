package dev.parley.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TrackTest {

    private final Track track = new Track();

    @Test
    void theFirstEventOfAConversationIsAppliedWhateverItsSeq() {
        assertThat(track.judge(7)).isEqualTo(Track.Verdict.APPLY);
    }

    @Test
    void theNextSeqIsAppliedASeenOneDroppedAndAJumpIsAGap() {
        track.advance(7);
        assertThat(track.judge(8)).isEqualTo(Track.Verdict.APPLY);
        assertThat(track.judge(7)).isEqualTo(Track.Verdict.DUPLICATE);
        assertThat(track.judge(3)).isEqualTo(Track.Verdict.DUPLICATE);
        assertThat(track.judge(9)).isEqualTo(Track.Verdict.GAP);
    }

    @Test
    void itNeverMovesBack() {
        track.advance(9);
        track.advance(4);
        assertThat(track.seen).isEqualTo(9);
    }

    @Test
    void anEventWithoutASeqIsAppliedAndMovesNothing() {
        track.advance(5);
        assertThat(track.judge(FrameScan.ABSENT)).isEqualTo(Track.Verdict.APPLY);
        assertThat(track.seen).isEqualTo(5);
    }

    @Test
    void aReconnectDropsWhatAFillHeldBackButKeepsTheSeq() {
        track.advance(5);
        track.filling = true;
        track.held.add(new byte[] {1});
        track.reconnected();
        assertThat(track.filling).isFalse();
        assertThat(track.held).isEmpty();
        assertThat(track.seen).isEqualTo(5);
    }

    @Test
    void releasingHandsOverWhatWaitedOnce() {
        track.filling = true;
        track.held.add(new byte[] {1});
        track.held.add(new byte[] {2});
        assertThat(track.release()).hasSize(2);
        assertThat(track.filling).isFalse();
        assertThat(track.release()).isEmpty();
    }
}
