package dev.parley.conversation.identity;

import static dev.parley.conversation.identity.IdentityCast.ACME;
import static dev.parley.conversation.identity.IdentityCast.ALICE;
import static dev.parley.conversation.identity.IdentityCast.BOB;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.parley.conversation.fixtures.StoreFixture.StoredProfile;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The host page tells Parley about its visitor: name, email and custom attributes, at the start of
 * a session and while it runs ({@code POST /api/v1/widget/profile}); only the customer of the token
 * may, and bad input names its field and changes nothing.
 */
class WidgetProfileIT extends RunningService {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Session(String token, UUID customerId) {
    }

    @Test
    void anIdentifiedUsersAttributesAreStoredWithTheSession() {
        Map<String, Object> body = new HashMap<>(Map.of("userId", ALICE.userId(), "userHash", ACME.userHash(ALICE.userId()),
                "name", ALICE.name(), "attributes", Map.of("plan", "pro", "seats", 12, "trial", false)));

        Session session = start(body).expectStatus().isOk().expectBody(Session.class).returnResult().getResponseBody();

        StoredProfile stored = store.profileOf(session.customerId());
        assertThat(stored.name()).isEqualTo(ALICE.name());
        assertThat(attributes(stored)).isEqualTo(Map.of("plan", "pro", "seats", "12", "trial", "false"));
    }

    @Test
    void anUpdateMergesAttributesAndANullRemovesOne() {
        Session session = session(Map.of("attributes", Map.of("plan", "free", "country", "NL")));
        Map<String, Object> changes = new LinkedHashMap<>();
        changes.put("plan", "pro");
        changes.put("country", null);
        changes.put("orders", 3);

        update(session.token(), Map.of("email", "zoe@example.com", "attributes", changes)).expectStatus().isNoContent();

        StoredProfile stored = store.profileOf(session.customerId());
        assertThat(stored.email()).isEqualTo("zoe@example.com");
        assertThat(attributes(stored)).isEqualTo(Map.of("plan", "pro", "orders", "3"));
    }

    @Test
    void aReturningVisitorsAttributesAreMergedNotReplaced() {
        Session first = session(Map.of("attributes", Map.of("plan", "free")));

        Session again = session(Map.of("visitorToken", first.token(), "attributes", Map.of("cart", "2 items")));

        assertThat(again.customerId()).isEqualTo(first.customerId());
        assertThat(attributes(store.profileOf(first.customerId()))).isEqualTo(Map.of("plan", "free", "cart", "2 items"));
    }

    static Object[][] invalidAttributes() {
        return new Object[][] {
                {Map.of("plan type", "pro"), "attributes.plan type"},
                {Map.of("email", "x@example.com"), "attributes.email"},
                {Map.of("address", Map.of("city", "Utrecht")), "attributes.address"},
                {Map.of("bio", "x".repeat(1001)), "attributes.bio"},
        };
    }

    @ParameterizedTest
    @MethodSource("invalidAttributes")
    void aBadAttributeIsAProblemNamingItsFieldAndChangesNothing(Map<String, Object> attributes, String field) {
        Session session = session(Map.of("attributes", Map.of("plan", "free")));

        update(session.token(), Map.of("name", "Changed", "attributes", attributes)).expectStatus().isBadRequest()
                .expectHeader().contentType("application/problem+json")
                .expectBody().jsonPath("$.code").isEqualTo("widget.request_invalid")
                .jsonPath("$.fields['" + field + "']").exists();
        start(Map.of("visitorToken", session.token(), "name", "Changed", "attributes", attributes)).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.fields['" + field + "']").exists();

        StoredProfile stored = store.profileOf(session.customerId());
        assertThat(stored.name()).isNull();
        assertThat(attributes(stored)).isEqualTo(Map.of("plan", "free"));
    }

    @Test
    void tooManyAttributesAtOnceAreRefused() {
        Map<String, Object> many = new HashMap<>();
        for (int i = 0; i < 51; i++) {
            many.put("key" + i, i);
        }
        start(Map.of("attributes", many)).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.fields.attributes").exists();
    }

    @Test
    void anAgentMayNotSetAProfileThroughTheWidgetsDoor() {
        update(login(BOB).accessToken(), Map.of("name", "Mallory")).expectStatus().isForbidden()
                .expectBody().jsonPath("$.code").isEqualTo("widget.customers_only");
    }

    @Test
    void aProfileUpdateWithoutATokenIsUnauthorized() {
        http.post().uri("/api/v1/widget/profile").bodyValue(Map.of("name", "Mallory")).exchange()
                .expectStatus().isUnauthorized();
    }

    private Session session(Map<String, Object> fields) {
        return start(fields).expectStatus().isOk().expectBody(Session.class).returnResult().getResponseBody();
    }

    private WebTestClient.ResponseSpec start(Map<String, Object> fields) {
        Map<String, Object> body = new HashMap<>(fields);
        body.put("inboxKey", ACME.publicKey());
        return http.post().uri("/api/v1/widget/sessions").header(HttpHeaders.ORIGIN, ACME.allowedOrigins().get(0))
                .bodyValue(body).exchange();
    }

    private WebTestClient.ResponseSpec update(String token, Map<String, Object> body) {
        return http.post().uri("/api/v1/widget/profile").header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .bodyValue(body).exchange();
    }

    private static Map<String, String> attributes(StoredProfile stored) {
        Map<String, String> values = new HashMap<>();
        JsonNode node = JSON.readTree(stored.metadata());
        node.properties().forEach(entry -> values.put(entry.getKey(), entry.getValue().asString()));
        return values;
    }
}
