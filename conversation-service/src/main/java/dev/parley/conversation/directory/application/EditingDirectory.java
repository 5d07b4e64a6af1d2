package dev.parley.conversation.directory.application;

import dev.parley.conversation.directory.application.DirectoryAdmin.Department;
import dev.parley.conversation.directory.domain.DepartmentSettings;
import dev.parley.conversation.directory.domain.Inbox;
import dev.parley.conversation.directory.domain.InboxSettings;
import dev.parley.conversation.identity.domain.Caller;
import dev.parley.conversation.shared.domain.Outcome;
import dev.parley.conversation.shared.domain.Rejection;
import dev.parley.conversation.shared.domain.UuidV7;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import reactor.core.publisher.Mono;

/**
 * Admins change departments (with their routing strategy) and inboxes, and rotate an inbox's
 * identity secret. A department is deleted only when no conversation, agent or inbox uses it;
 * otherwise the refusal says what still does.
 */
public final class EditingDirectory {

    public static final String DEPARTMENT_IN_USE = "department.in_use";
    public static final String NAME_TAKEN = "department.name_taken";

    private final DirectoryAdmin admin;
    private final DirectoryStore directory;
    private final Clock clock;

    public EditingDirectory(DirectoryAdmin admin, DirectoryStore directory, Clock clock) {
        this.admin = admin;
        this.directory = directory;
        this.clock = clock;
    }

    /** The identity secret, shown once when it is made. */
    public record Secret(UUID inboxId, String hmacSecret) {
    }

    public Mono<Outcome<Department>> createDepartment(Caller caller, DepartmentSettings settings) {
        Optional<Rejection> refusal = Admins.refusal(caller).or(settings::problem);
        if (refusal.isPresent()) {
            return Mono.just(Outcome.rejected(refusal.get()));
        }
        Instant now = clock.instant();
        var department = new Department(UuidV7.next(now), settings.name(), settings.routing(),
                settings.skillsFallbackSeconds());
        return admin.createDepartment(department, now).map(created -> created ? Outcome.accepted(department)
                : Outcome.rejected(nameTaken()));
    }

    public Mono<Outcome<Department>> department(Caller caller, UUID departmentId) {
        if (!(caller instanceof Caller.Agent || caller instanceof Caller.Service)) {
            return Mono.just(Outcome.rejected(AdministeringDirectory.ADMIN_ONLY, "agents and services read departments"));
        }
        return admin.department(departmentId).map(Outcome::accepted).defaultIfEmpty(departmentNotFound());
    }

    public Mono<Outcome<Department>> editDepartment(Caller caller, UUID departmentId, DepartmentSettings settings) {
        Optional<Rejection> refusal = Admins.refusal(caller).or(settings::problem);
        if (refusal.isPresent()) {
            return Mono.just(Outcome.rejected(refusal.get()));
        }
        var department = new Department(departmentId, settings.name(), settings.routing(), settings.skillsFallbackSeconds());
        return admin.updateDepartment(department)
                .map(updated -> updated ? Outcome.accepted(department) : Outcome.<Department>rejected(nameTaken()))
                .defaultIfEmpty(departmentNotFound());
    }

    public Mono<Outcome<UUID>> deleteDepartment(Caller caller, UUID departmentId) {
        Optional<Rejection> refusal = Admins.refusal(caller);
        if (refusal.isPresent()) {
            return Mono.just(Outcome.rejected(refusal.get()));
        }
        return directory.departmentExists(departmentId).flatMap(exists -> !exists
                ? Mono.just(EditingDirectory.<UUID>departmentNotFound())
                : admin.uses(departmentId).flatMap(uses -> !uses.none() ? Mono.just(inUse(uses))
                        : admin.deleteDepartment(departmentId).flatMap(deleted -> deleted
                                ? Mono.just(Outcome.accepted(departmentId))
                                : admin.uses(departmentId).map(EditingDirectory::inUse))));
    }

    public Mono<Outcome<Inbox>> editInbox(Caller caller, UUID inboxId, InboxSettings settings) {
        Optional<Rejection> refusal = Admins.refusal(caller).or(settings::problem);
        if (refusal.isPresent()) {
            return Mono.just(Outcome.rejected(refusal.get()));
        }
        return directory.departmentExists(settings.defaultDepartmentId()).flatMap(exists -> !exists
                ? Mono.just(Outcome.<Inbox>rejected(Rejection.invalid("department.not_found", "defaultDepartmentId",
                        "no such department")))
                : admin.updateInbox(inboxId, settings).flatMap(updated -> updated
                        ? directory.inbox(inboxId).map(Outcome::accepted)
                        : Mono.just(Outcome.<Inbox>rejected(inboxNotFound()))));
    }

    /** A new secret: every {@code userHash} made with the old one stops proving its user at once. */
    public Mono<Outcome<Secret>> rotateSecret(Caller caller, UUID inboxId) {
        Optional<Rejection> refusal = Admins.refusal(caller);
        if (refusal.isPresent()) {
            return Mono.just(Outcome.rejected(refusal.get()));
        }
        String secret = Admins.random(32);
        return admin.replaceSecret(inboxId, secret).map(replaced -> replaced
                ? Outcome.accepted(new Secret(inboxId, secret)) : Outcome.rejected(inboxNotFound()));
    }

    private static <T> Outcome<T> inUse(DirectoryAdmin.DepartmentUse uses) {
        return Outcome.rejected(DEPARTMENT_IN_USE, "the department is still used by " + uses.conversations()
                + " conversations, " + uses.agents() + " agents and " + uses.inboxes() + " inboxes; move them first");
    }

    private static Rejection nameTaken() {
        return Rejection.invalid(NAME_TAKEN, "name", "a department has this name");
    }

    private static <T> Outcome<T> departmentNotFound() {
        return Outcome.rejected("department.not_found", "no such department");
    }

    private static Rejection inboxNotFound() {
        return Rejection.of("inbox.not_found", "no such inbox");
    }
}
