package dev.parley.conversation.identity;

import dev.parley.testsupport.oidc.LocalIdentityProvider;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Exchanges from one address are held back after the login budget, before the provider is asked again. */
class SsoThrottleIT extends RunningService {

    private static final LocalIdentityProvider PROVIDER = LocalIdentityProvider.start();
    private static final int BUDGET = 3;

    @DynamicPropertySource
    static void smallBudget(DynamicPropertyRegistry registry) {
        registry.add("parley.identity.oidc.issuer-uri", PROVIDER::issuer);
        registry.add("parley.identity.oidc.client-id", () -> LocalIdentityProvider.CLIENT_ID);
        registry.add("parley.identity.login.per-client.attempts", () -> BUDGET);
    }

    @AfterAll
    static void stopProvider() {
        PROVIDER.close();
    }

    @Test
    void codesFromOneAddressAreRefusedPastTheBudgetWithTheWait() {
        var guess = Map.of("code", "guessed-code", "codeVerifier", "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk",
                "redirectUri", SsoCodes.REDIRECT_URI);
        for (int attempt = 0; attempt < BUDGET; attempt++) {
            http.post().uri("/api/v1/auth/sso/token").bodyValue(guess).exchange()
                    .expectStatus().isBadRequest()
                    .expectBody().jsonPath("$.code").isEqualTo("auth.sso_code_invalid");
        }

        http.post().uri("/api/v1/auth/sso/token").bodyValue(guess).exchange()
                .expectStatus().isEqualTo(429)
                .expectHeader().exists(HttpHeaders.RETRY_AFTER)
                .expectBody().jsonPath("$.code").isEqualTo("auth.rate_limited");
    }
}
