package dev.parley.gateway.socket.application;

import dev.parley.gateway.conversation.application.ConversationCommand;
import dev.parley.gateway.conversation.application.ConversationRefusal;
import dev.parley.gateway.conversation.application.Conversations;
import dev.parley.gateway.conversation.application.RawJson;
import dev.parley.gateway.session.domain.ReadsInFlight;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * A command relayed to conversation-service as the socket's user, its answer acked to the socket;
 * read receipts coalesced per conversation; typing signals straight to the participants' nodes.
 */
final class RelayingCommands {

    private static final Logger log = LoggerFactory.getLogger(RelayingCommands.class);

    private final Conversations conversations;
    private final Frames frames;
    private final GatewayMetrics metrics;
    private final Participants participants;
    private final ClientProtocol.Ephemeral ephemeral;

    RelayingCommands(Conversations conversations, Frames frames, GatewayMetrics metrics, Participants participants,
                     ClientProtocol.Ephemeral ephemeral) {
        this.conversations = conversations;
        this.frames = frames;
        this.metrics = metrics;
        this.participants = participants;
        this.ephemeral = ephemeral;
    }

    /** The command a frame of {@code type} asks for, relayed; an unknown type or a malformed field is answered with an error. */
    Mono<Void> relay(ClientSocket socket, String type, JsonNode frame, JsonNode ref) {
        Optional<ConversationCommand> command;
        try {
            command = Commands.parse(type, frame, socket.principal());
        } catch (Commands.InvalidFrame invalid) {
            metrics.rejected("invalid");
            socket.send(frames.error(ref, "frame.invalid", invalid.getMessage()));
            return Mono.empty();
        }
        if (command.isEmpty()) {
            metrics.rejected("unknown_type");
            socket.send(frames.error(ref, "frame.unknown_type", "unknown frame type " + type));
            return Mono.empty();
        }
        if (command.get() instanceof ConversationCommand.Read read) {
            return readReceipt(socket, read, ref);
        }
        return reply(socket, ref, conversations.call(socket.token(), command.get()));
    }

    /**
     * Read receipts are latest-wins: one per conversation in flight, the rest merged into the one
     * after it ({@link ReadsInFlight}), and none holds up the socket's next frames unless many
     * conversations' are on their way at once. Each read's ref is answered by the call that
     * carried its watermarks.
     */
    private Mono<Void> readReceipt(ClientSocket socket, ConversationCommand.Read read, JsonNode ref) {
        var watermarks = new ReadsInFlight.Watermarks(read.lastDeliveredSeq(), read.lastReadSeq());
        return switch (socket.reads().offer(read.conversationId(), watermarks, ref)) {
            case MERGED -> {
                metrics.readsMerged();
                yield Mono.empty();
            }
            case SEND -> {
                sendRead(socket, read.conversationId(), watermarks).subscribe();
                yield Mono.empty();
            }
            case SEND_AND_WAIT -> sendRead(socket, read.conversationId(), watermarks);
        };
    }

    private Mono<Void> sendRead(ClientSocket socket, UUID conversationId, ReadsInFlight.Watermarks watermarks) {
        var command = new ConversationCommand.Read(conversationId, watermarks.lastDeliveredSeq(), watermarks.lastReadSeq());
        return conversations.call(socket.token(), command)
                .map(answer -> (java.util.function.Function<JsonNode, Outgoing>) ref -> frames.ack(ref, answer))
                .onErrorResume(ConversationRefusal.class, refused -> Mono.just(ref -> frames.error(ref, refused.code(), refused.getMessage())))
                .onErrorResume(error -> {
                    log.error("Failed to send a read receipt of socket {}", socket.id(), error);
                    return Mono.just(ref -> frames.error(ref, "gateway.internal", "the gateway failed to handle this frame"));
                })
                .flatMap(reply -> {
                    var landed = socket.reads().landed(conversationId);
                    landed.answered().forEach(ref -> socket.send(reply.apply(ref)));
                    return landed.next() == null ? Mono.<Void>empty() : sendRead(socket, conversationId, landed.next());
                });
    }

    Mono<Void> reply(ClientSocket socket, JsonNode ref, Mono<RawJson> result) {
        return result
                .doOnNext(value -> socket.send(frames.ack(ref, value)))
                .onErrorResume(ConversationRefusal.class, problem -> {
                    socket.send(frames.error(ref, problem.code(), problem.getMessage()));
                    return Mono.empty();
                })
                .then();
    }

    Mono<Void> replyTree(ClientSocket socket, JsonNode ref, Mono<JsonNode> result) {
        return reply(socket, ref, result.map(tree -> new RawJson(frames.json().writeValueAsBytes(tree))));
    }

    /** Ephemeral: straight to the participants' nodes through the routing registry; no Kafka, no PostgreSQL. */
    Mono<Void> typing(ClientSocket socket, JsonNode frame) {
        JsonNode ref = frame.get("ref");
        UUID conversationId;
        JsonNode id = frame.get("conversationId");
        JsonNode flag = frame.get("typing");
        try {
            // a conversationId that is an array or an object made asString() throw: gateway.internal (fault suite's fuzzer)
            conversationId = UUID.fromString(id != null && id.isString() ? id.asString() : "");
        } catch (IllegalArgumentException e) {
            socket.send(frames.error(ref, "frame.invalid", "conversationId is required"));
            return Mono.empty();
        }
        if (flag != null && !flag.isNull() && !flag.isBoolean()) {
            socket.send(frames.error(ref, "frame.invalid", "typing must be true or false"));
            return Mono.empty();
        }
        boolean typing = flag == null || flag.isNull() || flag.booleanValue();
        UUID sender = socket.principal().userId();
        return reply(socket, ref, participants.of(conversationId, sender, socket.token())
                .flatMap(users -> ephemeral.typing(conversationId, sender, typing, users))
                .then(Mono.just(RawJson.EMPTY_OBJECT)));
    }
}
