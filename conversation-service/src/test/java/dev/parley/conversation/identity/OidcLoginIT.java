package dev.parley.conversation.identity;

import static dev.parley.conversation.identity.IdentityCast.BOB;

import dev.parley.testsupport.oidc.LocalIdentityProvider;
import java.time.Instant;
import java.util.Date;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** With an OIDC provider configured, its tokens stand for the agent with the same email; ours still work. */
class OidcLoginIT extends RunningService {

    private static final LocalIdentityProvider PROVIDER = LocalIdentityProvider.start();

    @DynamicPropertySource
    static void trustTheProvider(DynamicPropertyRegistry registry) {
        registry.add("parley.identity.oidc.issuer-uri", PROVIDER::issuer);
        registry.add("parley.identity.oidc.audience", () -> LocalIdentityProvider.AUDIENCE);
    }

    @AfterAll
    static void stopProvider() {
        PROVIDER.close();
    }

    @Test
    void aProviderTokenActsAsTheAgentWithItsEmail() {
        me(PROVIDER.token("Bob@Parley.example", claims -> { })).expectStatus().isOk().expectBody()
                .jsonPath("$.role").isEqualTo("AGENT")
                .jsonPath("$.id").isEqualTo(BOB.id().toString());
    }

    @Test
    void anEmailNoAgentHasIsRefused() {
        refused(PROVIDER.token("stranger@parley.example", claims -> { }), "auth.agent_unknown");
    }

    @Test
    void anEmailTheProviderHasNotVerifiedIsRefused() {
        refused(PROVIDER.token(BOB.email(), claims -> claims.claim("email_verified", false)), "auth.agent_unknown");
    }

    @Test
    void aProviderTokenMeantForAnotherApplicationIsRefused() {
        refused(PROVIDER.token(BOB.email(), claims -> claims.audience("another-app")), "auth.token_invalid");
    }

    @Test
    void aTokenSignedWithAKeyTheProviderNeverPublishedIsRefused() {
        refused(PROVIDER.forgedToken(BOB.email()), "auth.token_invalid");
    }

    @Test
    void anExpiredProviderTokenIsRefusedAsExpired() {
        Instant hourAgo = Instant.now().minusSeconds(3600);
        refused(PROVIDER.token(BOB.email(), claims -> claims.issueTime(Date.from(hourAgo))
                .expirationTime(Date.from(hourAgo.plusSeconds(300)))), "auth.token_expired");
    }

    @Test
    void ourOwnTokensAreStillAccepted() {
        me(login(BOB).accessToken()).expectStatus().isOk().expectBody().jsonPath("$.id").isEqualTo(BOB.id().toString());
    }

    private void refused(String token, String code) {
        http.get().uri("/api/v1/auth/me").header(HttpHeaders.AUTHORIZATION, "Bearer " + token).exchange()
                .expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.code").isEqualTo(code);
    }
}
