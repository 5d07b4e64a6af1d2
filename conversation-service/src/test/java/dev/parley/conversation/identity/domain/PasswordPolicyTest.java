package dev.parley.conversation.identity.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.conversation.shared.domain.Rejection;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PasswordPolicyTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(nullValues = "none", value = {
            "seven_characters,         1234567,  password.too_short",
            "eight_characters,         12345678, none",
            "none,                     none,     password.too_short",
    })
    void aPasswordNeedsEightCharacters(String name, String password, String code) {
        assertThat(PasswordPolicy.check(password).map(Rejection::code).orElse(null)).isEqualTo(code);
    }

    @ParameterizedTest(name = "{0} bytes")
    @CsvSource({"72, ", "73, password.too_long"})
    void aPasswordMayNotExceedWhatBcryptReads(int bytes, String code) {
        assertThat(PasswordPolicy.check("p".repeat(bytes)).map(Rejection::code).orElse(null)).isEqualTo(code);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"8 two-byte characters are 16 bytes, 8, ", "37 two-byte characters are 74 bytes, 37, password.too_long"})
    void lengthsCountCharactersButTheLimitCountsUtf8Bytes(String name, int characters, String code) {
        assertThat(PasswordPolicy.check("\u00e9".repeat(characters)).map(Rejection::code).orElse(null)).isEqualTo(code);
    }
}
