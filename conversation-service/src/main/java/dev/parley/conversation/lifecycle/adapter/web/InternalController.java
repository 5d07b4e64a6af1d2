package dev.parley.conversation.lifecycle.adapter.web;

import dev.parley.conversation.identity.domain.Caller;
import dev.parley.conversation.lifecycle.application.ChangingLifecycle;
import dev.parley.conversation.lifecycle.domain.Conversation;
import dev.parley.conversation.lifecycle.domain.LifecycleCommand;
import dev.parley.conversation.shared.adapter.web.ProblemException;
import dev.parley.conversation.shared.adapter.web.Refusal;
import dev.parley.conversation.shared.adapter.web.Responses;
import dev.parley.conversation.shared.domain.Rejection;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * The internal API's lifecycle calls (the assignment worker's assign and requeue): never routed at
 * the edge, and only service tokens are accepted here. Reads are {@code InternalReadingController}'s,
 * agent status {@code InternalDirectoryController}'s.
 */
@RestController
@RequestMapping("/internal/v1")
public class InternalController {

    private final ChangingLifecycle lifecycle;

    public InternalController(ChangingLifecycle lifecycle) {
        this.lifecycle = lifecycle;
    }

    public record AssignRequest(UUID agentId) {
    }

    /** Single winner: 200 when this call assigned it, 409 {@code agent.unavailable} or {@code conversation.illegal_transition} otherwise. */
    @Refusal(status = 409, when = "The conversation's state does not allow it",
            codes = {"conversation.illegal_transition", "conversation.closed", "agent.unavailable"})
    @PostMapping("/conversations/{id}/assign")
    public Mono<ResponseEntity<Conversation>> assign(Caller caller, @PathVariable UUID id, @RequestBody AssignRequest request) {
        if (request.agentId() == null) {
            return Mono.error(new ProblemException(HttpStatus.BAD_REQUEST,
                    Rejection.invalid("assign.agent_missing", "agentId", "name the agent")));
        }
        return Responses.ok(lifecycle.apply(caller, id, new LifecycleCommand.Assign(request.agentId())));
    }

    @Refusal(status = 409, when = "The conversation's state does not allow it",
            codes = {"conversation.illegal_transition", "conversation.closed", "agent.unavailable"})
    @PostMapping("/conversations/{id}/requeue")
    public Mono<ResponseEntity<Conversation>> requeue(Caller caller, @PathVariable UUID id) {
        return Responses.ok(lifecycle.apply(caller, id, new LifecycleCommand.Requeue()));
    }
}
