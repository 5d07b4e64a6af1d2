package dev.parley.conversation.messaging.adapter.memory;

import dev.parley.conversation.messaging.application.MessageStore;
import dev.parley.conversation.messaging.domain.Message;
import dev.parley.conversation.messaging.domain.MessageKind;
import dev.parley.conversation.shared.adapter.memory.MemoryDatabase;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import reactor.core.publisher.Mono;

/** Messages in memory, unique by id, by (conversation, seq) and by (conversation, sender, client message id). */
public final class MemoryMessageStore implements MessageStore {

    public static final MemoryDatabase.Table<UUID, Message> MESSAGES = new MemoryDatabase.Table<>("message");

    private final MemoryDatabase db;

    public MemoryMessageStore(MemoryDatabase db) {
        this.db = db;
    }

    @Override
    public Mono<Void> insert(Message m) {
        return db.statement(tx -> {
            var table = db.table(MESSAGES);
            boolean taken = table.contains(m.id()) || !table.where(other -> other.conversationId().equals(m.conversationId())
                    && (other.seq() == m.seq() || (m.clientMsgId() != null && m.senderId() != null
                    && m.clientMsgId().equals(other.clientMsgId()) && m.senderId().equals(other.senderId())))).isEmpty();
            if (taken) {
                throw new IllegalStateException("message " + m.id() + " violates a unique key");
            }
            table.put(tx, m.id(), m);
            return null;
        });
    }

    @Override
    public Mono<Message> find(UUID conversationId, UUID messageId) {
        return db.statement(tx -> db.table(MESSAGES).get(messageId)
                .filter(m -> m.conversationId().equals(conversationId)).orElse(null));
    }

    @Override
    public Mono<Message> findByClientMsgId(UUID conversationId, UUID senderId, String clientMsgId) {
        return db.statement(tx -> db.table(MESSAGES).where(m -> m.conversationId().equals(conversationId)
                && Objects.equals(m.senderId(), senderId) && Objects.equals(m.clientMsgId(), clientMsgId))
                .stream().findFirst().orElse(null));
    }

    @Override
    public Mono<Boolean> hasAgentText(UUID conversationId) {
        return db.statement(tx -> !db.table(MESSAGES).where(m -> m.conversationId().equals(conversationId)
                && m.senderKind() == Message.SenderKind.AGENT && m.kind() == MessageKind.TEXT).isEmpty());
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
