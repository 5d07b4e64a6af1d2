package dev.parley.conversation.lifecycle.adapter.web;

import dev.parley.conversation.identity.domain.Caller;
import dev.parley.conversation.lifecycle.application.ChangingLifecycle;
import dev.parley.conversation.lifecycle.application.ManagingParticipants;
import dev.parley.conversation.lifecycle.application.StartingConversation;
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
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Starting a conversation and moving it through its lifecycle. */
@RestController
@RequestMapping("/api/v1/conversations")
public class LifecycleController {

    private final StartingConversation starting;
    private final ChangingLifecycle lifecycle;
    private final ManagingParticipants participants;

    public LifecycleController(StartingConversation starting, ChangingLifecycle lifecycle,
                               ManagingParticipants participants) {
        this.starting = starting;
        this.lifecycle = lifecycle;
        this.participants = participants;
    }

    @Refusal(status = 409, when = "The conversation is closed", codes = {"conversation.closed"})
    @PostMapping("/{id}/join")
    public Mono<ResponseEntity<Conversation>> join(Caller caller, @PathVariable UUID id) {
        return Responses.ok(participants.join(caller, id));
    }

    @Refusal(status = 409, when = "The owner must transfer or resolve instead",
            codes = {"conversation.owner_cannot_leave"})
    @PostMapping("/{id}/leave")
    public Mono<ResponseEntity<Conversation>> leave(Caller caller, @PathVariable UUID id) {
        return Responses.ok(participants.leave(caller, id));
    }

    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping
    public Mono<ResponseEntity<Conversation>> start(Caller caller) {
        return Responses.with(starting.start(caller), HttpStatus.CREATED);
    }

    /** {@code action} is one of talk-to-agent, accept, wait-on-customer, resolve, close, reopen. */
    @Refusal(status = 409, when = "The conversation's state does not allow it",
            codes = {"conversation.illegal_transition", "conversation.closed", "agent.unavailable"})
    @PostMapping("/{id}/{action:talk-to-agent|accept|wait-on-customer|resolve|close|reopen}")
    public Mono<ResponseEntity<Conversation>> change(Caller caller, @PathVariable UUID id, @PathVariable String action) {
        LifecycleCommand command = switch (action) {
            case "talk-to-agent" -> new LifecycleCommand.TalkToAgent();
            case "accept" -> new LifecycleCommand.Accept();
            case "wait-on-customer" -> new LifecycleCommand.WaitOnCustomer();
            case "resolve" -> new LifecycleCommand.Resolve();
            case "close" -> new LifecycleCommand.Close();
            default -> new LifecycleCommand.Reopen();
        };
        return Responses.ok(lifecycle.apply(caller, id, command));
    }

    /** Exactly one of {@code agentId} and {@code departmentId}. */
    public record TransferRequest(UUID agentId, UUID departmentId) {
    }

    @Refusal(status = 409, when = "The conversation's state does not allow it",
            codes = {"conversation.illegal_transition", "conversation.closed", "agent.unavailable"})
    @PostMapping("/{id}/transfer")
    public Mono<ResponseEntity<Conversation>> transfer(Caller caller, @PathVariable UUID id,
                                                       @RequestBody TransferRequest request) {
        if ((request.agentId() == null) == (request.departmentId() == null)) {
            return Mono.error(new ProblemException(HttpStatus.BAD_REQUEST, Rejection.invalid(
                    "transfer.invalid_target", "agentId", "name exactly one of agentId and departmentId")));
        }
        LifecycleCommand command = request.agentId() != null
                ? new LifecycleCommand.TransferToAgent(request.agentId())
                : new LifecycleCommand.TransferToDepartment(request.departmentId());
        return Responses.ok(lifecycle.apply(caller, id, command));
    }
}
