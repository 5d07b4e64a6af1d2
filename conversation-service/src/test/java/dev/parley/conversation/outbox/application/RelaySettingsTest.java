package dev.parley.conversation.outbox.application;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RelaySettingsTest {

    private static final Duration SECOND = Duration.ofSeconds(1);

    @Test
    void aBatchHoldsAtLeastOneEvent() {
        assertThatThrownBy(() -> new RelaySettings(0, SECOND, SECOND, SECOND, SECOND, SECOND))
                .hasMessageContaining("batchSize");
    }

    @Test
    void intervalsMustBePositiveSoNoLoopSpins() {
        assertThatThrownBy(() -> new RelaySettings(1, Duration.ZERO, SECOND, SECOND, SECOND, SECOND))
                .hasMessageContaining("pollInterval");
    }

    @Test
    void theLongestBackoffIsNotShorterThanTheFirst() {
        assertThatThrownBy(() -> new RelaySettings(1, SECOND, SECOND, SECOND, Duration.ofMillis(1), SECOND)).hasMessageContaining("maxBackoff");
    }
}
