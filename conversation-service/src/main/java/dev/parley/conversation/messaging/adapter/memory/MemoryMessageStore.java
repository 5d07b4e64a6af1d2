package dev.parley.conversation.messaging.adapter.memory;

import dev.parley.conversation.messaging.application.MessageStore;
import dev.parley.conversation.messaging.domain.Message;
import dev.parley.conversation.messaging.domain.MessageKind;
import dev.parley.conversation.shared.adapter.memory.MemoryDatabase;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import reactor.core.publisher.Mono;

/** Messages in memory, unique by id, by (conversation, seq) and by (conversation, sender, client message id). */
public final class MemoryMessageStore implements MessageStore {

    public static final MemoryDatabase.Table<UUID, Message> MESSAGES = new MemoryDatabase.Table<>("message", Message::conversationId);

    /** The unique keys of the {@code message} table, each a table of its own so a lookup is one get. */
    private record SeqKey(UUID conversationId, long seq) {
    }

    private record ClientKey(UUID conversationId, UUID senderId, String clientMsgId) {
    }

    private static final MemoryDatabase.Table<SeqKey, UUID> BY_SEQ = new MemoryDatabase.Table<>("message_seq");
    private static final MemoryDatabase.Table<ClientKey, UUID> BY_CLIENT_ID = new MemoryDatabase.Table<>("message_client_id");

    private final MemoryDatabase db;

    public MemoryMessageStore(MemoryDatabase db) {
        this.db = db;
    }

    @Override
    public Mono<Void> insert(Message m) {
        return db.statement(tx -> {
            var seq = new SeqKey(m.conversationId(), m.seq());
            // As SQL's UNIQUE: rows with a null column never collide.
            var clientId = m.senderId() == null || m.clientMsgId() == null ? null
                    : new ClientKey(m.conversationId(), m.senderId(), m.clientMsgId());
            if (db.table(MESSAGES).contains(m.id()) || db.table(BY_SEQ).contains(seq)
                    || (clientId != null && db.table(BY_CLIENT_ID).contains(clientId))) {
                throw new IllegalStateException("message " + m.id() + " violates a unique key");
            }
            db.table(MESSAGES).put(tx, m.id(), m);
            db.table(BY_SEQ).put(tx, seq, m.id());
            if (clientId != null) {
                db.table(BY_CLIENT_ID).put(tx, clientId, m.id());
            }
            return null;
        });
    }

    /** The conversation's message at {@code seq}, through the unique key; call inside a statement. */
    public static Optional<Message> atSeq(MemoryDatabase db, UUID conversationId, long seq) {
        return db.table(BY_SEQ).get(new SeqKey(conversationId, seq)).flatMap(db.table(MESSAGES)::get);
    }

    @Override
    public Mono<Message> find(UUID conversationId, UUID messageId) {
        return db.statement(tx -> db.table(MESSAGES).get(messageId)
                .filter(m -> m.conversationId().equals(conversationId)).orElse(null));
    }

    @Override
    public Mono<Message> findByClientMsgId(UUID conversationId, UUID senderId, String clientMsgId) {
        return db.statement(tx -> db.table(BY_CLIENT_ID).get(new ClientKey(conversationId, senderId, clientMsgId))
                .flatMap(db.table(MESSAGES)::get).orElse(null));
    }

    @Override
    public Mono<Boolean> hasAgentText(UUID conversationId) {
        return db.statement(tx -> db.table(MESSAGES).inGroup(conversationId).stream()
                .anyMatch(m -> m.senderKind() == Message.SenderKind.AGENT && m.kind() == MessageKind.TEXT));
    }

    @Override
    public Mono<Void> edit(UUID messageId, String body, Instant editedAt) {
        return db.statement(tx -> {
            db.table(MESSAGES).update(tx, messageId, m -> new Message(m.id(), m.conversationId(), m.seq(), m.senderId(),
                    m.senderKind(), m.kind(), body, m.replyTo(), m.clientMsgId(), m.createdAt(), editedAt, m.deletedAt(),
                    m.quickReplies()));
            return null;
        });
    }

    @Override
    public Mono<Void> tombstone(UUID messageId, Instant deletedAt) {
        return db.statement(tx -> {
            db.table(MESSAGES).update(tx, messageId, m -> new Message(m.id(), m.conversationId(), m.seq(), m.senderId(),
                    m.senderKind(), m.kind(), null, m.replyTo(), m.clientMsgId(), m.createdAt(), m.editedAt(), deletedAt,
                    m.quickReplies()));
            return null;
        });
    }
}
