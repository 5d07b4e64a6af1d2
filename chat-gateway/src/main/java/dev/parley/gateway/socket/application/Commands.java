package dev.parley.gateway.socket.application;

import dev.parley.gateway.conversation.application.ConversationCommand;
import dev.parley.gateway.conversation.application.ConversationCommand.Move;
import dev.parley.gateway.session.domain.Principal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiFunction;
import tools.jackson.databind.JsonNode;

/**
 * The protocol's commands, one line each: how a frame's fields become a {@link ConversationCommand}
 * ({@code docs/protocol.md} lists them). Only the shape is checked here; a frame whose fields are
 * not of their type is refused with {@code frame.invalid} naming the field, and never reaches
 * conversation-service.
 */
final class Commands {

    /** A field of the frame is missing or not of its type. */
    static final class InvalidFrame extends RuntimeException {
        InvalidFrame(String message) {
            super(message, null, false, false);
        }
    }

    private static final Map<String, BiFunction<Fields, Principal, ConversationCommand>> COMMANDS = new LinkedHashMap<>();

    static {
        COMMANDS.put("conversation.start", (f, user) -> new ConversationCommand.Start());
        COMMANDS.put("conversation.list", (f, user) -> new ConversationCommand.ListConversations(
                f.urlText("view"), f.id("department"), f.urlText("cursor"), f.integer("limit")));
        COMMANDS.put("conversation.open", (f, user) -> new ConversationCommand.Open(f.requiredId("conversationId")));
        for (Move move : Move.values()) {
            COMMANDS.put("conversation." + move.path().replace('-', '_'),
                    (f, user) -> new ConversationCommand.Change(f.requiredId("conversationId"), move));
        }
        COMMANDS.put("conversation.transfer", (f, user) -> new ConversationCommand.Transfer(
                f.requiredId("conversationId"), f.id("agentId"), f.id("departmentId")));
        COMMANDS.put("message.send", (f, user) -> new ConversationCommand.Send(f.requiredId("conversationId"),
                f.text("clientMsgId"), f.text("body"), f.kind("kind"), f.id("replyTo"), f.ids("attachmentIds")));
        COMMANDS.put("message.edit", (f, user) -> new ConversationCommand.Edit(
                f.requiredId("conversationId"), f.requiredId("messageId"), f.text("body")));
        COMMANDS.put("message.delete", (f, user) -> new ConversationCommand.Delete(
                f.requiredId("conversationId"), f.requiredId("messageId")));
        COMMANDS.put("reaction.add", (f, user) -> new ConversationCommand.React(
                f.requiredId("conversationId"), f.requiredId("messageId"), f.requiredUrlText("emoji"), true));
        COMMANDS.put("reaction.remove", (f, user) -> new ConversationCommand.React(
                f.requiredId("conversationId"), f.requiredId("messageId"), f.requiredUrlText("emoji"), false));
        COMMANDS.put("read", (f, user) -> new ConversationCommand.Read(f.requiredId("conversationId"),
                f.seq("lastDeliveredSeq"), f.seq("lastReadSeq")));
        COMMANDS.put("history", (f, user) -> new ConversationCommand.History(
                f.requiredId("conversationId"), f.number("before"), f.number("after"), f.integer("limit")));
        COMMANDS.put("events.since", (f, user) -> new ConversationCommand.EventsSince(
                f.requiredId("conversationId"), f.seq("since"), f.integer("limit")));
        COMMANDS.put("agent.status", (f, user) -> new ConversationCommand.ChangeStatus(
                Optional.ofNullable(f.id("agentId")).orElse(user.userId()), f.text("status")));
    }

    /**
     * The longest text that goes into conversation-service's URL (a query parameter or a path
     * segment): a cursor it handed out, a view's name, an emoji. Longer ones would make the request
     * line exceed what its HTTP server reads (4 KB), a 400 without a code (found by the fault
     * suite's fuzzer); here they are the frame's fault, with a reason.
     */
    static final int MAX_URL_TEXT = 512;

    private Commands() {
    }

    /** The command a frame of {@code type} asks for, as {@code user}; empty if no command has that name. */
    static Optional<ConversationCommand> parse(String type, JsonNode frame, Principal user) {
        var parser = COMMANDS.get(type);
        return parser == null ? Optional.empty() : Optional.of(parser.apply(new Fields(frame), user));
    }

    static Set<String> types() {
        return COMMANDS.keySet();
    }

    /** A frame's fields, each read as its type; absent and {@code null} are the same. */
    private record Fields(JsonNode frame) {

        private JsonNode value(String name) {
            JsonNode value = frame.get(name);
            if (value == null || value.isNull()) {
                return null;
            }
            if (!value.isValueNode()) {
                throw new InvalidFrame(name + " must be a string or a number");
            }
            return value;
        }

        String text(String name) {
            JsonNode value = value(name);
            return value == null ? null : value.asString();
        }

        /** Text that goes into the service's URL: at most {@link #MAX_URL_TEXT} characters. */
        String urlText(String name) {
            String text = text(name);
            if (text != null && text.length() > MAX_URL_TEXT) {
                throw new InvalidFrame(name + " is longer than " + MAX_URL_TEXT + " characters");
            }
            return text;
        }

        String requiredUrlText(String name) {
            String text = urlText(name);
            if (text == null) {
                throw new InvalidFrame(name + " is required");
            }
            return text;
        }

        ConversationCommand.Kind kind(String name) {
            String text = text(name);
            try {
                return text == null ? null : ConversationCommand.Kind.valueOf(text);
            } catch (IllegalArgumentException e) {
                throw new InvalidFrame(name + " is TEXT or NOTE");
            }
        }

        UUID id(String name) {
            String text = text(name);
            try {
                return text == null ? null : UUID.fromString(text);
            } catch (IllegalArgumentException e) {
                throw new InvalidFrame(name + " must be an id");
            }
        }

        UUID requiredId(String name) {
            UUID id = id(name);
            if (id == null) {
                throw new InvalidFrame(name + " is required");
            }
            return id;
        }

        Long number(String name) {
            JsonNode value = value(name);
            if (value == null) {
                return null;
            }
            if (!value.isIntegralNumber() && !(value.isString() && value.asString().matches("-?\\d{1,18}"))) {
                throw new InvalidFrame(name + " must be a whole number");
            }
            if (value.isIntegralNumber() && !value.canConvertToLong()) {
                // 2^63 and beyond: asLong() throws, which answered gateway.internal (found by the fault suite's fuzzer)
                throw new InvalidFrame(name + " is out of range");
            }
            return value.asLong();
        }

        Integer integer(String name) {
            Long number = number(name);
            if (number != null && (number > Integer.MAX_VALUE || number < Integer.MIN_VALUE)) {
                throw new InvalidFrame(name + " is out of range");
            }
            return number == null ? null : number.intValue();
        }

        /** A seq or watermark: 0 when absent. */
        long seq(String name) {
            Long number = number(name);
            return number == null ? 0 : number;
        }

        List<UUID> ids(String name) {
            JsonNode value = frame.get(name);
            if (value == null || value.isNull()) {
                return null;
            }
            if (!value.isArray()) {
                throw new InvalidFrame(name + " must be a list of ids");
            }
            List<UUID> ids = new ArrayList<>();
            for (JsonNode each : value) {
                try {
                    ids.add(UUID.fromString(each.asString()));
                } catch (IllegalArgumentException e) {
                    throw new InvalidFrame(name + " must be a list of ids");
                }
            }
            return ids;
        }
    }
}
