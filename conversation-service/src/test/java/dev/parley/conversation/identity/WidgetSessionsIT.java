package dev.parley.conversation.identity;

import static dev.parley.conversation.identity.IdentityCast.ACME;
import static dev.parley.conversation.identity.IdentityCast.ALICE;
import static dev.parley.conversation.identity.IdentityCast.GLOBEX;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.parley.conversation.fixtures.StoreFixture;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The widget opens sessions: anonymous visitors keep their customer across page loads with their
 * visitor token; a host site's user proven by HMAC is the same customer on every device.
 */
class WidgetSessionsIT extends RunningService {

    private static final String ACME_ORIGIN = "https://acme.example";

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Session(String token, UUID customerId, Instant expiresAt) {
    }

    @Test
    void aNewVisitorBecomesANewAnonymousCustomerWithALongLivedToken() {
        Session session = start(ACME, Map.of()).expectStatus().isOk().expectBody(Session.class).returnResult().getResponseBody();

        assertThat(session.expiresAt()).isCloseTo(Instant.now().plus(Duration.ofDays(30)), within(Duration.ofMinutes(1)));
        assertThat(externalIdOf(session.customerId())).isNull();
        me(session.token()).expectStatus().isOk().expectBody()
                .jsonPath("$.role").isEqualTo("CUSTOMER")
                .jsonPath("$.id").isEqualTo(session.customerId().toString())
                .jsonPath("$.inboxId").isEqualTo(ACME.id().toString());
    }

    @Test
    void theVisitorTokenOfThisInboxRestoresTheSameCustomerAfterARefresh() {
        Session first = session(ACME, Map.of("name", "Visitor"));

        Session afterRefresh = session(ACME, Map.of("visitorToken", first.token()));

        assertThat(afterRefresh.customerId()).isEqualTo(first.customerId());
        assertThat(afterRefresh.token()).isNotEqualTo(first.token());
    }

    @Test
    void aVisitorTokenOfAnotherInboxStartsANewCustomer() {
        Session atGlobex = session(GLOBEX, Map.of());

        Session atAcme = session(ACME, Map.of("visitorToken", atGlobex.token()));

        assertThat(atAcme.customerId()).isNotEqualTo(atGlobex.customerId());
        assertThat(inboxOf(atAcme.customerId())).isEqualTo(ACME.id());
    }

    @Test
    void aTamperedVisitorTokenStartsANewCustomerInsteadOfFailing() {
        Session first = session(ACME, Map.of());
        String tampered = first.token().substring(0, first.token().length() - 3) + "AAA";

        Session next = session(ACME, Map.of("visitorToken", tampered));

        assertThat(next.customerId()).isNotEqualTo(first.customerId());
    }

    @Test
    void theHostSitesUserIsOneCustomerOnEveryDevice() {
        Session laptop = session(ACME, alice(ACME.userHash(ALICE.userId())));
        Session phone = session(ACME, alice(ACME.userHash(ALICE.userId())));

        assertThat(phone.customerId()).isEqualTo(laptop.customerId());
        assertThat(externalIdOf(laptop.customerId())).isEqualTo(ALICE.userId());
    }

    @Test
    void aWrongUserHashIsRefusedAndChangesNothing() {
        Session anonymous = session(ACME, Map.of());
        int customersBefore = customerCount();
        Map<String, String> forged = new HashMap<>(alice(GLOBEX.userHash(ALICE.userId())));
        forged.put("visitorToken", anonymous.token());

        start(ACME, forged).expectStatus().isForbidden()
                .expectBody().jsonPath("$.code").isEqualTo("widget.user_hash_invalid");

        assertThat(customerCount()).isEqualTo(customersBefore);
        assertThat(externalIdOf(anonymous.customerId())).isNull();
    }

    @Test
    void aUserIdWithoutAHashIsRefused() {
        start(ACME, Map.of("userId", ALICE.userId())).expectStatus().isForbidden()
                .expectBody().jsonPath("$.code").isEqualTo("widget.user_hash_invalid");
    }

    @Test
    void anAnonymousVisitorWhoLogsInOnTheHostSiteKeepsTheirCustomer() {
        String userId = "bruno-" + UUID.randomUUID();
        Session anonymous = session(ACME, Map.of());
        Map<String, String> loggedIn = new HashMap<>(Map.of("userId", userId, "userHash", ACME.userHash(userId)));
        loggedIn.put("visitorToken", anonymous.token());

        Session identified = session(ACME, loggedIn);
        Session onAnotherDevice = session(ACME, Map.of("userId", userId, "userHash", ACME.userHash(userId)));

        assertThat(identified.customerId()).isEqualTo(anonymous.customerId());
        assertThat(onAnotherDevice.customerId()).isEqualTo(anonymous.customerId());
        assertThat(externalIdOf(anonymous.customerId())).isEqualTo(userId);
    }

    @Test
    void theSameUserArrivingOnManyDevicesAtOnceIsOneCustomer() {
        String userId = "carmen-" + UUID.randomUUID();
        Map<String, String> proof = Map.of("userId", userId, "userHash", ACME.userHash(userId));

        List<UUID> customers = Flux.range(0, 6)
                .flatMap(i -> Mono.fromCallable(() -> session(ACME, proof).customerId()).subscribeOn(Schedulers.boundedElastic()))
                .collectList().block();

        assertThat(customers).hasSize(6).containsOnly(customers.get(0));
    }

    @Test
    void anUnknownInboxKeyIsANotFoundProblem() {
        http.post().uri("/api/v1/widget/sessions").bodyValue(Map.of("inboxKey", "no-such-key")).exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType("application/problem+json")
                .expectBody().jsonPath("$.code").isEqualTo("widget.inbox_unknown");
    }

    @Test
    void aMissingInboxKeyIsAValidationProblem() {
        http.post().uri("/api/v1/widget/sessions").bodyValue(Map.of("name", "x")).exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.code").isEqualTo("widget.request_invalid").jsonPath("$.fields.inboxKey").exists();
    }

    @Test
    void anInboxWithAllowedOriginsRefusesOtherOriginsAndRequestsWithoutOne() {
        startFrom(ACME, "https://evil.example").expectStatus().isForbidden()
                .expectBody().jsonPath("$.code").isEqualTo("widget.origin_not_allowed");
        startFrom(ACME, null).expectStatus().isForbidden();
        startFrom(ACME, ACME_ORIGIN).expectStatus().isOk();
    }

    @Test
    void anInboxWithoutAllowedOriginsAcceptsAnyOriginAndNone() {
        startFrom(GLOBEX, "https://anywhere.example").expectStatus().isOk();
        startFrom(GLOBEX, null).expectStatus().isOk();
    }

    @Test
    void theCustomerTokenNamesItsInboxsAllowedOriginsForTheGatewaysSocketCheck() {
        JsonNode acme = claims(session(ACME, Map.of()).token()).path("origins");
        JsonNode globex = claims(session(GLOBEX, Map.of()).token()).path("origins");

        assertThat(acme.isArray()).isTrue();
        assertThat(acme.size()).isOne();
        assertThat(acme.get(0).asString()).isEqualTo(ACME_ORIGIN);
        assertThat(globex.isArray()).isTrue();
        assertThat(globex.size()).isZero();
    }

    @Test
    void browsersMayCallTheWidgetEndpointFromAnySite() {
        http.options().uri("/api/v1/widget/sessions")
                .header(HttpHeaders.ORIGIN, ACME_ORIGIN)
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "POST")
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS, "content-type")
                .exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, ACME_ORIGIN)
                .expectHeader().exists(HttpHeaders.ACCESS_CONTROL_MAX_AGE);
    }

    @Test
    void browsersMayAskTheQueuePositionFromAnySiteAsTheWidgetDoes() {
        http.options().uri("/api/v1/conversations/" + UUID.randomUUID() + "/queue-position")
                .header(HttpHeaders.ORIGIN, ACME_ORIGIN)
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "GET")
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS, "authorization")
                .exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, ACME_ORIGIN);
    }

    private Map<String, String> alice(String userHash) {
        return Map.of("userId", ALICE.userId(), "userHash", userHash, "name", ALICE.name(), "email", ALICE.email());
    }

    private Session session(IdentityCast.Inbox inbox, Map<String, String> fields) {
        return start(inbox, fields).expectStatus().isOk().expectBody(Session.class).returnResult().getResponseBody();
    }

    /** Starts a session from a page of the inbox's site (its first allowed origin, if any). */
    private WebTestClient.ResponseSpec start(IdentityCast.Inbox inbox, Map<String, String> fields) {
        Map<String, String> body = new HashMap<>(fields);
        body.put("inboxKey", inbox.publicKey());
        var request = http.post().uri("/api/v1/widget/sessions");
        if (!inbox.allowedOrigins().isEmpty()) {
            request = request.header(HttpHeaders.ORIGIN, inbox.allowedOrigins().get(0));
        }
        return request.bodyValue(body).exchange();
    }

    private WebTestClient.ResponseSpec startFrom(IdentityCast.Inbox inbox, String origin) {
        var request = http.post().uri("/api/v1/widget/sessions");
        if (origin != null) {
            request = request.header(HttpHeaders.ORIGIN, origin);
        }
        return request.bodyValue(Map.of("inboxKey", inbox.publicKey())).exchange();
    }

    private static JsonNode claims(String token) {
        return JsonMapper.builder().build().readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
    }

    private String externalIdOf(UUID customerId) {
        return customer(customerId).externalId();
    }

    private UUID inboxOf(UUID customerId) {
        return customer(customerId).inboxId();
    }

    private int customerCount() {
        return store.customers().size();
    }

    private StoreFixture.StoredCustomer customer(UUID customerId) {
        return store.customers().stream().filter(c -> c.id().equals(customerId)).findFirst().orElseThrow();
    }

    private static org.assertj.core.data.TemporalUnitOffset within(Duration duration) {
        return org.assertj.core.api.Assertions.within(duration.toSeconds(), java.time.temporal.ChronoUnit.SECONDS);
    }
}
