package dev.parley.gateway.socket.adapter.ws;

import static org.springframework.http.HttpMethod.DELETE;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.PATCH;
import static org.springframework.http.HttpMethod.POST;
import static org.springframework.http.HttpMethod.PUT;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * The protocol's commands, one line each, as calls of conversation-service's REST API
 * ({@code docs/protocol.md} lists them with their fields).
 */
final class Commands {

    private static final String CONVERSATION = "/api/v1/conversations/{conversationId}";
    private static final String MESSAGE = CONVERSATION + "/messages/{messageId}";

    private static final Map<String, Command> COMMANDS = new LinkedHashMap<>();

    static {
        COMMANDS.put("conversation.start", Command.of(POST, "/api/v1/conversations"));
        COMMANDS.put("conversation.list", Command.of(GET, "/api/v1/conversations").query("view", "department", "cursor", "limit"));
        COMMANDS.put("conversation.open", Command.of(GET, CONVERSATION));
        for (String action : new String[] {"talk-to-agent", "accept", "wait-on-customer", "resolve", "close", "reopen", "join", "leave"}) {
            COMMANDS.put("conversation." + action.replace('-', '_'), Command.of(POST, CONVERSATION + "/" + action));
        }
        COMMANDS.put("conversation.transfer", Command.of(POST, CONVERSATION + "/transfer")
                .body(frame -> fields(frame, "agentId", "departmentId")));
        COMMANDS.put("message.send", Command.of(POST, CONVERSATION + "/messages")
                .body(frame -> fields(frame, "clientMsgId", "body", "kind", "replyTo", "attachmentIds")));
        COMMANDS.put("message.edit", Command.of(PATCH, MESSAGE).body(frame -> fields(frame, "body")));
        COMMANDS.put("message.delete", Command.of(DELETE, MESSAGE));
        COMMANDS.put("reaction.add", Command.of(PUT, MESSAGE + "/reactions/{emoji}"));
        COMMANDS.put("reaction.remove", Command.of(DELETE, MESSAGE + "/reactions/{emoji}"));
        COMMANDS.put("read", Command.of(POST, CONVERSATION + "/read")
                .body(frame -> fields(frame, "lastDeliveredSeq", "lastReadSeq")));
        COMMANDS.put("history", Command.of(GET, CONVERSATION + "/messages").query("before", "after", "limit"));
        COMMANDS.put("events.since", Command.of(GET, CONVERSATION + "/events").query("since", "limit"));
        COMMANDS.put("agent.status", Command.of(PUT, "/api/v1/agents/{agentId}/status").body(frame -> fields(frame, "status")));
    }

    private Commands() {
    }

    static Optional<Command> named(String type) {
        return Optional.ofNullable(COMMANDS.get(type));
    }

    static Set<String> types() {
        return COMMANDS.keySet();
    }

    private static Map<String, Object> fields(JsonNode frame, String... names) {
        Map<String, Object> body = new LinkedHashMap<>();
        for (String name : names) {
            JsonNode value = frame.get(name);
            if (value != null && !value.isNull()) {
                body.put(name, value);
            }
        }
        return body;
    }
}
