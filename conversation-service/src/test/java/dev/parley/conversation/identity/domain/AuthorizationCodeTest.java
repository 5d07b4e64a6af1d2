package dev.parley.conversation.identity.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.conversation.shared.domain.Outcome;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AuthorizationCodeTest {

    private static final String VERIFIER = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
    private static final String REDIRECT = "https://parley.example/console";

    @Test
    void aWellFormedRequestIsTakenAsPosted() {
        Outcome<AuthorizationCode> outcome = AuthorizationCode.of("abc", VERIFIER, REDIRECT, "n-1");
        assertThat(outcome).isEqualTo(Outcome.accepted(new AuthorizationCode("abc", VERIFIER, REDIRECT, Optional.of("n-1"))));
        assertThat(AuthorizationCode.of("abc", VERIFIER, REDIRECT, null)).isInstanceOf(Outcome.Accepted.class);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(nullValues = "NULL", value = {
            "no_code,                    NULL, dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk, https://parley.example/console, NULL, code",
            "blank_code,                 '  ', dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk, https://parley.example/console, NULL, code",
            "no_verifier,                abc,  NULL,                                        https://parley.example/console, NULL, codeVerifier",
            "verifier_42_characters,     abc,  dBjftJeZ4CVP-mJ92K9TeLoYTSvfjPZUCkE5Ef0yj3,  https://parley.example/console, NULL, codeVerifier",
            "verifier_with_plus,         abc,  dBjftJeZ4CVP+mJ92K9TeLoYTSvfjPZUCkE5Ef0yj3M, https://parley.example/console, NULL, codeVerifier",
            "no_redirect,                abc,  dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk, NULL,                           NULL, redirectUri",
            "relative_redirect,          abc,  dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk, /console,                       NULL, redirectUri",
            "script_redirect,            abc,  dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk, javascript:alert(1),            NULL, redirectUri",
            "blank_nonce,                abc,  dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk, https://parley.example/console, ' ',  nonce",
    })
    void aMissingOrMalformedFieldIsNamed(String name, String code, String verifier, String redirect, String nonce, String field) {
        Outcome<AuthorizationCode> outcome = AuthorizationCode.of(code, verifier, redirect, nonce);
        assertThat(outcome).isInstanceOf(Outcome.Rejected.class);
        var rejection = ((Outcome.Rejected<AuthorizationCode>) outcome).rejection();
        assertThat(rejection.code()).isEqualTo(AuthorizationCode.INVALID);
        assertThat(rejection.fields()).containsOnlyKeys(field);
    }

    @Test
    void theSecretsStayOutOfLogs() {
        assertThat(new AuthorizationCode("the-code", VERIFIER, REDIRECT, Optional.empty()).toString())
                .doesNotContain("the-code").doesNotContain(VERIFIER);
    }
}
