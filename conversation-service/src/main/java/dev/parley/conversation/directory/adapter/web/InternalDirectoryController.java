package dev.parley.conversation.directory.adapter.web;

import dev.parley.conversation.directory.application.ChangingAgentStatus;
import dev.parley.conversation.directory.domain.AgentStatus;
import dev.parley.conversation.identity.domain.Caller;
import dev.parley.conversation.shared.adapter.web.ProblemException;
import dev.parley.conversation.shared.adapter.web.Responses;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Agent status through the internal API (the gateways report agents offline): service tokens only. */
@RestController
@RequestMapping("/internal/v1")
public class InternalDirectoryController {

    private final ChangingAgentStatus statuses;

    public InternalDirectoryController(ChangingAgentStatus statuses) {
        this.statuses = statuses;
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
