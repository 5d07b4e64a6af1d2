package dev.parley.conversation.identity;

import dev.parley.testsupport.oidc.LocalIdentityProvider;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** A provider that cannot be reached is said to be so, and the service keeps serving everything else. */
class SsoProviderDownIT extends RunningService {

    /** The address of a provider that was there once: nothing listens on it any more. */
    private static final String GONE = gone();

    @DynamicPropertySource
    static void signInAtAGoneProvider(DynamicPropertyRegistry registry) {
        registry.add("parley.identity.oidc.issuer-uri", () -> GONE);
        registry.add("parley.identity.oidc.client-id", () -> LocalIdentityProvider.CLIENT_ID);
    }

    @Test
    void theConsoleIsToldTheProviderCannotBeReached() {
        http.get().uri("/api/v1/auth/sso").exchange()
                .expectStatus().isEqualTo(502)
                .expectHeader().contentType("application/problem+json")
                .expectBody().jsonPath("$.code").isEqualTo("auth.sso_provider_unavailable");
    }

    @Test
    void anExchangeIsRefusedAsUnavailableAndPasswordsStillWork() {
        http.post().uri("/api/v1/auth/sso/token")
                .bodyValue(Map.of("code", "some-code", "codeVerifier", "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk",
                        "redirectUri", SsoCodes.REDIRECT_URI))
                .exchange()
                .expectStatus().isEqualTo(502)
                .expectBody().jsonPath("$.code").isEqualTo("auth.sso_provider_unavailable");
        me(login(IdentityCast.BOB).accessToken()).expectStatus().isOk();
    }

    private static String gone() {
        try (LocalIdentityProvider provider = LocalIdentityProvider.start()) {
            return provider.issuer();
        }
    }
}
