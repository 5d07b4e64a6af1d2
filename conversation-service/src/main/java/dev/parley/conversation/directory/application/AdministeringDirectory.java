package dev.parley.conversation.directory.application;

import dev.parley.conversation.directory.application.DirectoryAdmin.Department;
import dev.parley.conversation.directory.application.DirectoryAdmin.NewAgent;
import dev.parley.conversation.directory.application.DirectoryAdmin.NewInbox;
import dev.parley.conversation.directory.domain.Agent;
import dev.parley.conversation.directory.domain.Inbox;
import dev.parley.conversation.identity.domain.Caller;
import dev.parley.conversation.shared.domain.Outcome;
import dev.parley.conversation.shared.domain.Rejection;
import dev.parley.conversation.shared.domain.UuidV7;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Admins set up departments, inboxes (a website's widget, with its public key and HMAC secret) and
 * agents. Passwords are identity's business and set there.
 */
public final class AdministeringDirectory {

    public static final String ADMIN_ONLY = "directory.admin_only";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final DirectoryAdmin admin;
    private final DirectoryStore directory;
    private final Clock clock;

    public AdministeringDirectory(DirectoryAdmin admin, DirectoryStore directory, Clock clock) {
        this.admin = admin;
        this.directory = directory;
        this.clock = clock;
    }

    public Mono<Outcome<Department>> createDepartment(Caller caller, String name) {
        if (!isAdmin(caller)) {
            return adminOnly();
        }
        if (name == null || name.isBlank() || name.length() > 100) {
            return Mono.just(Outcome.rejected(Rejection.invalid("department.invalid_name", "name", "a name of 1 to 100 characters")));
        }
        Instant now = clock.instant();
        var department = new Department(UuidV7.next(now), name.strip());
        return admin.createDepartment(department, now).map(created -> created ? Outcome.accepted(department)
                : Outcome.rejected(Rejection.invalid("department.name_taken", "name", "a department has this name")));
    }

    public Mono<Outcome<NewInbox>> createInbox(Caller caller, String name, List<String> allowedOrigins,
                                               boolean botEnabled, UUID defaultDepartmentId) {
        if (!isAdmin(caller)) {
            return adminOnly();
        }
        if (name == null || name.isBlank()) {
            return Mono.just(Outcome.rejected(Rejection.invalid("inbox.invalid_name", "name", "an inbox needs a name")));
        }
        Instant now = clock.instant();
        var inbox = new NewInbox(UuidV7.next(now), name.strip(), "pk_" + random(12), random(32),
                allowedOrigins == null ? List.of() : List.copyOf(allowedOrigins), botEnabled, defaultDepartmentId);
        return directory.departmentExists(defaultDepartmentId == null ? new UUID(0, 0) : defaultDepartmentId)
                .flatMap(exists -> !exists
                        ? Mono.just(Outcome.<NewInbox>rejected(Rejection.invalid("department.not_found",
                                "defaultDepartmentId", "no such department")))
                        : admin.createInbox(inbox, now).thenReturn(Outcome.accepted(inbox)));
    }

    public Mono<Outcome<NewAgent>> createAgent(Caller caller, String name, String email, String role,
                                               Integer maxConcurrent, Set<UUID> departmentIds) {
        if (!isAdmin(caller)) {
            return adminOnly();
        }
        if (name == null || name.isBlank() || email == null || !email.contains("@")) {
            return Mono.just(Outcome.rejected(Rejection.invalid("agent.invalid", "email", "an agent needs a name and an email")));
        }
        String chosenRole = role == null ? "AGENT" : role.toUpperCase();
        if (!chosenRole.equals("AGENT") && !chosenRole.equals("ADMIN")) {
            return Mono.just(Outcome.rejected(Rejection.invalid("agent.invalid", "role", "role is AGENT or ADMIN")));
        }
        int max = maxConcurrent == null ? 3 : maxConcurrent;
        if (max < 0 || max > 100) {
            return Mono.just(Outcome.rejected(Rejection.invalid("agent.invalid", "maxConcurrent", "0 to 100")));
        }
        Instant now = clock.instant();
        var agent = new NewAgent(UuidV7.next(now), name.strip(), email.strip(), chosenRole, max,
                departmentIds == null ? Set.of() : Set.copyOf(departmentIds));
        return Flux.fromIterable(agent.departmentIds()).concatMap(directory::departmentExists).all(Boolean::booleanValue)
                .flatMap(known -> !known
                        ? Mono.just(Outcome.<NewAgent>rejected(Rejection.invalid("department.not_found", "departmentIds",
                                "no such department")))
                        : admin.createAgent(agent, now).map(created -> created ? Outcome.accepted(agent)
                                : Outcome.rejected(Rejection.invalid("agent.email_taken", "email", "an agent has this email"))));
    }

    public Mono<Outcome<List<Department>>> departments(Caller caller) {
        return caller instanceof Caller.Agent || caller instanceof Caller.Service
                ? admin.departments().collectList().map(Outcome::accepted) : adminOnly();
    }

    public Mono<Outcome<List<Inbox>>> inboxes(Caller caller) {
        return isAdmin(caller) ? admin.inboxes().collectList().map(Outcome::accepted) : adminOnly();
    }

    public Mono<Outcome<List<Agent>>> agents(Caller caller) {
        return caller instanceof Caller.Agent || caller instanceof Caller.Service
                ? admin.agents().collectList().map(Outcome::accepted) : adminOnly();
    }

    private static boolean isAdmin(Caller caller) {
        return caller instanceof Caller.Agent agent && agent.isAdmin();
    }

    private static <T> Mono<Outcome<T>> adminOnly() {
        return Mono.just(Outcome.rejected(ADMIN_ONLY, "only admins manage the directory"));
    }

    private static String random(int bytes) {
        byte[] value = new byte[bytes];
        RANDOM.nextBytes(value);
        return HexFormat.of().formatHex(value);
    }
}
