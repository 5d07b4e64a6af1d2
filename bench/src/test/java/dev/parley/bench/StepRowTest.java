package dev.parley.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class StepRowTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static StepRow row(int rate, long readInWindow, boolean drained, double p99, long serviceNanos) {
        var result = JSON.readTree("{\"deliveredInWindow\":" + readInWindow + ",\"windowSeconds\":60.0,\"drained\":" + drained
                + ",\"endToEnd\":{\"p99\":" + p99 + "}}");
        return new StepRow("step", rate, result, Map.of("conversation-service", serviceNanos), Map.of(), 100);
    }

    @Test
    void keepingUpWithinTheThresholdIsSustained() {
        StepRow row = row(250, 15_000, true, 40, 30_000_000_000L);
        assertThat(row.achieved()).isEqualTo(250);
        assertThat(row.sustained()).isTrue();
        assertThat(row.status()).isEqualTo("kept up");
        assertThat(row.cpuPerThousand("conversation-service")).isEqualTo(2.0);
    }

    @Test
    void aBacklogAtTheEndOfTheDrainIsSaturation() {
        StepRow row = row(250, 15_000, false, 40, 0);
        assertThat(row.saturated()).isTrue();
        assertThat(row.sustained()).isFalse();
    }

    @Test
    void readingLessThanNinetyFivePercentOfTheOfferedRateIsSaturation() {
        assertThat(row(250, 14_000, true, 40, 0).saturated()).isTrue();
        assertThat(row(250, 14_300, true, 40, 0).saturated()).isFalse();
    }

    @Test
    void keepingUpPastTheLatencyThresholdIsNotSustainedNorSaturated() {
        StepRow row = row(250, 15_000, true, 180, 0);
        assertThat(row.saturated()).isFalse();
        assertThat(row.sustained()).isFalse();
        assertThat(row.status()).isEqualTo("p99 over 100 ms");
    }

    @Test
    void aWindowWithNothingReadHasNoCpuPerMessage() {
        assertThat(row(250, 0, false, 0, 5).cpuPerThousand("conversation-service")).isNaN();
    }
}
