package dev.parley.conversation.identity.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AllowedOriginsTest {

    private static final AllowedOrigins ACME = new AllowedOrigins(List.of("https://acme.example", "https://shop.acme.example/"));
    private static final AllowedOrigins ANY = new AllowedOrigins(List.of());

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(nullValues = "none", value = {
            "https://acme.example,        true",
            "HTTPS://ACME.EXAMPLE,        true",
            "https://shop.acme.example,   true",
            "https://acme.example/,       true",
            "http://acme.example,         false",
            "https://acme.example:8443,   false",
            "https://evil.acme.example,   false",
            "https://acme.example.evil,   false",
            "null,                        false",
            "none,                        false",
    })
    void aListedInboxAllowsExactlyItsOrigins(String origin, boolean allowed) {
        assertThat(ACME.allow(Optional.ofNullable(origin))).isEqualTo(allowed);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(nullValues = "none", value = {"https://anywhere.example", "none"})
    void anEmptyListAllowsAnyOriginAndNone(String origin) {
        assertThat(ANY.allow(Optional.ofNullable(origin))).isTrue();
    }
}
