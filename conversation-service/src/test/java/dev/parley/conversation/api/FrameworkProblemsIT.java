package dev.parley.conversation.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.conversation.identity.IdentityCast;
import dev.parley.conversation.identity.RunningService;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Issue 15, defect 8b: requests WebFlux refuses before a controller decides (an unreadable body, a
 * malformed path id, a missing or mistyped parameter) came back as problems without Parley's
 * {@code code}, so clients (and the gateway, which said {@code http.400}) could not tell them apart.
 */
class FrameworkProblemsIT extends RunningService {

    record Refusal(String name, Function<Calls, WebTestClient.RequestHeadersSpec<?>> request, int status, String code) {
        @Override
        public String toString() {
            return name;
        }
    }

    /** The calls, with an admin's token where the endpoint needs one. */
    record Calls(WebTestClient http, String token) {
        WebTestClient.RequestHeadersSpec<?> get(String uri) {
            return http.get().uri(uri).header(HttpHeaders.AUTHORIZATION, "Bearer " + token);
        }
    }

    static Stream<Arguments> refusals() {
        return Stream.of(
                new Refusal("an unreadable JSON body", calls -> calls.http().post().uri("/api/v1/auth/login")
                        .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"email\": \"ada@"), 400, "request.body_unreadable"),
                new Refusal("a malformed UUID in the path", calls -> calls.get("/api/v1/conversations/not-a-uuid"),
                        400, "request.parameter_invalid"),
                new Refusal("a missing required query parameter", calls -> calls.get("/api/v1/reports/agents?to=2026-01-01T00:00:00Z"),
                        400, "request.parameter_missing"),
                new Refusal("a query parameter of the wrong type", calls -> calls.get("/api/v1/conversations?limit=many"),
                        400, "request.parameter_invalid"),
                new Refusal("a body of an unsupported media type", calls -> calls.http().post().uri("/api/v1/auth/login")
                        .contentType(MediaType.TEXT_PLAIN).bodyValue("ada"), 415, "request.media_type_unsupported"),
                new Refusal("a method the path does not take", calls -> calls.http().delete().uri("/api/v1/auth/me")
                        .header(HttpHeaders.AUTHORIZATION, "Bearer " + calls.token()),
                        405, "request.method_not_allowed")
        ).map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusals")
    void aFrameworkRefusalIsAProblemWithAStableCode(Refusal refusal) {
        var calls = new Calls(http, login(IdentityCast.ADA).accessToken());

        Map<String, Object> problem = refusal.request().apply(calls).exchange()
                .expectStatus().isEqualTo(refusal.status())
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(new org.springframework.core.ParameterizedTypeReference<Map<String, Object>>() { }).returnResult().getResponseBody();

        assertThat(problem).containsEntry("status", refusal.status()).containsEntry("code", refusal.code())
                .containsEntry("type", "https://parley.dev/problems/" + refusal.code());
    }
}
