package dev.parley.gateway.session.domain;

import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * Who a socket belongs to, as its verified token says.
 *
 * @param userId      the customer's or agent's id ({@code sub})
 * @param role        what the token grants
 * @param inboxId     a customer's inbox, {@code null} for agents
 * @param departments an agent's departments (for named audiences), empty for customers
 */
public record Principal(UUID userId, Role role, UUID inboxId, Set<UUID> departments) {

    public enum Role {
        CUSTOMER, AGENT, ADMIN;

        public boolean isAgent() {
            return this != CUSTOMER;
        }
    }

    public Principal {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(role, "role");
        departments = Set.copyOf(departments);
    }

    public boolean isAgent() {
        return role.isAgent();
    }

    public Principal withDepartments(Set<UUID> agentDepartments) {
        return new Principal(userId, role, inboxId, agentDepartments);
    }
}
