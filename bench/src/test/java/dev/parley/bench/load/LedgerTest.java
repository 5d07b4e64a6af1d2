package dev.parley.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LedgerTest {

    private final Ledger ledger = new Ledger(2);

    private void sentAndAcked(long... indices) {
        for (long index : indices) {
            ledger.mark(index, Ledger.SENT);
            ledger.mark(index, Ledger.ACKED);
        }
    }

    @Test
    void anAcknowledgedMessageNeverReadIsLost() {
        ledger.begin("step", 10, 3, 0);
        sentAndAcked(0, 1, 2);
        ledger.delivered(0, 0, 1);
        ledger.delivered(1, 1, 1);
        assertThat(ledger.totals().lost()).isEqualTo(1);
        assertThat(ledger.totals().acked()).isEqualTo(3);
    }

    @Test
    void aMessageReadTwiceIsADuplicateAndCountsOnce() {
        ledger.begin("step", 10, 1, 0);
        sentAndAcked(0);
        assertThat(ledger.delivered(0, 0, 1)).isTrue();
        assertThat(ledger.delivered(0, 0, 1)).isFalse();
        assertThat(ledger.totals().duplicated()).isEqualTo(1);
        assertThat(ledger.deliveries.get()).isEqualTo(1);
    }

    @Test
    void aLaterMessageOfAConversationReadBeforeAnEarlierOneIsReordered() {
        ledger.begin("step", 10, 4, 0);
        sentAndAcked(0, 2);
        ledger.delivered(0, 2, 2);
        ledger.delivered(0, 0, 1);
        assertThat(ledger.totals().reordered()).isEqualTo(1);
    }

    @Test
    void aMessageRefusedWithAnErrorThatCommitsAfterALaterOneIsNotReordered() {
        ledger.begin("step", 10, 4, 0);
        sentAndAcked(2);
        ledger.mark(0, Ledger.SENT | Ledger.ERRORED);
        ledger.delivered(0, 2, 1);
        ledger.delivered(0, 0, 2);
        assertThat(ledger.totals().reordered()).isZero();
        assertThat(ledger.totals().committedLateAfterAnError()).isEqualTo(1);
    }

    @Test
    void aSendLeftUnansweredByAResetThatCommitsAfterALaterOneIsNotReordered() {
        ledger.begin("step", 10, 4, 0);
        sentAndAcked(2);
        ledger.mark(0, Ledger.SENT);
        ledger.delivered(0, 2, 1);
        ledger.delivered(0, 0, 2);
        assertThat(ledger.totals().reordered()).isZero();
        assertThat(ledger.totals().committedLateAfterAnError()).isEqualTo(1);
    }

    @Test
    void aSeqReadBelowOneAlreadyReadIsReordered() {
        ledger.begin("step", 10, 4, 0);
        sentAndAcked(0, 2);
        ledger.delivered(0, 0, 2);
        ledger.delivered(0, 2, 1);
        assertThat(ledger.totals().reordered()).isEqualTo(1);
    }

    @Test
    void orderIsPerConversation() {
        ledger.begin("step", 10, 4, 0);
        sentAndAcked(0, 1, 2, 3);
        ledger.delivered(1, 3, 1);
        ledger.delivered(0, 0, 1);
        ledger.delivered(0, 2, 2);
        ledger.delivered(1, 1, 2);
        assertThat(ledger.totals().reordered()).isEqualTo(1);
    }

    @Test
    void unansweredAndRefusedSendsAreNotLost() {
        ledger.begin("step", 10, 2, 0);
        ledger.mark(0, Ledger.SENT);
        ledger.mark(1, Ledger.SENT);
        ledger.mark(1, Ledger.ERRORED);
        Ledger.Totals totals = ledger.totals();
        assertThat(totals.unanswered()).isEqualTo(1);
        assertThat(totals.errored()).isEqualTo(1);
        assertThat(totals.lost()).isZero();
    }

    @Test
    void stepsOwnTheirRangesOfIndices() {
        Step first = ledger.begin("a", 10, 5, 0);
        Step second = ledger.begin("b", 20, 3, 1_000_000_000L);
        assertThat(ledger.stepOf(4)).isSameAs(first);
        assertThat(ledger.stepOf(5)).isSameAs(second);
        assertThat(ledger.stepOf(8)).isNull();
        assertThat(second.intended(6)).isEqualTo(1_050_000_000L);
    }

    @Test
    void indicesBeyondOneChunkAreKept() {
        long far = (1L << 20) + 7;
        ledger.begin("big", 1000, far + 1, 0);
        ledger.mark(far, Ledger.SENT);
        assertThat(ledger.flags(far) & Ledger.SENT).isEqualTo(Ledger.SENT);
    }
}
