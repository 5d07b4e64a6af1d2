package dev.parley.conversation.lifecycle.adapter.web;

import dev.parley.conversation.directory.application.ChangingAgentStatus;
import dev.parley.conversation.directory.adapter.web.StatusRequest;
import dev.parley.conversation.directory.domain.AgentStatus;
import dev.parley.conversation.identity.domain.Caller;
import dev.parley.conversation.lifecycle.application.ChangingLifecycle;
import dev.parley.conversation.lifecycle.domain.Conversation;
import dev.parley.conversation.lifecycle.domain.LifecycleCommand;
import dev.parley.conversation.reading.application.ConversationQueries.ConversationSummary;
import dev.parley.conversation.reading.application.ReadingConversations;
import dev.parley.conversation.shared.adapter.web.ProblemException;
import dev.parley.conversation.shared.adapter.web.Responses;
import dev.parley.conversation.shared.domain.Rejection;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * The internal API of the assignment worker and the gateway: never routed at the edge, and only
 * service tokens are accepted here.
 */
@RestController
@RequestMapping("/internal/v1")
public class InternalController {

    private final ChangingLifecycle lifecycle;
    private final ChangingAgentStatus statuses;
    private final ReadingConversations reading;

    public InternalController(ChangingLifecycle lifecycle, ChangingAgentStatus statuses, ReadingConversations reading) {
        this.lifecycle = lifecycle;
        this.statuses = statuses;
        this.reading = reading;
    }

    public record AssignRequest(UUID agentId) {
    }

    /** Single winner: 200 when this call assigned it, 409 {@code agent.unavailable} or {@code conversation.illegal_transition} otherwise. */
    @PostMapping("/conversations/{id}/assign")
    public Mono<ResponseEntity<Conversation>> assign(Caller caller, @PathVariable UUID id, @RequestBody AssignRequest request) {
        if (request.agentId() == null) {
            return Mono.error(new ProblemException(HttpStatus.BAD_REQUEST,
                    Rejection.invalid("assign.agent_missing", "agentId", "name the agent")));
        }
        return Responses.ok(lifecycle.apply(caller, id, new LifecycleCommand.Assign(request.agentId())));
    }

    @PostMapping("/conversations/{id}/requeue")
    public Mono<ResponseEntity<Conversation>> requeue(Caller caller, @PathVariable UUID id) {
        return Responses.ok(lifecycle.apply(caller, id, new LifecycleCommand.Requeue()));
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

    @PutMapping("/agents/{agentId}/status")
    public Mono<ResponseEntity<AgentStatus>> status(Caller caller, @PathVariable UUID agentId,
                                                    @RequestBody StatusRequest request) {
        AgentStatus status;
        try {
            status = request.parsed();
        } catch (ProblemException e) {
            return Mono.error(e);
        }
        return Responses.ok(statuses.change(caller, agentId, status));
    }
}
