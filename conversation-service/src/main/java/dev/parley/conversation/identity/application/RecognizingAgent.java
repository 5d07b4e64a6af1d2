package dev.parley.conversation.identity.application;

import dev.parley.conversation.identity.domain.AgentCredentials;
import dev.parley.conversation.identity.domain.Caller;
import dev.parley.conversation.shared.domain.Outcome;
import reactor.core.publisher.Mono;

/** Maps a person an OIDC provider vouches for, by email, to the Parley agent with that email. */
public final class RecognizingAgent {

    public static final String UNKNOWN_AGENT = "auth.agent_unknown";

    private final AgentAccounts accounts;

    public RecognizingAgent(AgentAccounts accounts) {
        this.accounts = accounts;
    }

    public Mono<Outcome<Caller.Agent>> byEmail(String email) {
        return Mono.justOrEmpty(email)
                .flatMap(accounts::findByEmail)
                .map(AgentCredentials::asCaller)
                .map(Outcome::accepted)
                .defaultIfEmpty(Outcome.rejected(UNKNOWN_AGENT, "No agent has the email of this token."));
    }
}
