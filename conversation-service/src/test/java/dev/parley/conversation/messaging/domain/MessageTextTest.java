package dev.parley.conversation.messaging.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.conversation.shared.domain.Outcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MessageTextTest {

    private final MessageText text = new MessageText(5);

    @ParameterizedTest(name = "[{index}] {2}")
    @CsvSource(delimiter = '|', textBlock = """
            hello                | accepted             | five ASCII characters fit
            '👋👋👋👋👋'           | accepted             | five emoji are five code points, though ten UTF-16 units
            'héllo'              | accepted             | accents count once
            hello!               | message.too_long     | six characters are one too many
            '   '                | message.empty        | blank text is no message
            ''                   | message.empty        | empty text is no message
            """)
    void bodiesAreCheckedInCodePoints(String body, String expected, String why) {
        assertThat(codeOf(text.check(body))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "[{index}] {1}")
    @CsvSource(delimiter = '|', textBlock = """
            D83D       | a lone high surrogate
            DC4B       | a lone low surrogate
            0000       | NUL, which PostgreSQL text cannot hold
            """)
    void textThatIsNotValidUnicodeIsRefused(String hex, String why) {
        String body = "a" + (char) Integer.parseInt(hex, 16) + "b";

        assertThat(codeOf(text.check(body))).isEqualTo(MessageText.INVALID);
    }

    @Test
    void aRejectedBodyNamesTheField() {
        assertThat(text.check("way too long")).isInstanceOfSatisfying(Outcome.Rejected.class,
                rejected -> assertThat(rejected.rejection().fields()).containsKey("body"));
    }

    private static String codeOf(Outcome<String> outcome) {
        return outcome instanceof Outcome.Rejected<String> rejected ? rejected.rejection().code() : "accepted";
    }
}
