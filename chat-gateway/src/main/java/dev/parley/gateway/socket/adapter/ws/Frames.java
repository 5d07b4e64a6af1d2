package dev.parley.gateway.socket.adapter.ws;

import dev.parley.gateway.presence.domain.PresenceChange;
import java.time.Instant;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Builds the server's frames ({@code docs/protocol.md}); every reply echoes the client's {@code ref}. */
public final class Frames {

    public static final int PROTOCOL_VERSION = 1;

    private final JsonMapper json;

    public Frames(JsonMapper json) {
        this.json = json;
    }

    public JsonMapper json() {
        return json;
    }

    public Outgoing ack(JsonNode ref, JsonNode result) {
        ObjectNode frame = frame("ack", ref);
        frame.set("result", result);
        return write(frame);
    }

    public Outgoing error(JsonNode ref, String code, String message) {
        ObjectNode frame = frame("error", ref);
        frame.put("code", code);
        frame.put("message", message);
        return write(frame);
    }

    public Outgoing welcome(JsonNode ref, UUID userId, String role, String nodeId) {
        ObjectNode frame = frame("welcome", ref);
        frame.put("protocol", PROTOCOL_VERSION);
        frame.put("userId", userId.toString());
        frame.put("role", role);
        frame.put("node", nodeId);
        return write(frame);
    }

    public Outgoing resumed(UUID conversationId, long throughSeq) {
        ObjectNode frame = frame("resumed", null);
        frame.put("conversationId", conversationId.toString());
        frame.put("throughSeq", throughSeq);
        return write(frame);
    }

    /**
     * The replay of a conversation named in the hello's {@code lastSeqs} failed part way: no
     * {@code resumed} follows; {@code reason} is why (conversation-service's code).
     */
    public Outgoing resumeFailed(UUID conversationId, String reason, String message) {
        ObjectNode frame = frame("error", null);
        frame.put("code", "resume.failed");
        frame.put("conversationId", conversationId.toString());
        frame.put("reason", reason);
        frame.put("message", message);
        return write(frame);
    }

    public Outgoing event(JsonNode event, Instant occurredAt) {
        ObjectNode frame = frame("event", null);
        frame.set("event", event);
        return new Outgoing("event", json.writeValueAsString(frame), occurredAt);
    }

    public Outgoing typing(UUID conversationId, UUID userId, boolean typing) {
        ObjectNode frame = frame("typing", null);
        frame.put("conversationId", conversationId.toString());
        frame.put("userId", userId.toString());
        frame.put("typing", typing);
        return write(frame);
    }

    /** A user's presence changed (to agents only). */
    public Outgoing presence(PresenceChange change) {
        ObjectNode frame = frame("presence", null);
        frame.setAll(presenceOf(change));
        return write(frame);
    }

    /** {@code {userId, online, lastSeenAt}}, as in {@code presence} frames and {@code presence.get} results. */
    public ObjectNode presenceOf(PresenceChange change) {
        ObjectNode node = json.createObjectNode();
        node.put("userId", change.userId().toString());
        node.put("online", change.online());
        if (change.lastSeenAt() == null) {
            node.putNull("lastSeenAt");
        } else {
            node.put("lastSeenAt", change.lastSeenAt().toString());
        }
        return node;
    }

    /** The socket's token expires at {@code expiresAt}: send {@code auth} with a fresh one before then. */
    public Outgoing authExpiring(Instant expiresAt) {
        ObjectNode frame = frame("auth.expiring", null);
        frame.put("expiresAt", expiresAt.toString());
        return write(frame);
    }

    /** This node is going away: reconnect (the balancer picks another node) and resume with lastSeqs. */
    public Outgoing reconnect(String reason) {
        ObjectNode frame = frame("reconnect", null);
        frame.put("reason", reason);
        return write(frame);
    }

    private ObjectNode frame(String type, JsonNode ref) {
        ObjectNode frame = json.createObjectNode();
        frame.put("type", type);
        if (ref != null && !ref.isMissingNode() && !ref.isNull()) {
            frame.set("ref", ref);
        }
        return frame;
    }

    private Outgoing write(ObjectNode frame) {
        return Outgoing.reply(frame.get("type").asString(), json.writeValueAsString(frame));
    }
}
