package dev.parley.conversation.directory;

import static dev.parley.conversation.fixtures.Http.problem;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.parley.conversation.identity.IdentityCast;
import dev.parley.conversation.identity.RunningService;
import dev.parley.conversation.fixtures.Http;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The canned-reply and FAQ admin screens' API over real HTTP on a real PostgreSQL: team replies
 * are admins', personal ones their owner's alone; FAQ entries and the "try a question" match are
 * admins'; refusals name the field.
 */
class CannedAndFaqAdminIT extends RunningService {

    private static final String FAQ = "/api/v1/admin/inboxes/" + IdentityCast.ACME.id() + "/faq";
    private static final String ANY_ID = "0190aaaa-0000-7000-8000-000000000001";

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Reply(UUID id, String shortcut, String body, UUID ownerId, UUID departmentId) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Entry(UUID id, String question, String answer) {
    }

    @BeforeEach
    void startEmpty() {
        store.clearCannedRepliesAndFaq();
    }

    static Stream<Arguments> adminEndpoints() {
        return Stream.of(
                Arguments.of(HttpMethod.GET, "/api/v1/admin/canned-replies", null),
                Arguments.of(HttpMethod.POST, "/api/v1/canned-replies", Map.of("shortcut", "team", "body", "x", "team", true)),
                Arguments.of(HttpMethod.GET, FAQ, null),
                Arguments.of(HttpMethod.POST, FAQ, Map.of("question", "Q?", "answer", "A.")),
                Arguments.of(HttpMethod.PUT, FAQ + "/" + ANY_ID, Map.of("question", "Q?", "answer", "A.")),
                Arguments.of(HttpMethod.DELETE, FAQ + "/" + ANY_ID, null),
                Arguments.of(HttpMethod.POST, FAQ + "/match", Map.of("question", "how long does shipping take")));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("adminEndpoints")
    void anAgentIsRefusedEveryAdminEndpoint(HttpMethod method, String path, Map<String, Object> body) {
        String bob = login(IdentityCast.BOB).accessToken();

        problem(call(bob, method, path, body), HttpStatus.FORBIDDEN, "directory.admin_only");
        assertThat(call(login(IdentityCast.ADA).accessToken(), HttpMethod.GET, FAQ, null).expectStatus().isOk()
                .expectBodyList(Entry.class).returnResult().getResponseBody()).as("nothing was written").isEmpty();
    }

    static Stream<Arguments> invalidRequests() {
        return Stream.of(
                Arguments.of(HttpMethod.POST, "/api/v1/canned-replies", Map.of("shortcut", "Bad shortcut!", "body", "x", "team", true), "shortcut"),
                Arguments.of(HttpMethod.POST, "/api/v1/canned-replies", Map.of("shortcut", "empty", "body", " ", "team", true), "body"),
                Arguments.of(HttpMethod.POST, "/api/v1/canned-replies",
                        Map.of("shortcut", "nowhere", "body", "x", "team", true, "departmentId", UUID.randomUUID()), "departmentId"),
                Arguments.of(HttpMethod.POST, FAQ, Map.of("question", "", "answer", "A."), "question"),
                Arguments.of(HttpMethod.POST, FAQ, Map.of("question", "Q?", "answer", "a".repeat(4001)), "answer"),
                Arguments.of(HttpMethod.POST, FAQ + "/match", Map.of("question", "  "), "question"));
    }

    @ParameterizedTest(name = "{0} {1} → {3}")
    @MethodSource("invalidRequests")
    void aValidationErrorIsAProblemNamingTheField(HttpMethod method, String path, Map<String, Object> body, String field) {
        String ada = login(IdentityCast.ADA).accessToken();

        call(ada, method, path, body)
                .expectStatus().isEqualTo(field.equals("departmentId") ? HttpStatus.NOT_FOUND : HttpStatus.BAD_REQUEST)
                .expectHeader().contentType("application/problem+json")
                .expectBody().jsonPath("$.code").isNotEmpty().jsonPath("$.fields." + field).isNotEmpty();
        assertThat(call(ada, HttpMethod.GET, "/api/v1/admin/canned-replies", null).expectStatus().isOk()
                .expectBodyList(Reply.class).returnResult().getResponseBody()).as("nothing was written").isEmpty();
    }

    @Test
    void anAdminKeepsTeamRepliesOfAnyDepartmentAndEditsThem() {
        String ada = login(IdentityCast.ADA).accessToken();
        Reply everyone = create(ada, Map.of("shortcut", "/hello", "body", "Hello {customer.name}", "team", true));
        Reply support = create(ada, Map.of("shortcut", "refund", "body", "Refunds take 5 days", "team", true,
                "departmentId", IdentityCast.SUPPORT));

        Reply edited = call(ada, HttpMethod.PUT, "/api/v1/canned-replies/" + support.id(),
                Map.of("shortcut", "refunds", "body", "Refunds take 3 days", "departmentId", IdentityCast.SUPPORT))
                .expectStatus().isOk().expectBody(Reply.class).returnResult().getResponseBody();

        assertThat(edited.shortcut()).isEqualTo("refunds");
        assertThat(call(ada, HttpMethod.GET, "/api/v1/admin/canned-replies", null).expectStatus().isOk()
                .expectBodyList(Reply.class).returnResult().getResponseBody())
                .extracting(Reply::shortcut, Reply::body, Reply::departmentId)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("hello", "Hello {customer.name}", null),
                        org.assertj.core.groups.Tuple.tuple("refunds", "Refunds take 3 days", IdentityCast.SUPPORT));
        Reply late = create(ada, Map.of("shortcut", "late", "body", "Sorry for the wait", "team", true,
                "departmentId", IdentityCast.SUPPORT));
        problem(call(ada, HttpMethod.PUT, "/api/v1/canned-replies/" + late.id(),
                Map.of("shortcut", "refunds", "body", "clash", "departmentId", IdentityCast.SUPPORT)), HttpStatus.BAD_REQUEST,
                "canned.invalid").jsonPath("$.fields.shortcut").isNotEmpty();
        call(ada, HttpMethod.DELETE, "/api/v1/canned-replies/" + late.id(), null).expectStatus().isOk();
        String bob = login(IdentityCast.BOB).accessToken();
        problem(call(bob, HttpMethod.PUT, "/api/v1/canned-replies/" + everyone.id(), Map.of("shortcut", "hello", "body", "mine now")),
                HttpStatus.NOT_FOUND, "canned.not_found");
        problem(call(bob, HttpMethod.DELETE, "/api/v1/canned-replies/" + everyone.id(), null), HttpStatus.NOT_FOUND, "canned.not_found");
        call(ada, HttpMethod.DELETE, "/api/v1/canned-replies/" + everyone.id(), null).expectStatus().isOk();
    }

    @Test
    void aPersonalReplyIsItsOwnersAloneAdminsIncluded() {
        String bob = login(IdentityCast.BOB).accessToken();
        String carol = login(IdentityCast.CAROL).accessToken();
        String ada = login(IdentityCast.ADA).accessToken();
        Reply mine = create(bob, Map.of("shortcut", "sig", "body", "Bob, Acme support"));

        for (String other : List.of(carol, ada)) {
            problem(call(other, HttpMethod.PUT, "/api/v1/canned-replies/" + mine.id(), Map.of("shortcut", "sig", "body", "taken over")),
                    HttpStatus.NOT_FOUND, "canned.not_found");
            problem(call(other, HttpMethod.DELETE, "/api/v1/canned-replies/" + mine.id(), null), HttpStatus.NOT_FOUND, "canned.not_found");
            assertThat(available(other)).extracting(Reply::id).doesNotContain(mine.id());
        }
        assertThat(call(ada, HttpMethod.GET, "/api/v1/admin/canned-replies", null).expectStatus().isOk()
                .expectBodyList(Reply.class).returnResult().getResponseBody()).as("team replies only").isEmpty();

        call(bob, HttpMethod.PUT, "/api/v1/canned-replies/" + mine.id(), Map.of("shortcut", "sig", "body", "Bob, Acme"))
                .expectStatus().isOk();
        assertThat(available(bob)).extracting(Reply::body).containsExactly("Bob, Acme");
        call(bob, HttpMethod.DELETE, "/api/v1/canned-replies/" + mine.id(), null).expectStatus().isOk();
        assertThat(available(bob)).isEmpty();
    }

    @Test
    void tryingAQuestionShowsTheEntryTheBotWouldPickAndChangesNothing() {
        String ada = login(IdentityCast.ADA).accessToken();
        Entry shipping = call(ada, HttpMethod.POST, FAQ, Map.of("question", "How long does shipping take?",
                        "answer", "Three to five working days.", "keywords", List.of("delivery", "shipping")))
                .expectStatus().isCreated().expectBody(Entry.class).returnResult().getResponseBody();
        call(ada, HttpMethod.POST, FAQ, Map.of("question", "How do I reset my password?", "answer", "Use the sign-in page's link."))
                .expectStatus().isCreated();

        call(ada, HttpMethod.POST, FAQ + "/match", Map.of("question", "how long will delivery take"))
                .expectStatus().isOk().expectBody()
                .jsonPath("$.reply.answered.id").isEqualTo(shipping.id().toString())
                .jsonPath("$.reply.text").isEqualTo("Three to five working days.")
                .jsonPath("$.ranked[0].entry.id").isEqualTo(shipping.id().toString())
                .jsonPath("$.ranked[0].score").value(score -> assertThat(((Number) score).doubleValue()).isGreaterThanOrEqualTo(0.5))
                .jsonPath("$.confidenceThreshold").isEqualTo(0.5);
        call(ada, HttpMethod.POST, FAQ + "/match", Map.of("question", "tell me about your company history"))
                .expectStatus().isOk().expectBody()
                .jsonPath("$.reply.answered").doesNotExist()
                .jsonPath("$.reply.quickReplies[-1:]").isEqualTo("Talk to an agent");

        problem(call(ada, HttpMethod.PUT, "/api/v1/admin/inboxes/" + IdentityCast.GLOBEX.id() + "/faq/" + shipping.id(),
                Map.of("question", "Hijacked?", "answer", "From another inbox.")), HttpStatus.NOT_FOUND, "faq.not_found");
        assertThat(call(ada, HttpMethod.GET, FAQ, null).expectStatus().isOk().expectBodyList(Entry.class).returnResult()
                .getResponseBody()).extracting(Entry::question)
                .containsExactly("How long does shipping take?", "How do I reset my password?");
    }

    private Reply create(String token, Map<String, Object> body) {
        return call(token, HttpMethod.POST, "/api/v1/canned-replies", body).expectStatus().isCreated()
                .expectBody(Reply.class).returnResult().getResponseBody();
    }

    private List<Reply> available(String token) {
        return call(token, HttpMethod.GET, "/api/v1/canned-replies", null).expectStatus().isOk()
                .expectBodyList(Reply.class).returnResult().getResponseBody();
    }

    private WebTestClient.ResponseSpec call(String token, HttpMethod method, String path, Map<String, ?> body) {
        return Http.call(http, token, method, path, body);
    }

}
