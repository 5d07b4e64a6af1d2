package dev.parley.conversation.pages.adapter.r2dbc;

import dev.parley.conversation.pages.application.CurrentPages;
import dev.parley.conversation.pages.domain.CurrentPage;
import java.time.Instant;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

/** The page in three columns of the customer's row (V11); one statement, so a write is whole. */
public final class R2dbcCurrentPages implements CurrentPages {

    private final DatabaseClient db;

    public R2dbcCurrentPages(DatabaseClient db) {
        this.db = db;
    }

    @Override
    public Mono<Boolean> record(UUID customerId, CurrentPage page, Instant at) {
        var statement = db.sql("""
                UPDATE customer SET current_page_url = :url, current_page_title = :title, current_page_at = :at
                WHERE id = :id""")
                .bind("id", customerId).bind("url", page.url()).bind("at", at);
        statement = page.title() == null ? statement.bindNull("title", String.class) : statement.bind("title", page.title());
        return statement.fetch().rowsUpdated().map(rows -> rows > 0);
    }
}
