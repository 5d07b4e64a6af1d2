package dev.parley.conversation.attachments.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class FileNameTest {

    static Stream<Arguments> names() {
        return Stream.of(
                Arguments.of("receipt.png", "receipt.png"),
                Arguments.of("../../etc/passwd", "passwd"),
                Arguments.of("C:\\Users\\alice\\photo 1.jpg", "photo 1.jpg"),
                Arguments.of(".htaccess", "htaccess"),
                Arguments.of("a\"b;c.txt", "a_b_c.txt"),
                Arguments.of("line\nbreak.txt", "line_break.txt"),
                Arguments.of("   ", "file"),
                Arguments.of("../", "file"),
                Arguments.of(null, "file"),
                Arguments.of("über café.pdf", "über café.pdf"));
    }

    @ParameterizedTest(name = "[{0}] → [{1}]")
    @MethodSource("names")
    void aNameKeepsItsLastSegmentAndLosesWhatCouldHurt(String raw, String expected) {
        assertThat(FileName.sanitise(raw)).isEqualTo(expected);
    }

    @Test
    void aLongNameIsCutAtTheLimitInCodePoints() {
        String cut = FileName.sanitise("😀".repeat(300));

        assertThat(cut.codePointCount(0, cut.length())).isEqualTo(FileName.MAX_LENGTH);
    }
}
