package dev.parley.conversation.directory.application;

import dev.parley.conversation.directory.domain.Agent;
import dev.parley.conversation.directory.domain.AgentSettings;
import dev.parley.conversation.directory.domain.Inbox;
import dev.parley.conversation.directory.domain.InboxSettings;
import dev.parley.conversation.directory.domain.RoutingStrategy;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Creating, changing and listing what the directory holds; admin-only through
 * {@link AdministeringDirectory} and {@link ManagingAgents}. Every change is one statement, so it
 * is whole or absent; uniqueness (department names, agent emails) is the database's to decide.
 */
public interface DirectoryAdmin {

    /** @param skillsFallbackSeconds null for the worker's default */
    record Department(UUID id, String name, RoutingStrategy strategy, Integer skillsFallbackSeconds) {

        public Department(UUID id, String name) {
            this(id, name, RoutingStrategy.LEAST_BUSY, null);
        }
    }

    record NewInbox(UUID id, String name, String publicKey, String hmacSecret, List<String> allowedOrigins,
                    boolean botEnabled, UUID defaultDepartmentId) {
    }

    record NewAgent(UUID id, String name, String email, String role, int maxConcurrent, Set<UUID> departmentIds) {
    }

    /** What still uses a department; it may be deleted only when nothing does. */
    record DepartmentUse(long conversations, long agents, long inboxes) {

        public boolean none() {
            return conversations == 0 && agents == 0 && inboxes == 0;
        }
    }

    /** False when the name is taken. */
    Mono<Boolean> createDepartment(Department department, Instant at);

    Flux<Department> departments();

    Mono<Department> department(UUID departmentId);

    /** Empty when there is no such department; false when the name is taken by another. */
    Mono<Boolean> updateDepartment(Department department);

    Mono<DepartmentUse> uses(UUID departmentId);

    /** False when nothing was deleted (no such department, or something came to use it meanwhile). */
    Mono<Boolean> deleteDepartment(UUID departmentId);

    Mono<Void> createInbox(NewInbox inbox, Instant at);

    Flux<Inbox> inboxes();

    /** False when there is no such inbox. */
    Mono<Boolean> updateInbox(UUID inboxId, InboxSettings settings);

    /** False when there is no such inbox. */
    Mono<Boolean> replaceSecret(UUID inboxId, String hmacSecret);

    /** False when the email is taken. */
    Mono<Boolean> createAgent(NewAgent agent, Instant at);

    Flux<Agent> agents();

    /** Name, role, capacity and departments (replaced as a set). False when there is no such agent. */
    Mono<Boolean> updateAgent(UUID agentId, AgentSettings settings);

    /**
     * Deactivates (and sets OFFLINE) or reactivates; the previous agent, empty when there is no such agent.
     * A reactivated agent stays OFFLINE until they come online.
     */
    Mono<Agent> setActive(UUID agentId, boolean active, Instant at);
}
