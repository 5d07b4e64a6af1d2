package dev.parley.gateway.socket.application;

import dev.parley.gateway.conversation.application.RawJson;
import dev.parley.gateway.presence.domain.PresenceChange;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
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

    /** An ack whose result is conversation-service's answer, spliced in as it came. */
    public Outgoing ack(JsonNode ref, RawJson result) {
        Splice frame = new Splice(64 + result.utf8().length).raw(ACK);
        if (ref != null && !ref.isMissingNode() && !ref.isNull()) {
            frame.raw(REF).raw(json.writeValueAsBytes(ref));
        }
        return new Outgoing("ack", frame.raw(RESULT).raw(result.utf8()).raw(END).bytes(), null);
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
        return event(json.writeValueAsBytes(event), occurredAt);
    }

    /**
     * An event frame around the event's bytes ({@code docs/events.md} JSON) exactly as they were
     * encoded when it was recorded: spliced, never parsed or encoded again on the way.
     */
    public Outgoing event(byte[] event, Instant occurredAt) {
        return new Outgoing("event", new Splice(EVENT.length + event.length + 1).raw(EVENT).raw(event).raw(END).bytes(),
                occurredAt);
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
        return new Outgoing(frame.get("type").asString(), json.writeValueAsBytes(frame), null);
    }

    private static final byte[] ACK = ascii("{\"type\":\"ack\"");
    private static final byte[] REF = ascii(",\"ref\":");
    private static final byte[] RESULT = ascii(",\"result\":");
    private static final byte[] EVENT = ascii("{\"type\":\"event\",\"event\":");
    private static final byte[] END = ascii("}");

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    /** A frame put together from pieces of JSON that are already bytes. */
    private static final class Splice {
        private byte[] bytes;
        private int length;

        Splice(int capacity) {
            bytes = new byte[capacity];
        }

        Splice raw(byte[] piece) {
            if (length + piece.length > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + piece.length));
            }
            System.arraycopy(piece, 0, bytes, length, piece.length);
            length += piece.length;
            return this;
        }

        byte[] bytes() {
            return length == bytes.length ? bytes : Arrays.copyOf(bytes, length);
        }
    }
}
