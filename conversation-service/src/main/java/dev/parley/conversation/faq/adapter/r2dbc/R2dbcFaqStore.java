package dev.parley.conversation.faq.adapter.r2dbc;

import dev.parley.conversation.faq.application.FaqStore;
import dev.parley.conversation.faq.domain.FaqEntry;
import dev.parley.conversation.faq.domain.RankedEntry;
import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.util.Arrays;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * FAQ search with PostgreSQL full-text search in the inbox's language. An entry's score is its
 * coverage: the share of the customer's meaningful words (stemmed, stop words dropped) that it
 * matches, so "half of what you said matches" is a threshold an admin can reason about; ties are
 * broken by {@code ts_rank}, which weighs question and keywords above the answer. Raw {@code ts_rank}
 * was tried first: a single incidental keyword scored close to a real two-word match.
 */
public final class R2dbcFaqStore implements FaqStore {

    private final DatabaseClient db;

    public R2dbcFaqStore(DatabaseClient db) {
        this.db = db;
    }

    @Override
    public Flux<RankedEntry> search(UUID inboxId, String text, int limit) {
        return db.sql("""
                        WITH q AS (
                            SELECT ARRAY(SELECT DISTINCT lexeme FROM unnest(to_tsvector(i.faq_language, :text))) AS lexemes
                            FROM inbox i WHERE i.id = :inbox),
                        query AS (
                            SELECT lexemes, array_to_string(ARRAY(SELECT quote_literal(l) FROM unnest(lexemes) l), ' | ')::tsquery AS any_word
                            FROM q WHERE cardinality(lexemes) > 0)
                        SELECT f.*,
                               (SELECT count(*) FROM unnest(query.lexemes) l WHERE f.search @@ quote_literal(l)::tsquery)::float8
                                   / cardinality(query.lexemes) AS coverage,
                               ts_rank(f.search, query.any_word) AS rank
                        FROM faq_entry f, query
                        WHERE f.inbox_id = :inbox AND f.active AND f.search @@ query.any_word
                        ORDER BY coverage DESC, rank DESC, f.position, f.id
                        LIMIT :limit""")
                .bind("inbox", inboxId).bind("text", text).bind("limit", limit)
                .map(row -> new RankedEntry(entry(row), row.get("coverage", Double.class)))
                .all();
    }

    @Override
    public Flux<FaqEntry> list(UUID inboxId) {
        return db.sql("SELECT * FROM faq_entry WHERE inbox_id = :inbox ORDER BY position, created_at")
                .bind("inbox", inboxId).map(R2dbcFaqStore::entry).all();
    }

    @Override
    public Mono<Boolean> save(FaqEntry entry, Instant at) {
        // The entry takes the inbox's language, so its search vector matches the inbox's queries.
        return db.sql("""
                        INSERT INTO faq_entry (id, inbox_id, question, answer, keywords, position, active, language, created_at, updated_at)
                        SELECT :id, :inbox, :question, :answer, :keywords, :position, :active, i.faq_language, :at, :at
                        FROM inbox i WHERE i.id = :inbox
                        ON CONFLICT (id) DO UPDATE SET question = excluded.question, answer = excluded.answer,
                            keywords = excluded.keywords, position = excluded.position, active = excluded.active,
                            updated_at = excluded.updated_at
                        WHERE faq_entry.inbox_id = excluded.inbox_id""")
                .bind("id", entry.id()).bind("inbox", entry.inboxId()).bind("question", entry.question())
                .bind("answer", entry.answer()).bind("keywords", entry.keywords().toArray(String[]::new))
                .bind("position", entry.position()).bind("active", entry.active()).bind("at", at)
                .fetch().rowsUpdated().map(rows -> rows == 1);
    }

    @Override
    public Mono<Boolean> delete(UUID inboxId, UUID entryId) {
        return db.sql("DELETE FROM faq_entry WHERE id = :id AND inbox_id = :inbox")
                .bind("id", entryId).bind("inbox", inboxId).fetch().rowsUpdated().map(rows -> rows == 1);
    }

    private static FaqEntry entry(Readable row) {
        return new FaqEntry(row.get("id", UUID.class), row.get("inbox_id", UUID.class), row.get("question", String.class),
                row.get("answer", String.class), Arrays.asList(row.get("keywords", String[].class)),
                row.get("position", Integer.class), Boolean.TRUE.equals(row.get("active", Boolean.class)));
    }
}
