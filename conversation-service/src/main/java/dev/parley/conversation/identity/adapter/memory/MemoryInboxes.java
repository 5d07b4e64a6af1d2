package dev.parley.conversation.identity.adapter.memory;

import dev.parley.conversation.directory.adapter.memory.MemoryDirectoryStore;
import dev.parley.conversation.identity.application.Inboxes;
import dev.parley.conversation.identity.domain.AllowedOrigins;
import dev.parley.conversation.identity.domain.WidgetInbox;
import dev.parley.conversation.shared.adapter.memory.MemoryDatabase;
import reactor.core.publisher.Mono;

/** Reads the in-memory inbox table. */
public final class MemoryInboxes implements Inboxes {

    private final MemoryDatabase db;

    public MemoryInboxes(MemoryDatabase db) {
        this.db = db;
    }

    @Override
    public Mono<WidgetInbox> findByPublicKey(String publicKey) {
        return db.statement(tx -> db.table(MemoryDirectoryStore.INBOXES)
                .where(row -> row.inbox().publicKey().equals(publicKey)).stream().findFirst()
                .map(row -> new WidgetInbox(row.inbox().id(), new AllowedOrigins(row.inbox().allowedOrigins()),
                        row.hmacSecret()))
                .orElse(null));
    }
}
