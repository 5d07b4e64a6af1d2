package dev.parley.conversation.identity;

import static dev.parley.conversation.identity.IdentityCast.ADA;
import static dev.parley.conversation.identity.IdentityCast.BOB;
import static dev.parley.conversation.identity.IdentityCast.CAROL;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.conversation.identity.application.AgentAccounts;
import dev.parley.conversation.identity.application.BootstrappingAdmin;
import dev.parley.conversation.identity.domain.RefreshTokenSecret;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** Agents log in with a password, renew with rotating refresh tokens, log out; the first admin comes from configuration. */
@ExtendWith(OutputCaptureExtension.class)
@TestPropertySource(properties = {
        "parley.identity.bootstrap-admin.email=root@parley.example",
        "parley.identity.bootstrap-admin.password=" + AgentAuthIT.ROOT_PASSWORD,
        "parley.identity.bootstrap-admin.name=Root",
        // Every test logs in from 127.0.0.1, so the per-address budget is out of the way here
        // (Bucket4jLoginThrottleTest covers it). The per-email budget stays at its default of 5:
        // only Carol ever fails that often, and successful logins give their attempt back.
        "parley.identity.login.per-client.attempts=1000",
})
class AgentAuthIT extends RunningService {

    static final String ROOT_PASSWORD = "root-first-password";

    @Autowired
    private BootstrappingAdmin bootstrapping;
    @Autowired
    private AgentAccounts accounts;

    @Test
    void theConfiguredFirstAdminIsCreatedAtStartupWithoutLoggingThePassword(CapturedOutput output) {
        Grant grant = http.post().uri("/api/v1/auth/login")
                .bodyValue(Map.of("email", "ROOT@parley.example", "password", ROOT_PASSWORD))
                .exchange().expectStatus().isOk()
                .expectBody(Grant.class).returnResult().getResponseBody();

        me(grant.accessToken()).expectBody().jsonPath("$.role").isEqualTo("ADMIN");
        assertThat(output.getAll()).contains("Created the first admin root@parley.example").doesNotContain(ROOT_PASSWORD);
    }

    @Test
    void noAdminIsBootstrappedOnceOneExists() {
        assertThat(bootstrapping.bootstrap("second@parley.example", "Second", "second-password").blockOptional()).isEmpty();
        assertThat(accounts.findByEmail("second@parley.example").blockOptional()).isEmpty();
    }

    @Test
    void loginGivesAShortAccessTokenOfTheAgentsRoleAndARefreshToken() {
        var result = http.post().uri("/api/v1/auth/login")
                .bodyValue(Map.of("email", BOB.email(), "password", BOB.password()))
                .exchange().expectStatus().isOk()
                .expectHeader().cacheControl(CacheControl.noStore())
                .expectBody(Grant.class).returnResult().getResponseBody();

        assertThat(result.tokenType()).isEqualTo("Bearer");
        assertThat(result.expiresIn()).isBetween(890L, 900L);
        assertThat(result.refreshToken()).hasSizeGreaterThanOrEqualTo(43);
        me(result.accessToken()).expectBody().jsonPath("$.role").isEqualTo("AGENT").jsonPath("$.id").isEqualTo(BOB.id().toString());
    }

    @Test
    void everyFailedLoginGetsTheSameAnswerWhetherOrNotTheEmailExists() {
        var wrongPassword = failedLogin(ADA.email(), "not-adas-password");
        var unknownEmail = failedLogin("nobody@parley.example", BOB.password());
        var anotherAgentsPassword = failedLogin(BOB.email(), ADA.password());

        for (var refused : List.of(wrongPassword, unknownEmail, anotherAgentsPassword)) {
            assertThat(refused.getStatus().value()).isEqualTo(401);
            assertThat(withoutInstance(refused.getResponseBody())).isEqualTo(withoutInstance(wrongPassword.getResponseBody()));
        }
        assertThat(new String(wrongPassword.getResponseBody())).contains("\"code\":\"auth.invalid_credentials\"");
    }

    @Test
    void repeatedFailuresLockTheEmailWith429AndRetryAfterEvenForTheRightPassword() {
        IntStream.range(0, 5).forEach(i -> assertThat(failedLogin(CAROL.email(), "guess-" + i).getStatus().value()).isEqualTo(401));

        http.post().uri("/api/v1/auth/login")
                .bodyValue(Map.of("email", CAROL.email(), "password", CAROL.password()))
                .exchange()
                .expectStatus().isEqualTo(429)
                // The default budget refills one attempt every 3 minutes.
                .expectHeader().value(HttpHeaders.RETRY_AFTER, retryAfter -> assertThat(Long.parseLong(retryAfter)).isBetween(170L, 180L))
                .expectBody().jsonPath("$.code").isEqualTo("auth.rate_limited");
        // Other accounts are not locked by Carol's.
        login(BOB);
    }

    @Test
    void eachRefreshRotatesTheRefreshToken() {
        Grant first = login(BOB);
        Grant second = refresh(first.refreshToken()).expectStatus().isOk().expectBody(Grant.class).returnResult().getResponseBody();
        Grant third = refresh(second.refreshToken()).expectStatus().isOk().expectBody(Grant.class).returnResult().getResponseBody();

        assertThat(List.of(first.refreshToken(), second.refreshToken(), third.refreshToken())).doesNotHaveDuplicates();
        me(third.accessToken()).expectBody().jsonPath("$.id").isEqualTo(BOB.id().toString());
    }

    @Test
    void reusingARotatedRefreshTokenRevokesItsWholeFamilyButNoOtherLogin() {
        Grant laptop = login(BOB);
        Grant phone = login(BOB);
        Grant stolenThenRotated = refresh(laptop.refreshToken()).expectBody(Grant.class).returnResult().getResponseBody();

        refresh(laptop.refreshToken()).expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.code").isEqualTo("auth.refresh_token_invalid");

        refresh(stolenThenRotated.refreshToken()).expectStatus().isUnauthorized();
        refresh(phone.refreshToken()).expectStatus().isOk();
    }

    @Test
    void twoConcurrentUsesOfOneRefreshTokenNeverBothLeaveAWorkingSession() {
        Grant grant = login(BOB);

        List<Grant> winners = Flux.range(0, 2)
                .flatMap(i -> Mono.fromCallable(() -> refresh(grant.refreshToken()).returnResult(Grant.class))
                        .subscribeOn(Schedulers.boundedElastic()))
                .filter(result -> result.getStatus().is2xxSuccessful())
                .flatMap(result -> result.getResponseBody())
                .collectList().block();

        assertThat(winners).hasSizeLessThanOrEqualTo(1);
        // Whoever won, the token was presented twice: its family is revoked.
        winners.forEach(winner -> refresh(winner.refreshToken()).expectStatus().isUnauthorized());
    }

    @Test
    void onlyAHashOfEachRefreshTokenIsStored() {
        Grant grant = login(BOB);

        List<byte[]> stored = store.refreshTokenHashes();
        assertThat(stored).filteredOn(hash -> Arrays.equals(hash, RefreshTokenSecret.hashOf(grant.refreshToken()))).hasSize(1);
        String secret = grant.refreshToken();
        assertThat(stored).noneMatch(hash -> new String(hash, StandardCharsets.ISO_8859_1).contains(secret));
    }

    @Test
    void logoutEndsTheSessionOfItsRefreshTokenOnly() {
        Grant laptop = login(BOB);
        Grant phone = login(BOB);

        logout(laptop.accessToken(), Map.of("refreshToken", laptop.refreshToken())).expectStatus().isNoContent();

        refresh(laptop.refreshToken()).expectStatus().isUnauthorized();
        refresh(phone.refreshToken()).expectStatus().isOk();
    }

    @Test
    void logoutWithoutARefreshTokenEndsEverySessionOfTheAgent() {
        Grant laptop = login(BOB);
        Grant phone = login(BOB);

        logout(laptop.accessToken(), null).expectStatus().isNoContent();

        refresh(laptop.refreshToken()).expectStatus().isUnauthorized();
        refresh(phone.refreshToken()).expectStatus().isUnauthorized();
    }

    @Test
    void anAgentCannotEndAnotherAgentsSession() {
        Grant bob = login(BOB);
        Grant ada = login(ADA);

        logout(ada.accessToken(), Map.of("refreshToken", bob.refreshToken())).expectStatus().isNoContent();

        refresh(bob.refreshToken()).expectStatus().isOk();
    }

    @Test
    void anAdminResetsAnAgentsPasswordAndEndsTheirSessions() {
        Grant bobsSession = login(BOB);

        setPassword(login(ADA).accessToken(), BOB.id().toString(), Map.of("password", "bob-new-password"))
                .expectStatus().isNoContent();

        failedLogin(BOB.email(), BOB.password());
        http.post().uri("/api/v1/auth/login").bodyValue(Map.of("email", BOB.email(), "password", "bob-new-password"))
                .exchange().expectStatus().isOk();
        refresh(bobsSession.refreshToken()).expectStatus().isUnauthorized();
    }

    @Test
    void anAgentChangesTheirOwnPasswordOnlyWithTheCurrentOne() {
        String bob = login(BOB).accessToken();

        setPassword(bob, BOB.id().toString(), Map.of("password", "bob-new-password", "currentPassword", "wrong"))
                .expectStatus().isBadRequest().expectBody().jsonPath("$.code").isEqualTo("password.current_wrong");
        setPassword(bob, BOB.id().toString(), Map.of("password", "bob-new-password"))
                .expectStatus().isBadRequest().expectBody().jsonPath("$.code").isEqualTo("password.current_wrong");
        setPassword(bob, BOB.id().toString(), Map.of("password", "bob-new-password", "currentPassword", BOB.password()))
                .expectStatus().isNoContent();
    }

    @Test
    void anAgentCannotSetAnotherAgentsPasswordNorAWeakOne() {
        String bob = login(BOB).accessToken();

        setPassword(bob, ADA.id().toString(), Map.of("password", "taking-over-ada"))
                .expectStatus().isForbidden().expectBody().jsonPath("$.code").isEqualTo("auth.forbidden");
        setPassword(login(ADA).accessToken(), BOB.id().toString(), Map.of("password", "short"))
                .expectStatus().isBadRequest().expectBody()
                .jsonPath("$.code").isEqualTo("password.too_short")
                .jsonPath("$.fields.password").exists();
        login(ADA);
    }

    private EntityExchangeResult<byte[]> failedLogin(String email, String password) {
        return http.post().uri("/api/v1/auth/login").bodyValue(Map.of("email", email, "password", password))
                .exchange().expectStatus().isUnauthorized().expectBody().returnResult();
    }

    private org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec refresh(String refreshToken) {
        return http.post().uri("/api/v1/auth/refresh").bodyValue(Map.of("refreshToken", refreshToken)).exchange();
    }

    private org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec logout(String accessToken, Map<String, String> body) {
        var request = http.post().uri("/api/v1/auth/logout").header(HttpHeaders.AUTHORIZATION, "Bearer " + accessToken);
        return body == null ? request.exchange() : request.bodyValue(body).exchange();
    }

    private org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec setPassword(
            String accessToken, String agentId, Map<String, String> body) {
        return http.put().uri("/api/v1/agents/{id}/password", agentId)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + accessToken).bodyValue(body).exchange();
    }

    private static String withoutInstance(byte[] problem) {
        return new String(problem).replaceAll("\"instance\":\"[^\"]*\",?", "");
    }
}
