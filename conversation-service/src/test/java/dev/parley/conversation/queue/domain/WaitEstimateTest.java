package dev.parley.conversation.queue.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WaitEstimateTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(nullValues = "unknown", textBlock = """
            # case,                                       online, free, place, interval s, estimate s
            nobody online,                                     0,    0,     1,          3, unknown
            every online agent at capacity (issue 15 8c),      4,    0,    19,          3, unknown
            a free seat for each ahead and me,                 2,    5,     5,          3, 0
            beyond the free seats the rate counts,             2,    2,     5,         60, 180
            beyond the free seats without a rate,              2,    2,     5,    unknown, unknown
            """)
    void estimates(String name, int online, int free, int place, Long intervalSeconds, Long expectedSeconds) {
        Optional<Duration> interval = Optional.ofNullable(intervalSeconds).map(Duration::ofSeconds);

        assertThat(new WaitEstimate(online, free).forPlace(place, interval).map(Duration::toSeconds))
                .isEqualTo(Optional.ofNullable(expectedSeconds));
    }
}
