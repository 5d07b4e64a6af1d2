package dev.parley.conversation.pages.application;

import dev.parley.conversation.pages.domain.CurrentPage;
import java.time.Instant;
import java.util.UUID;
import reactor.core.publisher.Mono;

/**
 * Where each customer's current page is kept. One value per customer, latest write wins (two tabs
 * of one visitor report in turn; the last one reported is the one shown). Nothing else of the
 * customer changes.
 */
public interface CurrentPages {

    /** Records {@code page} as the customer's, seen at {@code at}; false when there is no such customer. */
    Mono<Boolean> record(UUID customerId, CurrentPage page, Instant at);
}
