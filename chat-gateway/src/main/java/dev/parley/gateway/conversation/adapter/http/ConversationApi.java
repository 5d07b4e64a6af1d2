package dev.parley.gateway.conversation.adapter.http;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientRequestException;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.NullNode;

/**
 * conversation-service's REST API, called with the user's own token so that every authorization
 * decision stays there. Answers are returned as JSON trees; refusals become {@link UpstreamProblem}
 * with the problem's {@code code}.
 */
public final class ConversationApi {

    private final WebClient client;
    private final JsonMapper json;
    private final Duration timeout;

    public ConversationApi(WebClient client, JsonMapper json, Duration timeout) {
        this.client = client;
        this.json = json;
        this.timeout = timeout;
    }

    /**
     * Calls {@code method path} (a URI template expanded with {@code variables}) with {@code body}
     * ({@code null}: none) as the user of {@code token}.
     */
    public Mono<JsonNode> call(String token, HttpMethod method, String path, Map<String, ?> variables, Object body) {
        var request = client.method(method).uri(path, variables)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .accept(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON);
        var withBody = body == null ? request : request.contentType(MediaType.APPLICATION_JSON)
                .bodyValue(json.writeValueAsString(body));
        return withBody.exchangeToMono(response -> response.bodyToMono(String.class).defaultIfEmpty("")
                        .map(text -> {
                            int status = response.statusCode().value();
                            if (response.statusCode().isError()) {
                                throw problem(status, text);
                            }
                            return text.isBlank() ? (JsonNode) NullNode.getInstance() : json.readTree(text);
                        }))
                .timeout(timeout)
                .onErrorMap(error -> !(error instanceof UpstreamProblem), ConversationApi::unavailable);
    }

    private UpstreamProblem problem(int status, String text) {
        try {
            JsonNode problem = json.readTree(text);
            String code = problem.path("code").asString(null);
            String detail = problem.path("detail").asString(problem.path("title").asString("refused"));
            return new UpstreamProblem(status, code == null ? "http." + status : code, detail);
        } catch (JacksonException e) {
            return new UpstreamProblem(status, "http." + status, "conversation-service answered " + status);
        }
    }

    private static Throwable unavailable(Throwable error) {
        String why = error instanceof TimeoutException ? "conversation-service did not answer in time"
                : error instanceof WebClientRequestException ? "conversation-service is unreachable"
                : "conversation-service answered unexpectedly";
        return new UpstreamProblem(503, UpstreamProblem.UNAVAILABLE, why);
    }
}
