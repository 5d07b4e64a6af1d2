package dev.parley.conversation.reading.adapter.web;

import dev.parley.conversation.identity.domain.Caller;
import dev.parley.conversation.reading.application.ConversationQueries.ConversationSummary;
import dev.parley.conversation.reading.application.ReadingConversations;
import dev.parley.conversation.shared.adapter.web.Responses;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** What the assignment worker reads through the internal API: never routed at the edge, service tokens only. */
@RestController
@RequestMapping("/internal/v1")
public class InternalReadingController {

    private final ReadingConversations reading;

    public InternalReadingController(ReadingConversations reading) {
        this.reading = reading;
    }

    @GetMapping("/queue")
    public Mono<ResponseEntity<List<ConversationSummary>>> queue(Caller caller, @RequestParam UUID department,
                                                                @RequestParam(defaultValue = "100") int limit) {
        return Responses.ok(reading.queue(caller, department, limit));
    }

    /** The open conversations an agent owns, so the worker can requeue them when the agent goes offline. */
    @GetMapping("/agents/{agentId}/conversations")
    public Mono<ResponseEntity<List<ConversationSummary>>> openOwnedBy(Caller caller, @PathVariable UUID agentId) {
        return Responses.ok(reading.openOwnedBy(caller, agentId));
    }

    /** The owner of the department's most recently assigned open conversation: the worker's round-robin position. */
    @GetMapping("/departments/{departmentId}/last-assignee")
    public Mono<ResponseEntity<ReadingConversations.LastAssignee>> lastAssignee(Caller caller, @PathVariable UUID departmentId) {
        return Responses.ok(reading.lastAssignee(caller, departmentId));
    }

}
