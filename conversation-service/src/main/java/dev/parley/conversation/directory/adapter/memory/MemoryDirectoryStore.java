package dev.parley.conversation.directory.adapter.memory;

import dev.parley.conversation.directory.application.DirectoryAdmin;
import dev.parley.conversation.directory.application.DirectoryStore;
import dev.parley.conversation.directory.domain.Agent;
import dev.parley.conversation.directory.domain.AgentStatus;
import dev.parley.conversation.directory.domain.Inbox;
import dev.parley.conversation.shared.adapter.memory.MemoryDatabase;
import java.time.Instant;
import java.util.UUID;
import reactor.core.publisher.Mono;

/** Inboxes, departments and agents in memory. */
public final class MemoryDirectoryStore implements DirectoryStore {

    /** An inbox with what only the widget's authentication and the reports read. */
    public record InboxRow(Inbox inbox, String hmacSecret, Instant createdAt) {
    }

    public record DepartmentRow(DirectoryAdmin.Department department, Instant createdAt) {
    }

    public static final MemoryDatabase.Table<UUID, DepartmentRow> DEPARTMENTS = new MemoryDatabase.Table<>("department");
    public static final MemoryDatabase.Table<UUID, InboxRow> INBOXES = new MemoryDatabase.Table<>("inbox");
    /** Agents with their departments and open count, as the domain sees them. */
    public static final MemoryDatabase.Table<UUID, Agent> AGENTS = new MemoryDatabase.Table<>("agent");

    private final MemoryDatabase db;

    public MemoryDirectoryStore(MemoryDatabase db) {
        this.db = db;
    }

    public static Agent withOpenCount(Agent a, int openCount) {
        return new Agent(a.id(), a.name(), a.email(), a.role(), a.maxConcurrent(), a.status(), a.statusChangedAt(),
                openCount, a.departmentIds());
    }

    @Override
    public Mono<Inbox> inbox(UUID inboxId) {
        return db.statement(tx -> db.table(INBOXES).get(inboxId).map(InboxRow::inbox).orElse(null));
    }

    @Override
    public Mono<Agent> agent(UUID agentId) {
        return db.statement(tx -> db.table(AGENTS).get(agentId).orElse(null));
    }

    @Override
    public Mono<Boolean> isInDepartment(UUID agentId, UUID departmentId) {
        return db.statement(tx -> db.table(AGENTS).get(agentId)
                .map(agent -> agent.departmentIds().contains(departmentId)).orElse(false));
    }

    @Override
    public Mono<Boolean> departmentExists(UUID departmentId) {
        return db.statement(tx -> db.table(DEPARTMENTS).contains(departmentId));
    }

    @Override
    public Mono<AgentStatus> changeStatus(UUID agentId, AgentStatus status, Instant at) {
        return db.statement(tx -> {
            Agent a = db.table(AGENTS).get(agentId).orElse(null);
            if (a == null) {
                return null;
            }
            db.table(AGENTS).put(tx, agentId, new Agent(a.id(), a.name(), a.email(), a.role(), a.maxConcurrent(), status,
                    a.status() == status ? a.statusChangedAt() : at, a.openCount(), a.departmentIds()));
            return a.status();
        });
    }
}
