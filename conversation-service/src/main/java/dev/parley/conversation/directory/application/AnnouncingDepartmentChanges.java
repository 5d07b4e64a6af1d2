package dev.parley.conversation.directory.application;

import dev.parley.conversation.identity.domain.Actors;
import dev.parley.conversation.identity.domain.Caller;
import dev.parley.conversation.outbox.application.Outbox;
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
 * Records {@code agent.departments_changed} (docs/events.md) when an admin changes an agent's
 * departments, in the transaction that changes them: the gateway applies it to the agent's open
 * sockets, so one removed from a department stops receiving its traffic without reconnecting
 * (issue 15, defect 4). The same set again records nothing.
 */
public final class AnnouncingDepartmentChanges {

    private final Outbox outbox;
    private final Topics topics;
    private final Clock clock;

    public AnnouncingDepartmentChanges(Outbox outbox, Topics topics, Clock clock) {
        this.outbox = outbox;
        this.topics = topics;
        this.clock = clock;
    }

    /** Call inside the transaction that changed the agent's departments from {@code before} to {@code after}. */
    public Mono<Void> changed(Caller caller, UUID agentId, Set<UUID> before, Set<UUID> after) {
        if (Set.copyOf(before).equals(Set.copyOf(after))) {
            return Mono.empty();
        }
        Instant now = clock.instant();
        return outbox.append(topics.agentEvents(), List.of(EventEnvelope.of(UuidV7.next(now), null, null, now,
                Actors.of(caller), Audience.agentsOnly(Set.of(agentId)),
                new EventData.AgentDepartmentsChanged(agentId, after, now))));
    }
}
