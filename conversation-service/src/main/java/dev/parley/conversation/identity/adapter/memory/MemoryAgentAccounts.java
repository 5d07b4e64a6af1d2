package dev.parley.conversation.identity.adapter.memory;

import dev.parley.conversation.directory.adapter.memory.MemoryDirectoryStore;
import dev.parley.conversation.directory.domain.Agent;
import dev.parley.conversation.directory.domain.AgentStatus;
import dev.parley.conversation.identity.application.AgentAccounts;
import dev.parley.conversation.identity.domain.AgentCredentials;
import dev.parley.conversation.identity.domain.Caller;
import dev.parley.conversation.shared.adapter.memory.MemoryDatabase;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import reactor.core.publisher.Mono;

/** The agents in memory, with their password hashes kept beside them as in {@code agent_password}. */
public final class MemoryAgentAccounts implements AgentAccounts {

    public static final MemoryDatabase.Table<UUID, String> PASSWORDS = new MemoryDatabase.Table<>("agent_password");
    /** The schema's default seats for an agent created without a number. */
    private static final int DEFAULT_MAX_CONCURRENT = 3;

    private final MemoryDatabase db;
    private final Clock clock;

    public MemoryAgentAccounts(MemoryDatabase db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    @Override
    public Mono<AgentCredentials> findByEmail(String email) {
        String wanted = email.toLowerCase(Locale.ROOT);
        return db.statement(tx -> db.table(MemoryDirectoryStore.AGENTS)
                .where(agent -> agent.email().toLowerCase(Locale.ROOT).equals(wanted)).stream().findFirst()
                .map(this::credentials).orElse(null));
    }

    @Override
    public Mono<AgentCredentials> findById(UUID agentId) {
        return db.statement(tx -> db.table(MemoryDirectoryStore.AGENTS).get(agentId).map(this::credentials).orElse(null));
    }

    @Override
    public Mono<Void> setPasswordHash(UUID agentId, String passwordHash) {
        return db.statement(tx -> {
            if (!db.table(MemoryDirectoryStore.AGENTS).contains(agentId)) {
                throw new IllegalArgumentException("no agent " + agentId);
            }
            db.table(PASSWORDS).put(tx, agentId, passwordHash);
            return null;
        });
    }

    /** Atomic because statements are serial: at most one first admin. */
    @Override
    public Mono<UUID> createFirstAdmin(String email, String name, String passwordHash) {
        return db.statement(tx -> {
            var agents = db.table(MemoryDirectoryStore.AGENTS);
            String wanted = email.toLowerCase(Locale.ROOT);
            if (!agents.where(a -> a.role() == Caller.AgentRole.ADMIN
                    || a.email().toLowerCase(Locale.ROOT).equals(wanted)).isEmpty()) {
                return null;
            }
            UUID id = UUID.randomUUID();
            Instant now = clock.instant();
            agents.put(tx, id, new Agent(id, name, email, Caller.AgentRole.ADMIN, DEFAULT_MAX_CONCURRENT,
                    AgentStatus.OFFLINE, now, 0, Set.of()));
            db.table(PASSWORDS).put(tx, id, passwordHash);
            return id;
        });
    }

    private AgentCredentials credentials(Agent agent) {
        return new AgentCredentials(agent.id(), agent.role(), db.table(PASSWORDS).get(agent.id()));
    }
}
