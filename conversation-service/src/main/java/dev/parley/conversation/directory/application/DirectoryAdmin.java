package dev.parley.conversation.directory.application;

import dev.parley.conversation.directory.domain.Agent;
import dev.parley.conversation.directory.domain.Inbox;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Creating and listing what the directory holds; admin-only through {@link AdministeringDirectory}. */
public interface DirectoryAdmin {

    record Department(UUID id, String name) {
    }

    record NewInbox(UUID id, String name, String publicKey, String hmacSecret, List<String> allowedOrigins,
                    boolean botEnabled, UUID defaultDepartmentId) {
    }

    record NewAgent(UUID id, String name, String email, String role, int maxConcurrent, Set<UUID> departmentIds) {
    }

    /** False when the name is taken. */
    Mono<Boolean> createDepartment(Department department, Instant at);

    Flux<Department> departments();

    Mono<Void> createInbox(NewInbox inbox, Instant at);

    Flux<Inbox> inboxes();

    /** False when the email is taken. */
    Mono<Boolean> createAgent(NewAgent agent, Instant at);

    Flux<Agent> agents();
}
