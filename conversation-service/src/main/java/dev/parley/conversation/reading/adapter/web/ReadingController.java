package dev.parley.conversation.reading.adapter.web;

import dev.parley.conversation.identity.domain.Caller;
import dev.parley.conversation.reading.application.ConversationQueries.Position;
import dev.parley.conversation.reading.application.ReadingConversations;
import dev.parley.conversation.shared.adapter.web.ProblemException;
import dev.parley.conversation.shared.adapter.web.Responses;
import dev.parley.conversation.shared.domain.Rejection;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Conversations, their history, the events since a seq, and the lists. */
@RestController
@RequestMapping("/api/v1/conversations")
public class ReadingController {

    private final ReadingConversations reading;

    public ReadingController(ReadingConversations reading) {
        this.reading = reading;
    }

    /** A page of a list; {@code next} is the opaque cursor of the following page, absent at the end. */
    public record ListResponse(List<?> conversations, String next) {
    }

    /**
     * @param view   {@code mine} (default), {@code queue}, {@code open}, {@code closed} (resolved and closed) or {@code all}
     * @param cursor the {@code next} of the previous page
     */
    @GetMapping
    public Mono<ResponseEntity<ListResponse>> list(Caller caller,
                                                   @RequestParam(defaultValue = "mine") String view,
                                                   @RequestParam(required = false) UUID department,
                                                   @RequestParam(required = false) String cursor,
                                                   @RequestParam(defaultValue = "50") int limit) {
        ReadingConversations.View chosen;
        try {
            chosen = ReadingConversations.View.valueOf(view.toUpperCase());
        } catch (IllegalArgumentException e) {
            return Mono.error(invalid("view", "view is mine, queue, open, closed or all"));
        }
        return Responses.ok(reading.list(caller, chosen, department, decode(cursor), limit)
                .map(outcome -> outcome.map(page -> new ListResponse(page.conversations(), encode(page.next())))));
    }

    @GetMapping("/{id}")
    public Mono<ResponseEntity<ReadingConversations.Detail>> detail(Caller caller, @PathVariable UUID id) {
        return Responses.ok(reading.detail(caller, id));
    }

    /** The customer sidebar (agents): name, email, custom attributes and their latest conversations. */
    @GetMapping("/{id}/customer")
    public Mono<ResponseEntity<ReadingConversations.CustomerView>> customer(Caller caller, @PathVariable UUID id) {
        return Responses.ok(reading.customer(caller, id));
    }

    /** Without before or after: the latest page. Messages always come oldest first. */
    @GetMapping("/{id}/messages")
    public Mono<ResponseEntity<ReadingConversations.HistoryPage>> history(
            Caller caller, @PathVariable UUID id, @RequestParam(required = false) Long before,
            @RequestParam(required = false) Long after, @RequestParam(defaultValue = "50") int limit) {
        return Responses.ok(reading.history(caller, id, before, after, limit));
    }

    /** Resume: the events after {@code since}, and the seq the caller is now complete through. */
    @GetMapping("/{id}/events")
    public Mono<ResponseEntity<ReadingConversations.EventsPage>> events(
            Caller caller, @PathVariable UUID id, @RequestParam(defaultValue = "0") long since,
            @RequestParam(defaultValue = "100") int limit) {
        return Responses.ok(reading.eventsSince(caller, id, since, limit));
    }

    private static String encode(Position position) {
        if (position == null) {
            return null;
        }
        String raw = position.lastActivityAt() + "|" + position.id();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    private static Position decode(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\\|");
            return new Position(Instant.parse(parts[0]), UUID.fromString(parts[1]));
        } catch (RuntimeException e) {
            throw invalid("cursor", "the cursor is not one this API handed out");
        }
    }

    private static ProblemException invalid(String field, String message) {
        return new ProblemException(HttpStatus.BAD_REQUEST, Rejection.invalid("page.invalid", field, message));
    }
}
