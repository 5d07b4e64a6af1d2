package dev.parley.gateway.conversation.application;

import java.util.List;
import java.util.UUID;

/**
 * What a client may ask of conversation-service through its socket, one record per command of
 * {@code docs/protocol.md}, already checked for shape (ids are ids, seqs are numbers); whether the
 * user may do it, and whether it makes sense now, is conversation-service's to decide. Optional
 * fields are {@code null} when absent.
 */
public sealed interface ConversationCommand {

    /** {@code conversation.start}: a customer's new conversation. */
    record Start() implements ConversationCommand {
    }

    /** {@code conversation.list}. */
    record ListConversations(String view, UUID department, String cursor, Integer limit) implements ConversationCommand {
    }

    /** {@code conversation.open}: one conversation with its participants. */
    record Open(UUID conversationId) implements ConversationCommand {
    }

    /** The lifecycle moves that take nothing but the conversation. */
    enum Move {
        TALK_TO_AGENT("talk-to-agent"), ACCEPT("accept"), WAIT_ON_CUSTOMER("wait-on-customer"), RESOLVE("resolve"),
        CLOSE("close"), REOPEN("reopen"), JOIN("join"), LEAVE("leave");

        private final String path;

        Move(String path) {
            this.path = path;
        }

        /** Its name in conversation-service's API and, with {@code _} for {@code -}, in the protocol. */
        public String path() {
            return path;
        }
    }

    /** {@code conversation.accept}, {@code conversation.resolve}, ... */
    record Change(UUID conversationId, Move move) implements ConversationCommand {
    }

    /** {@code conversation.transfer}: to an agent or to a department (conversation-service wants exactly one). */
    record Transfer(UUID conversationId, UUID agentId, UUID departmentId) implements ConversationCommand {
    }

    /** What a message is: for everyone in the conversation, or an agents' internal note. */
    enum Kind {
        TEXT, NOTE
    }

    /** {@code message.send}; {@code kind} is TEXT when absent. */
    record Send(UUID conversationId, String clientMsgId, String body, Kind kind, UUID replyTo,
                List<UUID> attachmentIds) implements ConversationCommand {
    }

    /** {@code message.edit}. */
    record Edit(UUID conversationId, UUID messageId, String body) implements ConversationCommand {
    }

    /** {@code message.delete}. */
    record Delete(UUID conversationId, UUID messageId) implements ConversationCommand {
    }

    /** {@code reaction.add} ({@code add}) and {@code reaction.remove}. */
    record React(UUID conversationId, UUID messageId, String emoji, boolean add) implements ConversationCommand {
    }

    /** {@code read}: the caller's watermarks in the conversation. */
    record Read(UUID conversationId, long lastDeliveredSeq, long lastReadSeq) implements ConversationCommand {
    }

    /** {@code history}: a page of messages, oldest first. */
    record History(UUID conversationId, Long before, Long after, Integer limit) implements ConversationCommand {
    }

    /** {@code events.since}, and the gateway's own replay on resume. */
    record EventsSince(UUID conversationId, long since, Integer limit) implements ConversationCommand {
    }

    /** {@code agent.status}: an agent's own, or (an admin's) anyone's. */
    record ChangeStatus(UUID agentId, String status) implements ConversationCommand {
    }

    /** The agents, with their departments: read by the gateway at an agent's hello. */
    record Agents() implements ConversationCommand {
    }
}
