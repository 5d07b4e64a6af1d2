package dev.parley.bench.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ReadPolicyTest {

    @Test
    void eachNoneAndAWindow() {
        assertThat(ReadPolicy.parse("each")).isEqualTo(new ReadPolicy(true, Duration.ZERO));
        assertThat(ReadPolicy.parse("none").reads()).isFalse();
        ReadPolicy window = ReadPolicy.parse("250ms");
        assertThat(window.coalesces()).isTrue();
        assertThat(window.window()).isEqualTo(Duration.ofMillis(250));
        assertThat(window).hasToString("250ms");
    }

    @Test
    void anythingElseIsRefused() {
        assertThatThrownBy(() -> ReadPolicy.parse("sometimes")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ReadPolicy.parse("-5ms")).isInstanceOf(IllegalArgumentException.class);
    }
}
