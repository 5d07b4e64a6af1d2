package dev.parley.conversation.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.conversation.identity.IdentityCast;
import dev.parley.conversation.identity.RunningService;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 16, A: the OpenAPI description at {@code /v3/api-docs} said "200 OK" of {@code *}{@code /*}
 * for every operation, creates included, and named no error. It is checked here against the
 * running service: its shape, and what each operation really answers.
 */
class OpenApiIT extends RunningService {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String PROBLEM = "#/components/schemas/Problem";

    /** One operation of the description. */
    record Operation(String method, String path, JsonNode spec) {
        Set<String> statuses() {
            Set<String> statuses = new TreeSet<>();
            spec.get("responses").propertyNames().forEach(statuses::add);
            return statuses;
        }

        Set<String> successes() {
            Set<String> successes = new TreeSet<>(statuses());
            successes.removeIf(status -> !status.startsWith("2"));
            return successes;
        }

        boolean takesABody() {
            return spec.has("requestBody");
        }

        /** Only the JWKS takes nothing and needs no token: nothing of the request can be refused. */
        boolean takesInput() {
            return takesABody() || spec.path("parameters").size() > 0;
        }

        boolean secured(JsonNode description) {
            return spec.has("security") ? spec.get("security").size() > 0 : description.path("security").size() > 0;
        }

        boolean multipart() {
            return takesABody() && spec.get("requestBody").get("content").has(MediaType.MULTIPART_FORM_DATA_VALUE);
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    private JsonNode description;
    private List<Operation> operations;

    @BeforeEach
    void readTheDescription() {
        String body = http.get().uri("/v3/api-docs").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        description = JSON.readTree(body);
        operations = new ArrayList<>();
        description.get("paths").properties().forEach(path -> path.getValue().properties().forEach(method ->
                operations.add(new Operation(method.getKey().toUpperCase(), path.getKey(), method.getValue()))));
        assertThat(operations).hasSizeGreaterThan(60);
    }

    @Test
    void theProblemSchemaHoldsEveryMemberAProblemOfOursHas() {
        JsonNode problem = description.at("/components/schemas/Problem/properties");

        assertThat(problem.propertyNames()).contains("type", "title", "status", "detail", "code", "fields");
        assertThat(problem.at("/fields/additionalProperties/type").asString()).isEqualTo("string");
    }

    @Test
    void everyOperationListsRealStatusesItsSuccessAsJsonAndItsRefusalsAsProblems() {
        var softly = new SoftAssertions();
        for (Operation operation : operations) {
            JsonNode responses = operation.spec().get("responses");
            softly.assertThat(operation.successes()).as("%s succeeds", operation).isNotEmpty();
            if (operation.takesInput() || operation.secured(description)) {
                softly.assertThat(operation.statuses()).as("%s has a 4xx", operation).anyMatch(status -> status.startsWith("4"));
            }
            for (String status : operation.statuses()) {
                softly.assertThat(status).as("%s %s", operation, status).matches("[1-5][0-9][0-9]");
                softly.assertThat(HttpStatus.resolve(Integer.parseInt(status.replaceAll("\\D", "0"))))
                        .as("%s %s is an HTTP status", operation, status).isNotNull();
                JsonNode content = responses.get(status).get("content");
                if (status.startsWith("4") || status.startsWith("5")) {
                    softly.assertThat(content == null ? Set.of() : content.propertyNames())
                            .as("%s %s", operation, status).containsExactly("application/problem+json");
                    softly.assertThat(responses.at("/" + status + "/content/application~1problem+json/schema/$ref").asString())
                            .as("%s %s", operation, status).isEqualTo(PROBLEM);
                } else if (status.equals("204")) {
                    softly.assertThat(content).as("%s 204 has no body", operation).isNull();
                } else if (content != null && !operation.path().endsWith("/content")) {
                    softly.assertThat(content.propertyNames()).as("%s %s", operation, status).containsExactly("application/json");
                }
            }
            if (operation.takesABody()) {
                softly.assertThat(operation.statuses()).as("%s takes a body", operation).contains("400", "415");
            }
        }
        softly.assertAll();
    }

    /**
     * An operation the document marks open ({@code security: []}) may still answer 401 for its own
     * reasons (wrong credentials, a provider's token that fails a check), which it documents; every
     * other one answers 401 without a token.
     */
    @Test
    void withoutATokenEveryOperationThatNeedsOneAnswers401AndEveryAnswerIsDocumented() {
        var softly = new SoftAssertions();
        for (Operation operation : operations) {
            int status = call(operation, null);
            JsonNode security = operation.spec().get("security");
            boolean open = security != null && security.isArray() && security.isEmpty();
            if (!open) {
                softly.assertThat(status).as("%s needs a token; documented %s", operation, operation.statuses()).isEqualTo(401);
                softly.assertThat(operation.statuses()).as("%s needs a token", operation).contains("401");
            }
            softly.assertThat(operation.statuses()).as("%s answered %d", operation, status).contains(Integer.toString(status));
        }
        softly.assertAll();
    }

    @Test
    void asAnAdminWithIdsThatNameNothingEveryOperationAnswersAStatusItDocuments() {
        String admin = login(IdentityCast.ADA).accessToken();
        var softly = new SoftAssertions();
        for (Operation operation : operations) {
            int status = call(operation, admin);
            softly.assertThat(operation.statuses()).as("%s answered %d", operation, status).contains(Integer.toString(status));
        }
        softly.assertAll();
    }

    @Test
    void createsAnswer201AndTheOtherWritesTheSuccessTheyDocument() {
        String admin = bearer(login(IdentityCast.ADA).accessToken());
        String customer = bearer(customerToken());

        var department = http.post().uri("/api/v1/admin/departments").header(HttpHeaders.AUTHORIZATION, admin)
                .bodyValue(Map.of("name", "Billing " + UUID.randomUUID())).exchange().expectBody(JsonNode.class).returnResult();
        assertDocumented(department.getStatus().value(), "POST", "/api/v1/admin/departments", 201);
        String departmentId = department.getResponseBody().get("id").asString();
        int deleted = http.delete().uri("/api/v1/admin/departments/" + departmentId).header(HttpHeaders.AUTHORIZATION, admin)
                .exchange().expectBody().returnResult().getStatus().value();
        assertDocumented(deleted, "DELETE", "/api/v1/admin/departments/{departmentId}", 204);

        var conversation = http.post().uri("/api/v1/conversations").header(HttpHeaders.AUTHORIZATION, customer)
                .exchange().expectBody(JsonNode.class).returnResult();
        assertDocumented(conversation.getStatus().value(), "POST", "/api/v1/conversations", 201);
        String messages = "/api/v1/conversations/" + conversation.getResponseBody().get("id").asString() + "/messages";
        Map<String, String> message = Map.of("clientMsgId", UUID.randomUUID().toString(), "body", "Where is my parcel?");
        int sent = http.post().uri(messages).header(HttpHeaders.AUTHORIZATION, customer).bodyValue(message).exchange()
                .expectBody().returnResult().getStatus().value();
        int resent = http.post().uri(messages).header(HttpHeaders.AUTHORIZATION, customer).bodyValue(message).exchange()
                .expectBody().returnResult().getStatus().value();
        assertThat(sent).isEqualTo(201);
        assertThat(resent).isEqualTo(200);
        assertThat(operation("POST", "/api/v1/conversations/{conversationId}/messages").successes()).containsExactly("200", "201");

        int canned = http.post().uri("/api/v1/canned-replies").header(HttpHeaders.AUTHORIZATION, admin)
                .bodyValue(Map.of("shortcut", "hello", "body", "Hello!")).exchange().expectBody().returnResult().getStatus().value();
        assertDocumented(canned, "POST", "/api/v1/canned-replies", 201);
        int faq = http.post().uri("/api/v1/admin/inboxes/" + IdentityCast.ACME.id() + "/faq").header(HttpHeaders.AUTHORIZATION, admin)
                .bodyValue(Map.of("question", "Do you ship abroad?", "answer", "Yes.", "keywords", List.of("ship")))
                .exchange().expectBody().returnResult().getStatus().value();
        assertDocumented(faq, "POST", "/api/v1/admin/inboxes/{inboxId}/faq", 201);
        int profile = http.post().uri("/api/v1/widget/profile").header(HttpHeaders.AUTHORIZATION, customer)
                .bodyValue(Map.of("name", "Zoe")).exchange().expectBody().returnResult().getStatus().value();
        assertDocumented(profile, "POST", "/api/v1/widget/profile", 204);
    }

    private void assertDocumented(int actual, String method, String path, int expected) {
        assertThat(actual).as("%s %s answered", method, path).isEqualTo(expected);
        assertThat(operation(method, path).successes()).as("%s %s documents", method, path)
                .containsExactly(Integer.toString(expected));
    }

    private Operation operation(String method, String path) {
        return operations.stream().filter(o -> o.method().equals(method) && o.path().equals(path)).findFirst().orElseThrow();
    }

    /** The operation called with ids that name nothing and, where it takes one, an empty JSON body. */
    private int call(Operation operation, String token) {
        Map<String, Object> variables = new HashMap<>();
        for (JsonNode parameter : operation.spec().path("parameters")) {
            if (parameter.get("in").asString().equals("path")) {
                String name = parameter.get("name").asString();
                variables.put(name, switch (name) {
                    case "action" -> "resolve";
                    case "groupBy" -> "agents";
                    case "emoji" -> "👍";
                    case "shortcut" -> "nothing-here";
                    case "publicKey" -> "no-such-key";
                    default -> UUID.randomUUID();
                });
            }
        }
        var request = http.method(HttpMethod.valueOf(operation.method())).uri(operation.path(), variables);
        if (token != null) {
            request.header(HttpHeaders.AUTHORIZATION, bearer(token));
        }
        WebTestClient.RequestHeadersSpec<?> ready = operation.takesABody() && !operation.multipart()
                ? request.contentType(MediaType.APPLICATION_JSON).bodyValue("{}") : request;
        return ready.exchange().expectBody().returnResult().getStatus().value();
    }

    private String customerToken() {
        return http.post().uri("/api/v1/widget/sessions").header(HttpHeaders.ORIGIN, IdentityCast.ACME.allowedOrigins().get(0))
                .bodyValue(Map.of("inboxKey", IdentityCast.ACME.publicKey())).exchange().expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody().get("token").asString();
    }

    private static String bearer(String token) {
        return "Bearer " + token;
    }
}
