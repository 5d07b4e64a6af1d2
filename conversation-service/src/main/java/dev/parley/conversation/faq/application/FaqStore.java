package dev.parley.conversation.faq.application;

import dev.parley.conversation.faq.domain.FaqEntry;
import dev.parley.conversation.faq.domain.RankedEntry;
import java.time.Instant;
import java.util.UUID;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** FAQ entries per inbox, and full-text search over the active ones. */
public interface FaqStore {

    /**
     * The inbox's active entries matching any of the words of {@code text} (in the inbox's
     * language), best first, at most {@code limit}.
     */
    Flux<RankedEntry> search(UUID inboxId, String text, int limit);

    Flux<FaqEntry> list(UUID inboxId);

    /** False when nothing was written: no such inbox, or the id is an entry of another inbox. */
    Mono<Boolean> save(FaqEntry entry, Instant at);

    /** True when an entry of this inbox was deleted. */
    Mono<Boolean> delete(UUID inboxId, UUID entryId);
}
