package dev.parley.gateway.socket.adapter.ws;

import java.util.List;
import java.util.function.Function;
import org.springframework.http.HttpMethod;
import tools.jackson.databind.JsonNode;

/**
 * One client command and the conversation-service call it becomes.
 *
 * @param method      the HTTP method
 * @param path        URI template; each {@code {name}} is a required field of the frame
 * @param queryFields optional frame fields passed as query parameters when present
 * @param body        the request body built from the frame, or {@code null} for none
 */
record Command(HttpMethod method, String path, List<String> queryFields, Function<JsonNode, Object> body) {

    static Command of(HttpMethod method, String path) {
        return new Command(method, path, List.of(), null);
    }

    Command query(String... fields) {
        return new Command(method, path, List.of(fields), body);
    }

    Command body(Function<JsonNode, Object> requestBody) {
        return new Command(method, path, queryFields, requestBody);
    }
}
