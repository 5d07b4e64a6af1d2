package dev.parley.conversation.directory.adapter.memory;

import static dev.parley.conversation.directory.adapter.memory.MemoryDirectoryStore.AGENTS;
import static dev.parley.conversation.directory.adapter.memory.MemoryDirectoryStore.DEPARTMENTS;
import static dev.parley.conversation.directory.adapter.memory.MemoryDirectoryStore.INBOXES;

import dev.parley.conversation.directory.application.DirectoryAdmin;
import dev.parley.conversation.directory.domain.Agent;
import dev.parley.conversation.directory.domain.AgentStatus;
import dev.parley.conversation.directory.domain.Inbox;
import dev.parley.conversation.identity.domain.Caller;
import dev.parley.conversation.shared.adapter.memory.MemoryDatabase;
import java.time.Instant;
import java.util.Comparator;
import java.util.Locale;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Directory administration in memory, with the uniqueness rules of the schema. */
public final class MemoryDirectoryAdmin implements DirectoryAdmin {

    private final MemoryDatabase db;

    public MemoryDirectoryAdmin(MemoryDatabase db) {
        this.db = db;
    }

    @Override
    public Mono<Boolean> createDepartment(Department department, Instant at) {
        return db.statement(tx -> {
            var table = db.table(DEPARTMENTS);
            if (table.contains(department.id())
                    || !table.where(row -> row.department().name().equals(department.name())).isEmpty()) {
                return false;
            }
            table.put(tx, department.id(), new MemoryDirectoryStore.DepartmentRow(department, at));
            return true;
        });
    }

    @Override
    public Flux<Department> departments() {
        return db.query(tx -> db.table(DEPARTMENTS).all().stream().map(MemoryDirectoryStore.DepartmentRow::department)
                .sorted(Comparator.comparing(Department::name)).toList());
    }

    @Override
    public Mono<Void> createInbox(NewInbox inbox, Instant at) {
        return db.statement(tx -> {
            var table = db.table(INBOXES);
            if (table.contains(inbox.id())
                    || !table.where(row -> row.inbox().publicKey().equals(inbox.publicKey())).isEmpty()) {
                throw new IllegalArgumentException("inbox " + inbox.id() + " or its public key exists");
            }
            if (!db.table(DEPARTMENTS).contains(inbox.defaultDepartmentId())) {
                throw new IllegalArgumentException("no department " + inbox.defaultDepartmentId());
            }
            table.put(tx, inbox.id(), new MemoryDirectoryStore.InboxRow(new Inbox(inbox.id(), inbox.name(),
                    inbox.publicKey(), inbox.allowedOrigins(), inbox.botEnabled(), inbox.defaultDepartmentId()),
                    inbox.hmacSecret(), at));
            return null;
        });
    }

    @Override
    public Flux<Inbox> inboxes() {
        return db.query(tx -> db.table(INBOXES).all().stream()
                .sorted(Comparator.comparing(MemoryDirectoryStore.InboxRow::createdAt))
                .map(MemoryDirectoryStore.InboxRow::inbox).toList());
    }

    @Override
    public Mono<Boolean> createAgent(NewAgent agent, Instant at) {
        return db.statement(tx -> {
            var table = db.table(AGENTS);
            String email = agent.email().toLowerCase(Locale.ROOT);
            if (table.contains(agent.id())
                    || !table.where(row -> row.email().toLowerCase(Locale.ROOT).equals(email)).isEmpty()) {
                return false;
            }
            if (!agent.departmentIds().stream().allMatch(db.table(DEPARTMENTS)::contains)) {
                throw new IllegalArgumentException("unknown department in " + agent.departmentIds());
            }
            table.put(tx, agent.id(), new Agent(agent.id(), agent.name(), agent.email(),
                    Caller.AgentRole.valueOf(agent.role()), agent.maxConcurrent(), AgentStatus.OFFLINE, at, 0,
                    agent.departmentIds()));
            return true;
        });
    }

    @Override
    public Flux<Agent> agents() {
        return db.query(tx -> db.table(AGENTS).all().stream().sorted(Comparator.comparing(Agent::name)).toList());
    }
}
