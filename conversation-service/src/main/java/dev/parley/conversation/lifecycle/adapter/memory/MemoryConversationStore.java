package dev.parley.conversation.lifecycle.adapter.memory;

import dev.parley.conversation.directory.adapter.memory.MemoryDirectoryStore;
import dev.parley.conversation.directory.domain.Agent;
import dev.parley.conversation.directory.domain.AgentStatus;
import dev.parley.conversation.lifecycle.application.ConversationStore;
import dev.parley.conversation.lifecycle.domain.Conversation;
import dev.parley.conversation.lifecycle.domain.ConversationStatus;
import dev.parley.conversation.shared.adapter.memory.MemoryDatabase;
import java.time.Instant;
import java.util.UUID;
import reactor.core.publisher.Mono;

/** Conversations and agent seats in memory; the database's lock stands in for row locks. */
public final class MemoryConversationStore implements ConversationStore {

    private final MemoryDatabase db;

    public MemoryConversationStore(MemoryDatabase db) {
        this.db = db;
    }

    @Override
    public Mono<Void> insert(Conversation conversation) {
        return db.statement(tx -> {
            if (db.table(ConversationRow.TABLE).contains(conversation.id())) {
                throw new IllegalStateException("conversation " + conversation.id() + " exists");
            }
            db.table(ConversationRow.TABLE).put(tx, conversation.id(), new ConversationRow(conversation, null, null));
            return null;
        });
    }

    /** Transactions are serial, so finding it inside one is locking it. */
    @Override
    public Mono<Conversation> lock(UUID conversationId) {
        return find(conversationId);
    }

    @Override
    public Mono<Conversation> find(UUID conversationId) {
        return db.statement(tx -> db.table(ConversationRow.TABLE).get(conversationId)
                .map(ConversationRow::conversation).orElse(null));
    }

    @Override
    public Mono<Void> update(Conversation c, Instant resolvedAt, Instant closedAt) {
        // As the SQL: resolved_at is kept through closing and cleared on reopening; closed_at likewise.
        boolean resolvedOrClosed = c.status() == ConversationStatus.RESOLVED || c.status() == ConversationStatus.CLOSED;
        return db.statement(tx -> db.table(ConversationRow.TABLE).update(tx, c.id(), row -> new ConversationRow(c,
                resolvedAt != null ? resolvedAt : resolvedOrClosed ? row.resolvedAt() : null,
                closedAt != null ? closedAt : c.status() == ConversationStatus.CLOSED ? row.closedAt() : null))
                .map(ignored -> (Void) null).orElse(null));
    }

    @Override
    public Mono<Boolean> takeSeat(UUID agentId, boolean mustBeOnline) {
        return db.statement(tx -> {
            var agents = db.table(MemoryDirectoryStore.AGENTS);
            Agent agent = agents.get(agentId).orElse(null);
            if (agent == null || agent.openCount() >= agent.maxConcurrent()
                    || (mustBeOnline && agent.status() != AgentStatus.ONLINE)) {
                return false;
            }
            agents.put(tx, agentId, MemoryDirectoryStore.withOpenCount(agent, agent.openCount() + 1));
            return true;
        });
    }

    @Override
    public Mono<Void> releaseSeat(UUID agentId) {
        return db.statement(tx -> {
            db.table(MemoryDirectoryStore.AGENTS).update(tx, agentId,
                    agent -> MemoryDirectoryStore.withOpenCount(agent, Math.max(agent.openCount() - 1, 0)));
            return null;
        });
    }
}
