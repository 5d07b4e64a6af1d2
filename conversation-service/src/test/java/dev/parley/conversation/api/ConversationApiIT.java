package dev.parley.conversation.api;

import static dev.parley.conversation.fixtures.Http.problem;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.parley.conversation.identity.IdentityCast;
import dev.parley.conversation.identity.RunningService;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * One customer and one agent through the public API over real HTTP with real tokens: the
 * journey of the widget and the console, and the refusals on the way.
 */
class ConversationApiIT extends RunningService {

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Session(String token, UUID customerId) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record ConversationView(UUID id, String status, UUID ownerId, long lastSeq) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record MessageView(UUID id, long seq, String kind, String body) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Envelope(long seq, String type) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record EventsPage(List<Envelope> events, long throughSeq, boolean more) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record NewAgent(UUID id) {
    }

    @Test
    void aCustomerAndAnAgentTalkThroughTheApiAndNotesStayWithTheAgents() {
        String alice = customerOf(IdentityCast.ACME).token();
        String dave = supportAgentNamed("Dave");

        ConversationView started = http.post().uri("/api/v1/conversations").header(HttpHeaders.AUTHORIZATION, bearer(alice))
                .exchange().expectStatus().isCreated().expectBody(ConversationView.class).returnResult().getResponseBody();
        assertThat(started.status()).isEqualTo("QUEUED");
        String conversation = "/api/v1/conversations/" + started.id();

        MessageView first = send(alice, conversation, Map.of("clientMsgId", "c-1", "body", "Where is my order?"))
                .expectStatus().isCreated().expectBody(MessageView.class).returnResult().getResponseBody();
        MessageView retried = send(alice, conversation, Map.of("clientMsgId", "c-1", "body", "Where is my order?"))
                .expectStatus().isOk().expectBody(MessageView.class).returnResult().getResponseBody();
        assertThat(retried.id()).isEqualTo(first.id());

        ConversationView accepted = post(dave, conversation + "/accept").expectStatus().isOk()
                .expectBody(ConversationView.class).returnResult().getResponseBody();
        assertThat(accepted.status()).isEqualTo("ACTIVE");
        MessageView note = send(dave, conversation, Map.of("clientMsgId", "n-1", "body", "VIP", "kind", "NOTE"))
                .expectStatus().isCreated().expectBody(MessageView.class).returnResult().getResponseBody();
        send(dave, conversation, Map.of("clientMsgId", "d-1", "body", "It ships today!")).expectStatus().isCreated();

        EventsPage seenByAlice = http.get().uri(conversation + "/events?since=0").header(HttpHeaders.AUTHORIZATION, bearer(alice))
                .exchange().expectStatus().isOk().expectBody(EventsPage.class).returnResult().getResponseBody();
        assertThat(seenByAlice.events()).extracting(Envelope::seq).doesNotContain(note.seq());
        assertThat(seenByAlice.throughSeq()).isGreaterThan(note.seq());
        http.get().uri(conversation + "/messages").header(HttpHeaders.AUTHORIZATION, bearer(alice)).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.messages[*].body").value(bodies ->
                        assertThat(bodies.toString()).contains("It ships today!").doesNotContain("VIP"));

        post(dave, conversation + "/resolve").expectStatus().isOk();
        send(alice, conversation, Map.of("clientMsgId", "c-2", "body", "One more thing")).expectStatus().isCreated();
        http.get().uri(conversation).header(HttpHeaders.AUTHORIZATION, bearer(alice)).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.conversation.status").isEqualTo("QUEUED");
    }

    @Test
    void refusalsAreProblemsWithStableCodesAndChangeNothing() {
        String alice = customerOf(IdentityCast.ACME).token();
        String erin = customerOf(IdentityCast.GLOBEX).token();
        ConversationView started = http.post().uri("/api/v1/conversations").header(HttpHeaders.AUTHORIZATION, bearer(alice))
                .exchange().expectStatus().isCreated().expectBody(ConversationView.class).returnResult().getResponseBody();
        String conversation = "/api/v1/conversations/" + started.id();

        problem(http.post().uri("/api/v1/conversations").exchange(), HttpStatus.UNAUTHORIZED, "auth.token_missing");
        problem(send(alice, conversation, Map.of("clientMsgId", "e-1", "body", " ")), HttpStatus.BAD_REQUEST, "message.empty")
                .jsonPath("$.fields.body").exists();
        problem(http.get().uri(conversation).header(HttpHeaders.AUTHORIZATION, bearer(erin)).exchange(),
                HttpStatus.NOT_FOUND, "conversation.not_found");
        problem(post(alice, conversation + "/accept"), HttpStatus.FORBIDDEN, "conversation.action_not_allowed");
        problem(http.get().uri("/internal/v1/queue?department=" + IdentityCast.SUPPORT)
                .header(HttpHeaders.AUTHORIZATION, bearer(alice)).exchange(), HttpStatus.FORBIDDEN, "auth.forbidden");
        http.post().uri(conversation + "/messages").header(HttpHeaders.AUTHORIZATION, bearer(alice))
                .header(HttpHeaders.CONTENT_TYPE, "application/json").bodyValue("{\"clientMsgId\": ")
                .exchange().expectStatus().isBadRequest();

        http.get().uri(conversation).header(HttpHeaders.AUTHORIZATION, bearer(alice)).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.conversation.lastSeq").isEqualTo(started.lastSeq());
    }

    /** Regression: a request without {@code team} was a 400, Jackson 3 refusing a missing primitive. */
    @Test
    void anAgentSavesAPersonalCannedReplyWithoutSayingItIsNotTheTeams() {
        String dave = supportAgentNamed("Dave");

        http.post().uri("/api/v1/canned-replies").header(HttpHeaders.AUTHORIZATION, bearer(dave))
                .bodyValue(Map.of("shortcut", "ships", "body", "It ships today, {customer.name}."))
                .exchange().expectStatus().isCreated().expectBody().jsonPath("$.shortcut").isEqualTo("ships");
    }

    private Session customerOf(IdentityCast.Inbox inbox) {
        return http.post().uri("/api/v1/widget/sessions")
                .header(HttpHeaders.ORIGIN, inbox.allowedOrigins().isEmpty() ? "https://any.example" : inbox.allowedOrigins().get(0))
                .bodyValue(Map.of("inboxKey", inbox.publicKey()))
                .exchange().expectStatus().is2xxSuccessful().expectBody(Session.class).returnResult().getResponseBody();
    }

    /** An admin creates a support agent through the API, sets their password; the agent logs in and goes online. */
    private String supportAgentNamed(String name) {
        String ada = login(IdentityCast.ADA).accessToken();
        String email = name.toLowerCase() + "-" + UUID.randomUUID() + "@parley.example";
        NewAgent created = http.post().uri("/api/v1/admin/agents").header(HttpHeaders.AUTHORIZATION, bearer(ada))
                .bodyValue(Map.of("name", name, "email", email, "departmentIds", List.of(IdentityCast.SUPPORT)))
                .exchange().expectStatus().isCreated().expectBody(NewAgent.class).returnResult().getResponseBody();
        String password = name + "-long-enough-password";
        http.put().uri("/api/v1/agents/" + created.id() + "/password").header(HttpHeaders.AUTHORIZATION, bearer(ada))
                .bodyValue(Map.of("password", password)).exchange().expectStatus().is2xxSuccessful();
        String token = login(new IdentityCast.Agent(created.id(), name, email, "AGENT", password)).accessToken();
        http.put().uri("/api/v1/agents/" + created.id() + "/status").header(HttpHeaders.AUTHORIZATION, bearer(token))
                .bodyValue(Map.of("status", "ONLINE")).exchange().expectStatus().isOk();
        return token;
    }

    private WebTestClient.ResponseSpec send(String token, String conversation, Map<String, String> body) {
        return http.post().uri(conversation + "/messages").header(HttpHeaders.AUTHORIZATION, bearer(token))
                .bodyValue(body).exchange();
    }

    private WebTestClient.ResponseSpec post(String token, String uri) {
        return http.post().uri(uri).header(HttpHeaders.AUTHORIZATION, bearer(token)).exchange();
    }


    private static String bearer(String token) {
        return "Bearer " + token;
    }
}
