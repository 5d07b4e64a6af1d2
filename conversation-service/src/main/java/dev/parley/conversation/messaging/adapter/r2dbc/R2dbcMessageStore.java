package dev.parley.conversation.messaging.adapter.r2dbc;

import static dev.parley.conversation.shared.adapter.r2dbc.Sql.bindNullable;

import dev.parley.conversation.messaging.application.MessageStore;
import dev.parley.conversation.messaging.domain.Message;
import dev.parley.conversation.messaging.domain.MessageKind;
import io.r2dbc.postgresql.codec.Json;
import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

/** Messages in PostgreSQL. */
public final class R2dbcMessageStore implements MessageStore {

    private final DatabaseClient db;

    public R2dbcMessageStore(DatabaseClient db) {
        this.db = db;
    }

    @Override
    public Mono<Void> insert(Message m) {
        var spec = db.sql("""
                        INSERT INTO message (id, conversation_id, seq, sender_id, sender_kind, kind, body, reply_to,
                                             client_msg_id, created_at, quick_replies, attachments)
                        VALUES (:id, :conversation, :seq, :sender, :senderKind, :kind, :body, :replyTo, :clientMsgId,
                                :createdAt, :quickReplies, :attachments)""")
                .bind("id", m.id()).bind("conversation", m.conversationId()).bind("seq", m.seq())
                .bind("senderKind", m.senderKind().name()).bind("kind", m.kind().name()).bind("createdAt", m.createdAt());
        spec = bindNullable(spec, "sender", m.senderId(), UUID.class);
        spec = bindNullable(spec, "body", m.body(), String.class);
        spec = bindNullable(spec, "replyTo", m.replyTo(), UUID.class);
        spec = bindNullable(spec, "clientMsgId", m.clientMsgId(), String.class);
        spec = bindNullable(spec, "quickReplies",
                m.quickReplies() == null ? null : m.quickReplies().toArray(String[]::new), String[].class);
        spec = bindNullable(spec, "attachments", MessageAttachmentsJson.encode(m.attachments()), Json.class);
        return spec.then();
    }

    @Override
    public Mono<Message> find(UUID conversationId, UUID messageId) {
        return db.sql("SELECT * FROM message WHERE id = :id AND conversation_id = :conversation")
                .bind("id", messageId).bind("conversation", conversationId).map(R2dbcMessageStore::message).one();
    }

    @Override
    public Mono<Message> findByClientMsgId(UUID conversationId, UUID senderId, String clientMsgId) {
        return db.sql("""
                        SELECT * FROM message
                        WHERE conversation_id = :conversation AND sender_id = :sender AND client_msg_id = :clientMsgId""")
                .bind("conversation", conversationId).bind("sender", senderId).bind("clientMsgId", clientMsgId)
                .map(R2dbcMessageStore::message).one();
    }

    @Override
    public Mono<Boolean> hasAgentText(UUID conversationId) {
        return db.sql("""
                        SELECT EXISTS (SELECT 1 FROM message
                                       WHERE conversation_id = :conversation AND sender_kind = 'AGENT' AND kind = 'TEXT')""")
                .bind("conversation", conversationId).map(row -> Boolean.TRUE.equals(row.get(0, Boolean.class))).one();
    }

    @Override
    public Mono<Void> edit(UUID messageId, String body, Instant editedAt) {
        return db.sql("UPDATE message SET body = :body, edited_at = :at WHERE id = :id")
                .bind("id", messageId).bind("body", body).bind("at", editedAt).then();
    }

    @Override
    public Mono<Void> tombstone(UUID messageId, Instant deletedAt) {
        return db.sql("UPDATE message SET body = NULL, deleted_at = :at WHERE id = :id")
                .bind("id", messageId).bind("at", deletedAt).then();
    }

    public static Message message(Readable row) {
        return new Message(row.get("id", UUID.class), row.get("conversation_id", UUID.class), row.get("seq", Long.class),
                row.get("sender_id", UUID.class), Message.SenderKind.valueOf(row.get("sender_kind", String.class)),
                MessageKind.valueOf(row.get("kind", String.class)), row.get("body", String.class),
                row.get("reply_to", UUID.class), row.get("client_msg_id", String.class),
                row.get("created_at", Instant.class), row.get("edited_at", Instant.class),
                row.get("deleted_at", Instant.class), quickReplies(row.get("quick_replies", String[].class)),
                MessageAttachmentsJson.decode(row.get("attachments", Json.class)));
    }

    private static List<String> quickReplies(String[] values) {
        return values == null ? null : Arrays.asList(values);
    }
}
