package dev.parley.conversation.identity.domain;

import java.util.Objects;
import java.util.UUID;

/**
 * Who is calling, as proven by a verified token. Every use case takes one and checks it: a
 * customer reaches only their own conversations and never a note; an agent what the department
 * policy allows; an admin everything; a service only the internal operations.
 */
public sealed interface Caller {

    record Customer(UUID customerId, UUID inboxId) implements Caller {
        public Customer {
            Objects.requireNonNull(customerId, "customerId");
            Objects.requireNonNull(inboxId, "inboxId");
        }
    }

    record Agent(UUID agentId, AgentRole role) implements Caller {
        public Agent {
            Objects.requireNonNull(agentId, "agentId");
            Objects.requireNonNull(role, "role");
        }

        public boolean isAdmin() {
            return role == AgentRole.ADMIN;
        }
    }

    /** Another Parley service (gateway, worker) calling the internal API. */
    record Service(String name) implements Caller {
        public Service {
            Objects.requireNonNull(name, "name");
        }
    }

    enum AgentRole { AGENT, ADMIN }
}
