package dev.parley.conversation.search.adapter.web;

import dev.parley.conversation.identity.domain.Caller;
import dev.parley.conversation.search.application.SearchIndex;
import dev.parley.conversation.search.application.SearchQuery;
import dev.parley.conversation.search.application.SearchingConversations;
import dev.parley.conversation.shared.adapter.web.Responses;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** {@code GET /api/v1/search/conversations?q=...}: ranked, paginated, as far as the caller may see. */
@RestController
public class SearchController {

    private final SearchingConversations searching;

    public SearchController(SearchingConversations searching) {
        this.searching = searching;
    }

    @GetMapping("/api/v1/search/conversations")
    public Mono<ResponseEntity<List<SearchIndex.Hit>>> search(
            Caller caller, @RequestParam String q, @RequestParam(required = false) String status,
            @RequestParam(required = false) UUID department, @RequestParam(required = false) UUID agent,
            @RequestParam(required = false) Instant from, @RequestParam(required = false) Instant to,
            @RequestParam(defaultValue = "0") int offset, @RequestParam(defaultValue = "20") int limit) {
        return Responses.ok(searching.search(caller, new SearchQuery(q, status, department, agent, from, to, offset, limit)));
    }
}
