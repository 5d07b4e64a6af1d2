package dev.parley.conversation.attachments.adapter.memory;

import dev.parley.conversation.attachments.application.AttachmentStore;
import dev.parley.conversation.attachments.domain.Attachment;
import dev.parley.conversation.shared.adapter.memory.MemoryDatabase;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Attachment metadata in memory. {@link #lockAll} needs no row locks: the in-memory store runs one
 * transaction at a time, so no other message can claim the same file before this one commits.
 */
public final class MemoryAttachmentStore implements AttachmentStore {

    public static final MemoryDatabase.Table<UUID, Attachment> ATTACHMENTS =
            new MemoryDatabase.Table<>("attachment", Attachment::conversationId);

    private final MemoryDatabase db;

    public MemoryAttachmentStore(MemoryDatabase db) {
        this.db = db;
    }

    @Override
    public Mono<Void> insert(Attachment attachment) {
        return db.statement(tx -> {
            if (db.table(ATTACHMENTS).contains(attachment.id())) {
                throw new IllegalStateException("attachment " + attachment.id() + " violates its primary key");
            }
            db.table(ATTACHMENTS).put(tx, attachment.id(), attachment);
            return null;
        });
    }

    @Override
    public Mono<Attachment> find(UUID id) {
        return db.statement(tx -> db.table(ATTACHMENTS).get(id).orElse(null));
    }

    @Override
    public Flux<Attachment> lockAll(UUID conversationId, List<UUID> ids) {
        var wanted = new HashSet<>(ids);
        return db.query(tx -> db.table(ATTACHMENTS).inGroup(conversationId).stream()
                .filter(attachment -> wanted.contains(attachment.id()))
                .toList());
    }

    @Override
    public Mono<Long> attach(List<UUID> ids, UUID messageId) {
        return db.statement(tx -> {
            long set = 0;
            for (UUID id : new HashSet<>(ids)) {
                var attached = db.table(ATTACHMENTS).get(id).filter(attachment -> !attachment.isAttached());
                if (attached.isPresent()) {
                    db.table(ATTACHMENTS).update(tx, id, a -> new Attachment(a.id(), a.conversationId(), a.uploaderId(),
                            a.name(), a.contentType(), a.size(), a.sha256(), a.width(), a.height(), messageId,
                            a.createdAt()));
                    set++;
                }
            }
            return set;
        });
    }
}
