package dev.parley.conversation.search.application;

import dev.parley.conversation.directory.application.DirectoryStore;
import dev.parley.conversation.identity.domain.Caller;
import dev.parley.conversation.shared.domain.Outcome;
import dev.parley.conversation.shared.domain.Rejection;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import reactor.core.publisher.Mono;

/**
 * Searches conversations with the same reach as reading them: customers their own (never notes),
 * agents their departments' and those they take part in, admins all.
 */
public final class SearchingConversations {

    public static final String INVALID = "search.invalid";
    /** Deep pages of a ranked search are never read; the bound keeps a query from scanning everything. */
    private static final int MAX_OFFSET = 1000;
    private static final Set<String> STATUSES = Set.of("BOT", "QUEUED", "ACTIVE", "WAITING_ON_CUSTOMER", "RESOLVED", "CLOSED");

    private final SearchIndex index;
    private final DirectoryStore directory;

    public SearchingConversations(SearchIndex index, DirectoryStore directory) {
        this.index = index;
        this.directory = directory;
    }

    public Mono<Outcome<List<SearchIndex.Hit>>> search(Caller caller, SearchQuery query) {
        if (query.text() == null || query.text().isBlank() || query.text().length() > 200) {
            return Mono.just(Outcome.rejected(Rejection.invalid(INVALID, "q", "search for 1 to 200 characters")));
        }
        if (query.limit() < 1 || query.limit() > 100 || query.offset() < 0 || query.offset() > MAX_OFFSET) {
            return Mono.just(Outcome.rejected(Rejection.invalid(INVALID, "limit", "limit 1 to 100, offset 0 to " + MAX_OFFSET)));
        }
        if (query.status() != null && !STATUSES.contains(query.status())) {
            return Mono.just(Outcome.rejected(Rejection.invalid(INVALID, "status", "one of " + STATUSES)));
        }
        return scopeOf(caller)
                .flatMap(scope -> index.search(query, scope).collectList().map(Outcome::<List<SearchIndex.Hit>>accepted))
                .defaultIfEmpty(Outcome.rejected("conversation.forbidden", "only customers and agents search"));
    }

    /** Empty for callers that do not search (services). */
    private Mono<SearchIndex.Scope> scopeOf(Caller caller) {
        if (caller instanceof Caller.Customer customer) {
            return Mono.just(new SearchIndex.Scope(customer.customerId(), List.of(), null, false, false));
        }
        if (caller instanceof Caller.Agent agent) {
            if (agent.isAdmin()) {
                return Mono.just(new SearchIndex.Scope(null, List.of(), null, true, true));
            }
            return directory.agent(agent.agentId()).map(me -> new SearchIndex.Scope(null,
                    new ArrayList<>(me.departmentIds()), agent.agentId(), false, true));
        }
        return Mono.empty();
    }
}
