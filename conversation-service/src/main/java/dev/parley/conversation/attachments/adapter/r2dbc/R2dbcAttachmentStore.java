package dev.parley.conversation.attachments.adapter.r2dbc;

import static dev.parley.conversation.shared.adapter.r2dbc.Sql.bindNullable;

import dev.parley.conversation.attachments.application.AttachmentStore;
import dev.parley.conversation.attachments.domain.Attachment;
import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The attachment table. */
public final class R2dbcAttachmentStore implements AttachmentStore {

    private final DatabaseClient db;

    public R2dbcAttachmentStore(DatabaseClient db) {
        this.db = db;
    }

    @Override
    public Mono<Void> insert(Attachment a) {
        var spec = db.sql("""
                        INSERT INTO attachment (id, conversation_id, uploader_id, name, content_type, size, sha256,
                                                width, height, created_at)
                        VALUES (:id, :conversation, :uploader, :name, :type, :size, :sha256, :width, :height, :at)""")
                .bind("id", a.id()).bind("conversation", a.conversationId()).bind("uploader", a.uploaderId())
                .bind("name", a.name()).bind("type", a.contentType()).bind("size", a.size()).bind("sha256", a.sha256())
                .bind("at", a.createdAt());
        spec = bindNullable(spec, "width", a.width(), Integer.class);
        spec = bindNullable(spec, "height", a.height(), Integer.class);
        return spec.then();
    }

    @Override
    public Mono<Attachment> find(UUID id) {
        return db.sql("SELECT * FROM attachment WHERE id = :id").bind("id", id)
                .map(R2dbcAttachmentStore::attachment).one();
    }

    @Override
    public Flux<Attachment> lockAll(UUID conversationId, List<UUID> ids) {
        return db.sql("SELECT * FROM attachment WHERE id = ANY(:ids) AND conversation_id = :conversation FOR UPDATE")
                .bind("ids", ids.toArray(UUID[]::new)).bind("conversation", conversationId)
                .map(R2dbcAttachmentStore::attachment).all();
    }

    @Override
    public Mono<Long> attach(List<UUID> ids, UUID messageId) {
        return db.sql("UPDATE attachment SET message_id = :message WHERE id = ANY(:ids) AND message_id IS NULL")
                .bind("ids", ids.toArray(UUID[]::new)).bind("message", messageId)
                .fetch().rowsUpdated();
    }

    private static Attachment attachment(Readable row) {
        return new Attachment(row.get("id", UUID.class), row.get("conversation_id", UUID.class),
                row.get("uploader_id", UUID.class), row.get("name", String.class), row.get("content_type", String.class),
                row.get("size", Long.class), row.get("sha256", String.class), row.get("width", Integer.class),
                row.get("height", Integer.class), row.get("message_id", UUID.class), row.get("created_at", Instant.class));
    }
}
