package dev.parley.conversation.pages;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.conversation.identity.IdentityCast;
import dev.parley.conversation.identity.RunningService;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

/**
 * Issue 16, B: the widget reports the host page its customer is on ({@code POST /api/v1/widget/page})
 * and agents who may read the conversation see it in the customer sidebar. Only the customer of the
 * token sets it; bad input names its field and changes nothing.
 */
class CurrentPageIT extends RunningService {

    private static final String PRICING = "https://acme.example/pricing?plan=pro#compare";

    record Visitor(String token, String conversation) {
    }

    private Visitor zoe;

    @BeforeEach
    void aVisitorWithAConversation() {
        zoe = visitor();
    }

    @Test
    void theCustomersPageIsShownToAnAgentOfTheConversationsDepartment() {
        report(zoe.token(), Map.of("url", PRICING, "title", "Pricing — Acme")).expectStatus().isNoContent();

        JsonNode page = sidebar(login(IdentityCast.BOB).accessToken(), zoe).expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody().at("/customer/currentPage");
        assertThat(page.get("url").asString()).isEqualTo(PRICING);
        assertThat(page.get("title").asString()).isEqualTo("Pricing — Acme");
        assertThat(page.get("at").isNull()).isFalse();
    }

    @Test
    void aNewPageReplacesTheLastAndAPageWithoutTitleHasNone() {
        report(zoe.token(), Map.of("url", PRICING, "title", "Pricing")).expectStatus().isNoContent();

        report(zoe.token(), Map.of("url", "http://acme.example/cart")).expectStatus().isNoContent();

        JsonNode page = currentPage(zoe);
        assertThat(page.get("url").asString()).isEqualTo("http://acme.example/cart");
        assertThat(page.get("title").isNull()).isTrue();
    }

    @Test
    void beforeAnyReportTheSidebarHasNoPage() {
        assertThat(currentPage(zoe).isNull()).isTrue();
    }

    @Test
    void anAgentOutsideTheDepartmentCannotReadIt() {
        report(zoe.token(), Map.of("url", PRICING)).expectStatus().isNoContent();
        String dan = login(new IdentityCast.Agent(dev.parley.conversation.fixtures.Cast.DAN, "Dan", "dan@parley.example",
                "AGENT", dev.parley.conversation.fixtures.Cast.DAN_PASSWORD)).accessToken();

        String body = sidebar(dan, zoe).expectStatus().isForbidden().expectBody(String.class).returnResult().getResponseBody();

        assertThat(body).doesNotContain("pricing");
    }

    @Test
    void aCustomerSetsOnlyTheirOwnPage() {
        report(zoe.token(), Map.of("url", PRICING)).expectStatus().isNoContent();
        Visitor yan = visitor();

        report(yan.token(), Map.of("url", "https://acme.example/returns")).expectStatus().isNoContent();

        assertThat(currentPage(zoe).get("url").asString()).isEqualTo(PRICING);
        assertThat(currentPage(yan).get("url").asString()).isEqualTo("https://acme.example/returns");
    }

    @Test
    void anAgentMayNotReportAPageAndNobodyWithoutAToken() {
        report(login(IdentityCast.BOB).accessToken(), Map.of("url", PRICING)).expectStatus().isForbidden()
                .expectHeader().contentTypeCompatibleWith("application/problem+json")
                .expectBody().jsonPath("$.code").isEqualTo("page.customers_only");
        http.post().uri("/api/v1/widget/page").bodyValue(Map.of("url", PRICING)).exchange().expectStatus().isUnauthorized();
    }

    static Object[][] badPages() {
        return new Object[][] {
                {"a javascript: link", "javascript:alert(document.cookie)", "Home", "url"},
                {"another scheme", "ftp://acme.example/file", "Home", "url"},
                {"a relative URL", "/pricing", "Home", "url"},
                {"no URL", null, "Home", "url"},
                {"a URL past 2,048 characters", "https://acme.example/" + "a".repeat(2048), "Home", "url"},
                {"a title past 300 characters", PRICING, "t".repeat(301), "title"},
                {"a control character in the title", PRICING, "Pricing\u0007", "title"},
        };
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badPages")
    void aBadPageIsAProblemNamingItsFieldAndChangesNothing(String name, String url, String title, String field) {
        report(zoe.token(), Map.of("url", "https://acme.example/", "title", "Home")).expectStatus().isNoContent();
        Map<String, Object> body = new HashMap<>();
        body.put("url", url);
        body.put("title", title);

        report(zoe.token(), body).expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith("application/problem+json")
                .expectBody().jsonPath("$.code").isEqualTo("page.invalid")
                .jsonPath("$.fields." + field).exists();

        assertThat(currentPage(zoe).get("url").asString()).isEqualTo("https://acme.example/");
        assertThat(currentPage(zoe).get("title").asString()).isEqualTo("Home");
    }

    private Visitor visitor() {
        String token = http.post().uri("/api/v1/widget/sessions").header(HttpHeaders.ORIGIN, IdentityCast.ACME.allowedOrigins().get(0))
                .bodyValue(Map.of("inboxKey", IdentityCast.ACME.publicKey())).exchange().expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody().get("token").asString();
        String conversation = http.post().uri("/api/v1/conversations").header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .exchange().expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody()
                .get("id").asString();
        return new Visitor(token, conversation);
    }

    private WebTestClient.ResponseSpec report(String token, Map<String, ?> body) {
        return http.post().uri("/api/v1/widget/page").header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .bodyValue(body).exchange();
    }

    private WebTestClient.ResponseSpec sidebar(String agentToken, Visitor visitor) {
        return http.get().uri("/api/v1/conversations/" + visitor.conversation() + "/customer")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + agentToken).exchange();
    }

    private JsonNode currentPage(Visitor visitor) {
        return sidebar(login(IdentityCast.BOB).accessToken(), visitor).expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody().at("/customer/currentPage");
    }
}
