package dev.parley.conversation.faq.adapter.memory;

import dev.parley.conversation.directory.adapter.memory.MemoryDirectoryStore;
import dev.parley.conversation.faq.application.FaqStore;
import dev.parley.conversation.faq.domain.FaqEntry;
import dev.parley.conversation.faq.domain.RankedEntry;
import dev.parley.conversation.shared.adapter.memory.MemoryDatabase;
import dev.parley.conversation.shared.adapter.memory.PostgresOrder;
import dev.parley.conversation.shared.adapter.memory.text.Lexemes;
import dev.parley.conversation.shared.adapter.memory.text.Ranking;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The FAQ in memory, ranked as {@code R2dbcFaqStore} ranks it: by coverage (the share of the
 * customer's meaningful English words an entry matches), then by {@code ts_rank} with question and
 * keywords weighted A and the answer C, then by position. Only English, the schema's default
 * language for inboxes.
 */
public final class MemoryFaqStore implements FaqStore {

    /** An entry and what it was created at (listing breaks position ties by it). */
    public record FaqRow(FaqEntry entry, Instant createdAt) {
    }

    public static final MemoryDatabase.Table<UUID, FaqRow> ENTRIES = new MemoryDatabase.Table<>("faq_entry");

    private final MemoryDatabase db;

    public MemoryFaqStore(MemoryDatabase db) {
        this.db = db;
    }

    private record Scored(FaqEntry entry, double coverage, double rank) {
    }

    @Override
    public Flux<RankedEntry> search(UUID inboxId, String text, int limit) {
        Set<String> query = new LinkedHashSet<>(Lexemes.english(text));
        if (query.isEmpty()) {
            return Flux.empty();
        }
        return db.query(tx -> db.table(ENTRIES).where(row -> row.entry().inboxId().equals(inboxId) && row.entry().active())
                .stream().map(row -> score(row.entry(), query)).filter(scored -> scored.coverage() > 0)
                .sorted(Comparator.comparingDouble(Scored::coverage).reversed()
                        .thenComparing(Comparator.comparingDouble(Scored::rank).reversed())
                        .thenComparingInt(scored -> scored.entry().position())
                        .thenComparing(scored -> scored.entry().id(), PostgresOrder.UUIDS))
                .limit(limit)
                .map(scored -> new RankedEntry(scored.entry(), scored.coverage()))
                .toList());
    }

    private static Scored score(FaqEntry entry, Set<String> query) {
        Ranking document = new Ranking()
                .add(Lexemes.english(entry.question()), Ranking.Weight.A)
                .add(Lexemes.english(String.join(" ", entry.keywords())), Ranking.Weight.A)
                .add(Lexemes.english(entry.answer()), Ranking.Weight.C);
        long matched = query.stream().filter(document::contains).count();
        // ts_rank returns a float4; rounding as it does keeps its ties.
        return new Scored(entry, (double) matched / query.size(), (float) document.rankOr(query));
    }

    @Override
    public Flux<FaqEntry> list(UUID inboxId) {
        return db.query(tx -> db.table(ENTRIES).where(row -> row.entry().inboxId().equals(inboxId)).stream()
                .sorted(Comparator.comparingInt((FaqRow row) -> row.entry().position()).thenComparing(FaqRow::createdAt))
                .map(FaqRow::entry).toList());
    }

    /** An entry of another inbox with the same id is left alone, as the SQL's conflict clause does. */
    @Override
    public Mono<Void> save(FaqEntry entry, Instant at) {
        return db.statement(tx -> {
            if (!db.table(MemoryDirectoryStore.INBOXES).contains(entry.inboxId())) {
                return null;
            }
            var existing = db.table(ENTRIES).get(entry.id());
            if (existing.isEmpty()) {
                db.table(ENTRIES).put(tx, entry.id(), new FaqRow(entry, at));
            } else if (existing.get().entry().inboxId().equals(entry.inboxId())) {
                db.table(ENTRIES).put(tx, entry.id(), new FaqRow(entry, existing.get().createdAt()));
            }
            return null;
        });
    }

    @Override
    public Mono<Boolean> delete(UUID inboxId, UUID entryId) {
        return db.statement(tx -> db.table(ENTRIES).get(entryId).filter(row -> row.entry().inboxId().equals(inboxId))
                .map(row -> db.table(ENTRIES).remove(tx, entryId)).orElse(false));
    }
}
