package dev.parley.gateway.conversation.adapter.http;

import dev.parley.gateway.conversation.application.ConversationCommand;
import dev.parley.gateway.conversation.application.ConversationCommand.Agents;
import dev.parley.gateway.conversation.application.ConversationCommand.Change;
import dev.parley.gateway.conversation.application.ConversationCommand.ChangeStatus;
import dev.parley.gateway.conversation.application.ConversationCommand.Delete;
import dev.parley.gateway.conversation.application.ConversationCommand.Edit;
import dev.parley.gateway.conversation.application.ConversationCommand.EventsSince;
import dev.parley.gateway.conversation.application.ConversationCommand.History;
import dev.parley.gateway.conversation.application.ConversationCommand.ListConversations;
import dev.parley.gateway.conversation.application.ConversationCommand.Open;
import dev.parley.gateway.conversation.application.ConversationCommand.React;
import dev.parley.gateway.conversation.application.ConversationCommand.Read;
import dev.parley.gateway.conversation.application.ConversationCommand.Send;
import dev.parley.gateway.conversation.application.ConversationCommand.Start;
import dev.parley.gateway.conversation.application.ConversationCommand.Transfer;
import dev.parley.gateway.conversation.application.ConversationRefusal;
import dev.parley.gateway.conversation.application.Conversations;
import dev.parley.gateway.conversation.application.RawJson;
import java.time.Duration;
import java.util.LinkedHashMap;
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

/**
 * {@link Conversations} over conversation-service's REST API ({@code docs/protocol.md} maps each
 * command to its endpoint). Bodies go out as JSON and answers come back as bytes, unparsed; a
 * problem answer becomes a {@link ConversationRefusal} with the problem's {@code code}.
 */
public final class HttpConversations implements Conversations {

    private static final String CONVERSATIONS = "/api/v1/conversations";
    private static final String ONE = CONVERSATIONS + "/{id}";
    private static final String MESSAGE = ONE + "/messages/{messageId}";

    private final WebClient client;
    private final JsonMapper json;
    private final Duration timeout;

    public HttpConversations(WebClient client, JsonMapper json, Duration timeout) {
        this.client = client;
        this.json = json;
        this.timeout = timeout;
    }

    /** One HTTP request: method, URI template, its variables, and the JSON body ({@code null}: none). */
    private record Request(HttpMethod method, String template, Map<String, Object> variables, Object body) {
    }

    @Override
    public Mono<RawJson> call(String token, ConversationCommand command) {
        Request request = requestFor(command);
        var spec = client.method(request.method()).uri(request.template(), request.variables())
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .accept(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON);
        var withBody = request.body() == null ? spec
                : spec.contentType(MediaType.APPLICATION_JSON).bodyValue(json.writeValueAsBytes(request.body()));
        return withBody.exchangeToMono(response -> response.bodyToMono(byte[].class).defaultIfEmpty(new byte[0])
                        .map(bytes -> {
                            if (response.statusCode().isError()) {
                                throw problem(response.statusCode().value(), bytes);
                            }
                            return bytes.length == 0 ? RawJson.NULL : new RawJson(bytes);
                        }))
                .timeout(timeout)
                .onErrorMap(error -> !(error instanceof ConversationRefusal), HttpConversations::unavailable);
    }

    private static Request requestFor(ConversationCommand command) {
        if (command instanceof Start) {
            return request(HttpMethod.POST, CONVERSATIONS, null);
        }
        if (command instanceof ListConversations list) {
            return request(HttpMethod.GET, CONVERSATIONS, null,
                    "view", list.view(), "department", list.department(), "cursor", list.cursor(), "limit", list.limit());
        }
        if (command instanceof Open open) {
            return request(HttpMethod.GET, ONE, null, "id", open.conversationId());
        }
        if (command instanceof Change change) {
            return request(HttpMethod.POST, ONE + "/" + change.move().path(), null,
                    "id", change.conversationId());
        }
        if (command instanceof Transfer transfer) {
            return request(HttpMethod.POST, ONE + "/transfer",
                    fields("agentId", transfer.agentId(), "departmentId", transfer.departmentId()),
                    "id", transfer.conversationId());
        }
        if (command instanceof Send send) {
            return request(HttpMethod.POST, ONE + "/messages",
                    fields("clientMsgId", send.clientMsgId(), "body", send.body(), "kind", send.kind(),
                            "replyTo", send.replyTo(), "attachmentIds", send.attachmentIds()),
                    "id", send.conversationId());
        }
        if (command instanceof Edit edit) {
            return request(HttpMethod.PATCH, MESSAGE, fields("body", edit.body()),
                    "id", edit.conversationId(), "messageId", edit.messageId());
        }
        if (command instanceof Delete delete) {
            return request(HttpMethod.DELETE, MESSAGE, null,
                    "id", delete.conversationId(), "messageId", delete.messageId());
        }
        if (command instanceof React react) {
            return request(react.add() ? HttpMethod.PUT : HttpMethod.DELETE, MESSAGE + "/reactions/{emoji}",
                    null, "id", react.conversationId(), "messageId", react.messageId(), "emoji", react.emoji());
        }
        if (command instanceof Read read) {
            return request(HttpMethod.POST, ONE + "/read",
                    fields("lastDeliveredSeq", read.lastDeliveredSeq(), "lastReadSeq", read.lastReadSeq()),
                    "id", read.conversationId());
        }
        if (command instanceof History history) {
            return request(HttpMethod.GET, ONE + "/messages", null, "id", history.conversationId(),
                    "before", history.before(), "after", history.after(), "limit", history.limit());
        }
        if (command instanceof EventsSince events) {
            return request(HttpMethod.GET, ONE + "/events", null, "id", events.conversationId(),
                    "since", events.since(), "limit", events.limit());
        }
        if (command instanceof ChangeStatus status) {
            return request(HttpMethod.PUT, "/api/v1/agents/{agentId}/status",
                    fields("status", status.status()), "agentId", status.agentId());
        }
        if (command instanceof Agents) {
            return request(HttpMethod.GET, "/api/v1/agents", null);
        }
        throw new IllegalArgumentException("no request for " + command);
    }

    /**
     * {@code path}'s own variables, then the rest as query parameters: those that are present.
     * Values are expanded (and encoded) by the client, never pasted into the path.
     */
    private static Request request(HttpMethod method, String path, Object body, Object... namesAndValues) {
        Map<String, Object> variables = new LinkedHashMap<>();
        StringBuilder template = new StringBuilder(path);
        char separator = '?';
        for (int i = 0; i < namesAndValues.length; i += 2) {
            String name = (String) namesAndValues[i];
            Object value = namesAndValues[i + 1];
            if (value == null) {
                continue;
            }
            if (!path.contains("{" + name + "}")) {
                template.append(separator).append(name).append("={").append(name).append('}');
                separator = '&';
            }
            variables.put(name, value);
        }
        return new Request(method, template.toString(), variables, body);
    }

    /** The body's fields, absent ones left out, as the API's request records expect. */
    private static Map<String, Object> fields(Object... namesAndValues) {
        Map<String, Object> body = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            if (namesAndValues[i + 1] != null) {
                body.put((String) namesAndValues[i], namesAndValues[i + 1]);
            }
        }
        return body;
    }

    private ConversationRefusal problem(int status, byte[] bytes) {
        try {
            JsonNode problem = json.readTree(bytes);
            String code = problem.path("code").asString(null);
            String detail = problem.path("detail").asString(problem.path("title").asString("refused"));
            return new ConversationRefusal(status, code == null ? "http." + status : code, detail);
        } catch (JacksonException e) {
            return new ConversationRefusal(status, "http." + status, "conversation-service answered " + status);
        }
    }

    private static Throwable unavailable(Throwable error) {
        String why = error instanceof TimeoutException ? "conversation-service did not answer in time"
                : error instanceof WebClientRequestException ? "conversation-service is unreachable"
                : "conversation-service answered unexpectedly";
        return new ConversationRefusal(503, ConversationRefusal.UNAVAILABLE, why);
    }
}
