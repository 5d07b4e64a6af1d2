package dev.parley.conversation.identity;

import static dev.parley.conversation.identity.IdentityCast.BOB;
import static dev.parley.conversation.identity.IdentityCast.CAROL;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.testsupport.oidc.LocalIdentityProvider;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Single sign-on: the console's authorization code (PKCE, S256) from the local provider becomes a
 * Parley session, the same grant as a password login; every refusal opens no session.
 */
class SsoSignInIT extends RunningService {

    private static final LocalIdentityProvider PROVIDER = LocalIdentityProvider.start();
    private static final String REDIRECT_URI = SsoCodes.REDIRECT_URI;
    /** RFC 7636 appendix B's verifier: 43 characters, as a browser generates them. */
    private static final String VERIFIER = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
    private static final String NONCE = "n-0S6_WzA2Mj";

    @DynamicPropertySource
    static void signInAtTheProvider(DynamicPropertyRegistry registry) {
        registry.add("parley.identity.oidc.issuer-uri", PROVIDER::issuer);
        registry.add("parley.identity.oidc.client-id", () -> LocalIdentityProvider.CLIENT_ID);
    }

    @AfterAll
    static void stopProvider() {
        PROVIDER.close();
    }

    @BeforeEach
    void bobSignsInAtTheProvider() {
        PROVIDER.signsIn("Bob@Parley.example").tweakIdTokens(claims -> { });
    }

    @Test
    void theConsoleLearnsWhereToSendAgentsWithoutAToken() {
        http.get().uri("/api/v1/auth/sso").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.enabled").isEqualTo(true)
                .jsonPath("$.issuer").isEqualTo(PROVIDER.issuer())
                .jsonPath("$.authorizationEndpoint").isEqualTo(PROVIDER.issuer() + "/authorize")
                .jsonPath("$.clientId").isEqualTo(LocalIdentityProvider.CLIENT_ID)
                .jsonPath("$.scopes[0]").isEqualTo("openid")
                .jsonPath("$.clientSecret").doesNotExist();
    }

    @Test
    void aGoodCodeOpensASessionLikeAPasswordLogin() {
        Grant grant = exchange(codeFor(VERIFIER, NONCE), VERIFIER, NONCE)
                .expectStatus().isOk()
                .expectHeader().cacheControl(org.springframework.http.CacheControl.noStore())
                .expectBody(Grant.class).returnResult().getResponseBody();

        assertThat(grant.tokenType()).isEqualTo("Bearer");
        assertThat(grant.expiresIn()).isPositive();
        me(grant.accessToken()).expectStatus().isOk().expectBody()
                .jsonPath("$.role").isEqualTo("AGENT")
                .jsonPath("$.id").isEqualTo(BOB.id().toString());
        // A real Parley session: its refresh token renews it as a password login's does.
        http.post().uri("/api/v1/auth/refresh").bodyValue(Map.of("refreshToken", grant.refreshToken())).exchange()
                .expectStatus().isOk();
    }

    @Test
    void aVerifierThatDoesNotMatchTheChallengeIsRefused() {
        String code = codeFor(VERIFIER, NONCE);

        refused(() -> exchange(code, "another-verifier-of-enough-length-0123456789", NONCE), 400, "auth.sso_code_invalid");
        // The provider spent the code on that attempt: the right verifier is too late now.
        refused(() -> exchange(code, VERIFIER, NONCE), 400, "auth.sso_code_invalid");
    }

    @Test
    void aCodeWorksOnce() {
        String code = codeFor(VERIFIER, NONCE);
        exchange(code, VERIFIER, NONCE).expectStatus().isOk();

        refused(() -> exchange(code, VERIFIER, NONCE), 400, "auth.sso_code_invalid");
    }

    @Test
    void aPersonWhoIsNoAgentIsRefused() {
        PROVIDER.signsIn("stranger@parley.example");
        refused(() -> exchange(codeFor(VERIFIER, NONCE), VERIFIER, NONCE), 401, "auth.agent_unknown");
    }

    @Test
    void aDeactivatedAgentIsRefused() {
        // Carol, whom no other test here signs in: the cast's seeding does not reactivate her.
        PROVIDER.signsIn(CAROL.email());
        exchange(codeFor(VERIFIER, NONCE), VERIFIER, NONCE).expectStatus().isOk();
        store.deactivateAgent(CAROL.id());
        refused(() -> exchange(codeFor(VERIFIER, NONCE), VERIFIER, NONCE), 401, "auth.agent_unknown");
    }

    @Test
    void anEmailTheProviderHasNotVerifiedIsRefused() {
        PROVIDER.tweakIdTokens(claims -> claims.claim("email_verified", false));
        refused(() -> exchange(codeFor(VERIFIER, NONCE), VERIFIER, NONCE), 401, "auth.agent_unknown");
    }

    @Test
    void anIdTokenForAnotherClientIsRefused() {
        PROVIDER.tweakIdTokens(claims -> claims.audience("another-app"));
        refused(() -> exchange(codeFor(VERIFIER, NONCE), VERIFIER, NONCE), 401, "auth.sso_token_invalid");
    }

    @Test
    void anExpiredIdTokenIsRefused() {
        Instant hourAgo = Instant.now().minusSeconds(3600);
        PROVIDER.tweakIdTokens(claims -> claims.issueTime(Date.from(hourAgo)).expirationTime(Date.from(hourAgo.plusSeconds(300))));
        refused(() -> exchange(codeFor(VERIFIER, NONCE), VERIFIER, NONCE), 401, "auth.sso_token_invalid");
    }

    @Test
    void anIdTokenOfAnotherSignInIsRefused() {
        // The code was asked for with one nonce; the console that posts it expected another.
        refused(() -> exchange(codeFor(VERIFIER, NONCE), VERIFIER, "another-nonce"), 401, "auth.sso_token_invalid");
    }

    @Test
    void aMissingOrMalformedFieldIsNamedAndTheProviderIsNotAsked() {
        String code = codeFor(VERIFIER, NONCE);
        int sessions = store.refreshTokenHashes().size();
        http.post().uri("/api/v1/auth/sso/token").bodyValue(Map.of("code", code, "redirectUri", REDIRECT_URI)).exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.code").isEqualTo("auth.sso_request_invalid")
                .jsonPath("$.fields.codeVerifier").exists();
        http.post().uri("/api/v1/auth/sso/token")
                .bodyValue(Map.of("code", code, "codeVerifier", VERIFIER, "redirectUri", "javascript:alert(1)")).exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.fields.redirectUri").exists();
        assertThat(store.refreshTokenHashes()).hasSize(sessions);
        // The code was never sent to the provider, so it still works.
        exchange(code, VERIFIER, NONCE).expectStatus().isOk();
    }

    /** The exchange is refused with this status and code, and no session is opened. */
    private void refused(Supplier<WebTestClient.ResponseSpec> exchange, int status, String code) {
        int sessions = store.refreshTokenHashes().size();
        exchange.get().expectStatus().isEqualTo(status)
                .expectHeader().contentType("application/problem+json")
                .expectBody().jsonPath("$.code").isEqualTo(code);
        assertThat(store.refreshTokenHashes()).as("no session opened").hasSize(sessions);
    }

    private WebTestClient.ResponseSpec exchange(String code, String verifier, String nonce) {
        Map<String, String> body = new HashMap<>(Map.of("code", code, "codeVerifier", verifier, "redirectUri", REDIRECT_URI));
        body.put("nonce", nonce);
        return http.post().uri("/api/v1/auth/sso/token").header(HttpHeaders.ORIGIN, "http://localhost:8080").bodyValue(body).exchange();
    }

    private static String codeFor(String verifier, String nonce) {
        return SsoCodes.codeFor(PROVIDER, verifier, nonce);
    }
}
