package dev.parley.gateway.session.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.gateway.session.domain.ReadsInFlight.Offer;
import dev.parley.gateway.session.domain.ReadsInFlight.Watermarks;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ReadsInFlightTest {

    private final ReadsInFlight<String> reads = new ReadsInFlight<>(2);
    private final UUID conversation = UUID.randomUUID();

    @Test
    void aBurstBehindOneInFlightBecomesOneReadWithTheHighestWatermarks() {
        assertThat(reads.offer(conversation, new Watermarks(3, 3), "r1")).isEqualTo(Offer.SEND);
        assertThat(reads.offer(conversation, new Watermarks(5, 4), "r2")).isEqualTo(Offer.MERGED);
        assertThat(reads.offer(conversation, new Watermarks(4, 5), "r3")).isEqualTo(Offer.MERGED);

        var first = reads.landed(conversation);
        assertThat(first.answered()).containsExactly("r1");
        assertThat(first.next()).isEqualTo(new Watermarks(5, 5));

        var second = reads.landed(conversation);
        assertThat(second.answered()).containsExactly("r2", "r3");
        assertThat(second.next()).isNull();
        assertThat(reads.inFlight()).isZero();
    }

    @Test
    void aReadAfterTheLastLandedIsSentAtOnce() {
        reads.offer(conversation, new Watermarks(1, 1), "r1");
        reads.landed(conversation);

        assertThat(reads.offer(conversation, new Watermarks(2, 2), "r2")).isEqualTo(Offer.SEND);
    }

    @Test
    void conversationsBeyondTheBoundWaitTheirTurn() {
        assertThat(reads.offer(UUID.randomUUID(), new Watermarks(1, 1), "a")).isEqualTo(Offer.SEND);
        assertThat(reads.offer(UUID.randomUUID(), new Watermarks(1, 1), "b")).isEqualTo(Offer.SEND);

        assertThat(reads.offer(UUID.randomUUID(), new Watermarks(1, 1), "c")).isEqualTo(Offer.SEND_AND_WAIT);
    }
}
