package dev.parley.events;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The payload of an {@link EventEnvelope}, one record per event type. Status and kind fields are
 * strings on purpose: a consumer built before a new status existed still reads the event.
 * An event type this build does not know arrives as {@link Unknown} instead of failing, so a newer
 * producer can roll out before its consumers (see {@code docs/events.md}).
 */
public sealed interface EventData {

    /** The {@code noun.verb} type name carried in the envelope. */
    String type();

    record ConversationCreated(UUID inboxId, UUID customerId, UUID departmentId, String status) implements EventData {
        public static final String TYPE = "conversation.created";
        public String type() { return TYPE; }
    }

    /** The conversation entered the queue of a department; {@code priority} for requeued ones. */
    record ConversationQueued(UUID departmentId, Instant queuedAt, boolean priority) implements EventData {
        public static final String TYPE = "conversation.queued";
        public String type() { return TYPE; }
    }

    /** A new owner; {@code previousAgentId} is set on a transfer. */
    record ConversationAssigned(UUID agentId, UUID previousAgentId, UUID departmentId) implements EventData {
        public static final String TYPE = "conversation.assigned";
        public String type() { return TYPE; }
    }

    record ConversationStatusChanged(String from, String to, String reason) implements EventData {
        public static final String TYPE = "conversation.status_changed";
        public String type() { return TYPE; }
    }

    record ParticipantJoined(UUID userId, String role) implements EventData {
        public static final String TYPE = "conversation.participant_joined";
        public String type() { return TYPE; }
    }

    record ParticipantLeft(UUID userId, String role) implements EventData {
        public static final String TYPE = "conversation.participant_left";
        public String type() { return TYPE; }
    }

    /**
     * {@code quickReplies}: answers a client may offer as buttons (bot messages); null otherwise.
     * {@code attachments}: the files the message carries; null (absent on the wire) when none, so
     * events written before attachments existed decode unchanged.
     */
    record MessageCreated(UUID messageId, UUID senderId, String senderKind, String kind, String body,
                          UUID replyTo, String clientMsgId, Instant createdAt, List<String> quickReplies,
                          List<Attachment> attachments)
            implements EventData {
        public static final String TYPE = "message.created";

        public MessageCreated {
            quickReplies = quickReplies == null ? null : List.copyOf(quickReplies);
            attachments = attachments == null || attachments.isEmpty() ? null : List.copyOf(attachments);
        }

        /** A message without attachments. */
        public MessageCreated(UUID messageId, UUID senderId, String senderKind, String kind, String body,
                              UUID replyTo, String clientMsgId, Instant createdAt, List<String> quickReplies) {
            this(messageId, senderId, senderKind, kind, body, replyTo, clientMsgId, createdAt, quickReplies, null);
        }

        /** A message without quick replies or attachments. */
        public MessageCreated(UUID messageId, UUID senderId, String senderKind, String kind, String body,
                              UUID replyTo, String clientMsgId, Instant createdAt) {
            this(messageId, senderId, senderKind, kind, body, replyTo, clientMsgId, createdAt, null, null);
        }

        /**
         * A file the message carries: what a client needs to show it. The bytes are fetched through
         * a short-lived signed link from conversation-service, never from the event.
         * {@code width}/{@code height}: pixels, images only.
         */
        public record Attachment(UUID id, String name, String contentType, long size, Integer width, Integer height) {
        }

        public String type() { return TYPE; }
    }

    record MessageEdited(UUID messageId, String body, Instant editedAt) implements EventData {
        public static final String TYPE = "message.edited";
        public String type() { return TYPE; }
    }

    /** A tombstone: the content is gone, the message keeps its seq. */
    record MessageDeleted(UUID messageId, Instant deletedAt) implements EventData {
        public static final String TYPE = "message.deleted";
        public String type() { return TYPE; }
    }

    record ReactionAdded(UUID messageId, UUID userId, String emoji) implements EventData {
        public static final String TYPE = "reaction.added";
        public String type() { return TYPE; }
    }

    record ReactionRemoved(UUID messageId, UUID userId, String emoji) implements EventData {
        public static final String TYPE = "reaction.removed";
        public String type() { return TYPE; }
    }

    /** A participant's watermarks moved; "who has read message N" is derived from them. */
    record ReadUpdated(UUID userId, long lastDeliveredSeq, long lastReadSeq, Instant at) implements EventData {
        public static final String TYPE = "read.updated";
        public String type() { return TYPE; }
    }

    /**
     * Where a waiting conversation stands in its department's queue (1 = next), with an estimate
     * from the department's recent assignment rate ({@code null} when there is too little history).
     * Latest-wins state: it carries no seq.
     */
    record QueuePosition(UUID departmentId, int position, Long estimatedWaitSeconds, Instant at) implements EventData {
        public static final String TYPE = "conversation.queue_position";
        public String type() { return TYPE; }
    }

    record AgentStatusChanged(UUID agentId, String status, String previousStatus, Instant changedAt)
            implements EventData {
        public static final String TYPE = "agent.status_changed";
        public String type() { return TYPE; }
    }

    /**
     * An admin changed which departments an agent belongs to; {@code departmentIds} is the whole
     * new set. The gateway applies it to the agent's open sockets, so department traffic stops
     * reaching one removed without waiting for a reconnect or a token renewal.
     */
    record AgentDepartmentsChanged(UUID agentId, Set<UUID> departmentIds, Instant changedAt) implements EventData {
        public static final String TYPE = "agent.departments_changed";
        public AgentDepartmentsChanged {
            departmentIds = Set.copyOf(departmentIds);
        }
        public String type() { return TYPE; }
    }

    /** An event type newer than this build; {@code json} is its payload, untouched. */
    record Unknown(String type, String json) implements EventData {
        public Unknown {
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(json, "json");
        }
    }

    /** Every known type name with its payload class; the codec's lookup table. */
    Map<String, Class<? extends EventData>> KNOWN_TYPES = Stream.of(
                    ConversationCreated.class, ConversationQueued.class, ConversationAssigned.class,
                    ConversationStatusChanged.class, ParticipantJoined.class, ParticipantLeft.class,
                    MessageCreated.class, MessageEdited.class, MessageDeleted.class,
                    ReactionAdded.class, ReactionRemoved.class, ReadUpdated.class, QueuePosition.class,
                    AgentStatusChanged.class, AgentDepartmentsChanged.class)
            .collect(Collectors.toUnmodifiableMap(EventData::typeNameOf, Function.identity()));

    private static String typeNameOf(Class<? extends EventData> type) {
        try {
            return (String) type.getField("TYPE").get(null);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(type + " declares no TYPE constant", e);
        }
    }
}
