package dev.parley.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class KneeSearchTest {

    private final KneeSearch search = new KneeSearch(1.5, 0.1, 8000);

    private static KneeSearch.Tried held(int rate) {
        return new KneeSearch.Tried(rate, true);
    }

    private static KneeSearch.Tried failed(int rate) {
        return new KneeSearch.Tried(rate, false);
    }

    @Test
    void everyListedStepSaturatedSoItLooksBelowTheLowest() {
        assertThat(search.next(List.of(failed(250), failed(500), failed(1000), failed(2000)))).hasValue(125);
        assertThat(search.next(List.of(failed(250), failed(500), failed(125)))).hasValue(62);
    }

    @Test
    void betweenAHeldAndAFailedRateItBisects() {
        assertThat(search.next(List.of(failed(250), held(125)))).hasValue(187);
        assertThat(search.next(List.of(failed(250), held(125), failed(187)))).hasValue(156);
    }

    @Test
    void stopsWhenHeldAndFailedAreWithinTheResolution() {
        var tried = List.of(failed(250), held(125), failed(187), held(156), failed(171));
        assertThat(search.next(tried)).isEmpty();
        assertThat(search.knee(tried)).hasValue(156);
    }

    @Test
    void everyStepHeldSoItStepsUpToTheCap() {
        assertThat(search.next(List.of(held(250), held(500), held(1000), held(2000)))).hasValue(3000);
        assertThat(search.next(List.of(held(6000)))).hasValue(8000);
        assertThat(search.next(List.of(held(8000)))).isEmpty();
    }

    @Test
    void aSustainedRateAboveTheLowestFailureIsNoiseAndNotTheKnee() {
        var tried = List.of(held(250), failed(500), held(1000), failed(2000));
        assertThat(search.knee(tried)).hasValue(250);
        assertThat(search.next(tried)).hasValue(375);
    }

    @Test
    void givesUpBelowFiveMessagesASecond() {
        assertThat(search.next(List.of(failed(8)))).isEmpty();
        assertThat(search.knee(List.of(failed(8)))).isEmpty();
    }
}
