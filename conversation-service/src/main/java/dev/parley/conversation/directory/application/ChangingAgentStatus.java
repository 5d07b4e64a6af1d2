package dev.parley.conversation.directory.application;

import dev.parley.conversation.directory.domain.AgentStatus;
import dev.parley.conversation.identity.domain.Caller;
import dev.parley.conversation.identity.domain.Actors;
import dev.parley.conversation.outbox.application.Outbox;
import dev.parley.conversation.shared.application.Transactions;
import dev.parley.conversation.shared.domain.Outcome;
import dev.parley.conversation.shared.domain.UuidV7;
import dev.parley.events.Audience;
import dev.parley.events.EventData;
import dev.parley.events.EventEnvelope;
import dev.parley.events.Topics;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import reactor.core.publisher.Mono;

/**
 * An agent's availability. Agents set their own; an admin anyone's; the gateway reports OFFLINE
 * after its grace period. A change emits {@code agent.status_changed} (the worker assigns on it);
 * setting the status an agent already has changes nothing.
 */
public final class ChangingAgentStatus {

    private final Transactions transactions;
    private final DirectoryStore directory;
    private final Outbox outbox;
    private final Topics topics;
    private final Clock clock;

    public ChangingAgentStatus(Transactions transactions, DirectoryStore directory, Outbox outbox, Topics topics,
                               Clock clock) {
        this.transactions = transactions;
        this.directory = directory;
        this.outbox = outbox;
        this.topics = topics;
        this.clock = clock;
    }

    public Mono<Outcome<AgentStatus>> change(Caller caller, UUID agentId, AgentStatus status) {
        boolean allowed = caller instanceof Caller.Service
                || caller instanceof Caller.Agent agent && (agent.isAdmin() || agent.agentId().equals(agentId));
        if (!allowed) {
            return Mono.just(Outcome.rejected("agent.forbidden", "you may change only your own status"));
        }
        Instant now = clock.instant();
        return transactions.inTransaction(() -> directory.changeStatus(agentId, status, now)
                .flatMap(previous -> previous == status ? Mono.just(Outcome.accepted(status))
                        : outbox.append(topics.agentEvents(), List.of(EventEnvelope.of(UuidV7.next(now), null, null, now,
                                        Actors.of(caller), Audience.users(Set.of(agentId)).withNamed(Audience.ALL_AGENTS),
                                        new EventData.AgentStatusChanged(agentId, status.name(), previous.name(), now))))
                                .thenReturn(Outcome.accepted(status)))
                .defaultIfEmpty(Outcome.rejected("agent.not_found", "no such agent")));
    }
}
