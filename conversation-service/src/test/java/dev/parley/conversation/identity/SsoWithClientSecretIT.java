package dev.parley.conversation.identity;

import static dev.parley.conversation.identity.IdentityCast.BOB;

import dev.parley.testsupport.oidc.LocalIdentityProvider;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** A provider that wants the client's secret at its token endpoint gets it from the server, never from the browser. */
class SsoWithClientSecretIT extends RunningService {

    private static final String SECRET = "the-client-secret-the-idp-issued";
    private static final LocalIdentityProvider PROVIDER = LocalIdentityProvider.startRequiringSecret(SECRET);
    private static final String VERIFIER = "M25iVXpKU3puUjFaYWg3T1NDTDQtcW1ROUY5YXlwalNoc0hhakxifmZHag";

    @DynamicPropertySource
    static void signInAtTheProvider(DynamicPropertyRegistry registry) {
        registry.add("parley.identity.oidc.issuer-uri", PROVIDER::issuer);
        registry.add("parley.identity.oidc.client-id", () -> LocalIdentityProvider.CLIENT_ID);
        registry.add("parley.identity.oidc.client-secret", () -> SECRET);
    }

    @AfterAll
    static void stopProvider() {
        PROVIDER.close();
    }

    @Test
    void theServerAuthenticatesAsTheClientAndTheAgentGetsASession() {
        PROVIDER.signsIn(BOB.email());
        String code = SsoCodes.codeFor(PROVIDER, VERIFIER, "nonce-1");

        Grant grant = http.post().uri("/api/v1/auth/sso/token")
                .bodyValue(Map.of("code", code, "codeVerifier", VERIFIER, "redirectUri", SsoCodes.REDIRECT_URI, "nonce", "nonce-1"))
                .exchange()
                .expectStatus().isOk()
                .expectBody(Grant.class).returnResult().getResponseBody();
        me(grant.accessToken()).expectStatus().isOk().expectBody().jsonPath("$.id").isEqualTo(BOB.id().toString());
    }

    @Test
    void theSecretIsNotPublished() {
        http.get().uri("/api/v1/auth/sso").exchange()
                .expectStatus().isOk()
                .expectBody(String.class).value(body -> org.assertj.core.api.Assertions.assertThat(body).doesNotContain(SECRET));
    }
}
