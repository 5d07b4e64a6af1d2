package dev.parley.conversation.identity;

import dev.parley.conversation.identity.adapter.web.CurrentCaller;
import dev.parley.conversation.identity.domain.Caller;
import dev.parley.conversation.identity.domain.TokenRole;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * Endpoints that exist only in tests ({@code @Import} it), to try the path rules and the
 * {@link Caller} parameters on.
 */
@RestController
public class CallerProbes {

    /** An internal endpoint: SERVICE tokens only, by the path rule. */
    @GetMapping("/internal/v1/probe")
    public String internal(Caller.Service service) {
        return service.name();
    }

    /** Reads the caller from the reactive context instead of a parameter. */
    @GetMapping("/api/v1/probe/current")
    public Mono<String> current() {
        return CurrentCaller.get().map(caller -> TokenRole.of(caller).name());
    }

    /** An agents-only endpoint, by its parameter type alone. */
    @GetMapping("/api/v1/probe/agent")
    public String agentOnly(Caller.Agent agent) {
        return agent.agentId().toString();
    }
}
