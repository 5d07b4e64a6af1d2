package dev.parley.conversation.identity.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class HostUserProofTest {

    private static final String SECRET = "acme-hmac-secret";
    private static final String USER = "alice-42";

    record Case(String name, String secret, String userId, String userHash, boolean proves) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Case[] cases() {
        String right = HostUserProof.expectedHash(SECRET, USER);
        return new Case[] {
                new Case("the_expected_hash", SECRET, USER, right, true),
                new Case("upper_case_hex", SECRET, USER, right.toUpperCase(Locale.ROOT), true),
                new Case("another_users_hash", SECRET, USER, HostUserProof.expectedHash(SECRET, "mallory"), false),
                new Case("hash_under_another_secret", SECRET, USER, HostUserProof.expectedHash("globex-hmac-secret", USER), false),
                new Case("one_hex_digit_changed", SECRET, USER, flipLastDigit(right), false),
                new Case("truncated", SECRET, USER, right.substring(0, 32), false),
                new Case("not_hex", SECRET, USER, "z".repeat(64), false),
                new Case("odd_length", SECRET, USER, right.substring(1), false),
                new Case("empty_hash", SECRET, USER, "", false),
                new Case("no_hash", SECRET, USER, null, false),
                new Case("no_user", SECRET, null, right, false),
                new Case("inbox_without_secret", "", USER, HostUserProof.expectedHash("x", USER), false),
        };
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void provesOnlyTheExactHmacOfTheUserUnderTheInboxSecret(Case c) {
        assertThat(HostUserProof.proves(c.secret(), c.userId(), c.userHash())).isEqualTo(c.proves());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("knownVectors")
    void expectedHashIsHexHmacSha256OfTheUtf8UserId(String secret, String userId, String hex) {
        assertThat(HostUserProof.expectedHash(secret, userId)).isEqualTo(hex);
    }

    /**
     * RFC 4231 test case 2, and hashes computed outside Java (Python's hmac module), as a host
     * site's server would: alice of the acme inbox, and a non-ASCII user id taken as UTF-8.
     */
    static String[][] knownVectors() {
        return new String[][] {
                {"Jefe", "what do ya want for nothing?", "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"},
                {"acme-hmac-secret", "alice-42", "6d0d9adc976fee4070a471cff5bdcecae13df2186ac05fba4262b25b0aab7739"},
                {"k", "\u00e9", "41b08e48379060d5566363083dabd4b2f9afd6e169af22d26522dbdc5e7a5134"},
        };
    }

    private static String flipLastDigit(String hex) {
        char last = hex.charAt(hex.length() - 1);
        return hex.substring(0, hex.length() - 1) + (last == '0' ? '1' : '0');
    }
}
