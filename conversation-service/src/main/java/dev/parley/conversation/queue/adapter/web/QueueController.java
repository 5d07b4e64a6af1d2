package dev.parley.conversation.queue.adapter.web;

import dev.parley.conversation.identity.domain.Caller;
import dev.parley.conversation.queue.application.AnnouncingQueuePositions;
import dev.parley.conversation.shared.adapter.web.Refusal;
import dev.parley.conversation.shared.adapter.web.Responses;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** A waiting conversation's place in line, and the worker's request to announce a department's. */
@RestController
public class QueueController {

    private final AnnouncingQueuePositions positions;

    public QueueController(AnnouncingQueuePositions positions) {
        this.positions = positions;
    }

    public record Announced(int announced) {
    }

    /** 409 {@code conversation.not_queued} once it is no longer waiting. */
    @Refusal(status = 409, when = "The conversation is no longer waiting", codes = {"conversation.not_queued"})
    @GetMapping("/api/v1/conversations/{id}/queue-position")
    public Mono<ResponseEntity<AnnouncingQueuePositions.Position>> position(Caller caller, @PathVariable UUID id) {
        return Responses.ok(positions.positionOf(caller, id));
    }

    @PostMapping("/internal/v1/departments/{id}/queue-positions")
    public Mono<ResponseEntity<Announced>> announce(Caller caller, @PathVariable UUID id) {
        return Responses.ok(positions.announce(caller, id).map(o -> o.map(Announced::new)));
    }
}
