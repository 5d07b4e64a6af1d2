package dev.parley.conversation.identity.adapter.r2dbc;

import dev.parley.conversation.identity.application.Inboxes;
import dev.parley.conversation.identity.domain.AllowedOrigins;
import dev.parley.conversation.identity.domain.WidgetInbox;
import java.util.List;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

/** Reads the inbox table. */
public final class R2dbcInboxes implements Inboxes {

    private final DatabaseClient db;

    public R2dbcInboxes(DatabaseClient db) {
        this.db = db;
    }

    @Override
    public Mono<WidgetInbox> findByPublicKey(String publicKey) {
        return db.sql("SELECT id, allowed_origins, hmac_secret FROM inbox WHERE public_key = :key")
                .bind("key", publicKey)
                .map((row, meta) -> new WidgetInbox(
                        row.get("id", UUID.class),
                        new AllowedOrigins(List.of(row.get("allowed_origins", String[].class))),
                        row.get("hmac_secret", String.class)))
                .one();
    }
}
