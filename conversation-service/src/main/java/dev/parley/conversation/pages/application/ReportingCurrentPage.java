package dev.parley.conversation.pages.application;

import dev.parley.conversation.identity.domain.Caller;
import dev.parley.conversation.pages.domain.CurrentPage;
import dev.parley.conversation.shared.domain.Outcome;
import java.time.Clock;
import reactor.core.publisher.Mono;

/**
 * A customer's widget says which host page they are on. Only for the customer of the token: the
 * request names no customer, so a widget can set its own customer's page and nobody else's.
 */
public final class ReportingCurrentPage {

    public static final String CUSTOMERS_ONLY = "page.customers_only";

    private final CurrentPages pages;
    private final Clock clock;

    public ReportingCurrentPage(CurrentPages pages, Clock clock) {
        this.pages = pages;
        this.clock = clock;
    }

    public Mono<Outcome<CurrentPage>> report(Caller caller, String url, String title) {
        if (!(caller instanceof Caller.Customer customer)) {
            return Mono.just(Outcome.rejected(CUSTOMERS_ONLY, "only a customer's widget reports the page they are on"));
        }
        Outcome<CurrentPage> page = CurrentPage.of(url, title);
        if (!(page instanceof Outcome.Accepted<CurrentPage> accepted)) {
            return Mono.just(page);
        }
        return pages.record(customer.customerId(), accepted.value(), clock.instant())
                .map(found -> found ? page : Outcome.rejected("customer.not_found", "the token's customer is gone"));
    }
}
