package dev.parley.gateway.socket.application;

import dev.parley.gateway.conversation.application.ConversationRefusal;
import dev.parley.gateway.presence.application.TrackingPresence;
import dev.parley.gateway.presence.domain.PresenceChange;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code presence.get}: the console's sidebar asks for users' online state and last seen time.
 * Agents and admins only: customers never learn about other users. An agent asks within one
 * conversation they may read ({@code conversationId}, checked by conversation-service through
 * {@link Participants} with the agent's token) and is answered only about its active participants;
 * other users are left out of the answer, so no agent can probe whether an arbitrary user is
 * online (issue 15, defect 4).
 */
final class PresenceCommand {

    /** A sidebar shows a few dozen conversations; this bounds one frame's Redis work. */
    static final int MAX_USERS = 200;

    private final TrackingPresence tracking;
    private final Participants participants;
    private final Frames frames;

    PresenceCommand(TrackingPresence tracking, Participants participants, Frames frames) {
        this.tracking = tracking;
        this.participants = participants;
        this.frames = frames;
    }

    Mono<Void> handle(ClientSocket socket, JsonNode frame) {
        JsonNode ref = frame.get("ref");
        if (!socket.principal().isAgent()) {
            socket.send(frames.error(ref, "presence.forbidden", "presence is for agents"));
            return Mono.empty();
        }
        List<UUID> users = userIds(frame.get("userIds"));
        if (users == null) {
            socket.send(frames.error(ref, "frame.invalid", "userIds is an array of 1 to " + MAX_USERS + " user ids"));
            return Mono.empty();
        }
        UUID conversationId = uuid(frame.get("conversationId"));
        if (conversationId == null) {
            socket.send(frames.error(ref, "frame.invalid",
                    "conversationId names the conversation whose participants are asked about"));
            return Mono.empty();
        }
        return participants.of(conversationId, socket.principal().userId(), socket.token())
                .map(taking -> users.stream().filter(taking::contains).distinct().toList())
                .flatMap(asked -> asked.isEmpty() ? Mono.just(List.<PresenceChange>of()) : tracking.lookup(asked))
                .doOnNext(found -> socket.send(frames.ack(ref, result(found))))
                .onErrorResume(ConversationRefusal.class, refused -> {
                    socket.send(frames.error(ref, refused.code(), refused.getMessage()));
                    return Mono.empty();
                })
                .onErrorResume(error -> {
                    socket.send(frames.error(ref, "presence.unavailable", "presence could not be read; try again"));
                    return Mono.empty();
                })
                .then();
    }

    private static List<UUID> userIds(JsonNode ids) {
        if (ids == null || !ids.isArray() || ids.isEmpty() || ids.size() > MAX_USERS) {
            return null;
        }
        List<UUID> users = new ArrayList<>();
        for (JsonNode id : ids) {
            if (!id.isString()) {
                return null;
            }
            try {
                users.add(UUID.fromString(id.asString()));
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
        return users;
    }

    private static UUID uuid(JsonNode id) {
        if (id == null || !id.isString()) {
            return null;
        }
        try {
            return UUID.fromString(id.asString());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private ObjectNode result(List<PresenceChange> found) {
        ObjectNode result = frames.json().createObjectNode();
        ArrayNode presence = result.putArray("presence");
        found.forEach(change -> presence.add(frames.presenceOf(change)));
        return result;
    }
}
