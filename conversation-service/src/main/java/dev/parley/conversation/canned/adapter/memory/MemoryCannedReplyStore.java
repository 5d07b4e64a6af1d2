package dev.parley.conversation.canned.adapter.memory;

import dev.parley.conversation.canned.application.CannedReplyStore;
import dev.parley.conversation.canned.domain.CannedReply;
import dev.parley.conversation.directory.adapter.memory.MemoryDirectoryStore;
import dev.parley.conversation.directory.domain.Agent;
import dev.parley.conversation.identity.adapter.memory.MemoryCustomers;
import dev.parley.conversation.lifecycle.adapter.memory.ConversationRow;
import dev.parley.conversation.shared.adapter.memory.MemoryDatabase;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Canned replies in memory, one shortcut per scope (personal, a department's, everyone's). */
public final class MemoryCannedReplyStore implements CannedReplyStore {

    public static final MemoryDatabase.Table<UUID, CannedReply> REPLIES = new MemoryDatabase.Table<>("canned_reply");

    /** Personal first, then a department's, then everyone's. */
    private static final Comparator<CannedReply> SCOPE = Comparator.comparingInt(MemoryCannedReplyStore::scopeRank);

    private final MemoryDatabase db;

    public MemoryCannedReplyStore(MemoryDatabase db) {
        this.db = db;
    }

    @Override
    public Mono<Boolean> create(CannedReply reply, Instant at) {
        return db.statement(tx -> {
            var table = db.table(REPLIES);
            boolean taken = table.contains(reply.id()) || !table.where(other -> other.shortcut().equals(reply.shortcut())
                    && Objects.equals(other.ownerId(), reply.ownerId())
                    && Objects.equals(other.departmentId(), reply.departmentId())).isEmpty();
            if (taken) {
                return false;
            }
            table.put(tx, reply.id(), reply);
            return true;
        });
    }

    @Override
    public Flux<CannedReply> available(UUID agentId, String shortcutPrefix) {
        return db.query(tx -> {
            Set<UUID> departments = departmentsOf(agentId);
            return db.table(REPLIES).where(reply -> usableBy(reply, agentId, departments)
                            && reply.shortcut().startsWith(shortcutPrefix)).stream()
                    .sorted(Comparator.comparing(CannedReply::shortcut)
                            .thenComparing(reply -> reply.ownerId() == null)
                            .thenComparing(reply -> reply.departmentId() == null))
                    .toList();
        });
    }

    @Override
    public Mono<CannedReply> resolve(UUID agentId, String shortcut) {
        return db.statement(tx -> {
            Set<UUID> departments = departmentsOf(agentId);
            return db.table(REPLIES).where(reply -> usableBy(reply, agentId, departments)
                    && reply.shortcut().equals(shortcut)).stream().min(SCOPE).orElse(null);
        });
    }

    @Override
    public Mono<Boolean> delete(UUID id, UUID ownerId, boolean admin) {
        return db.statement(tx -> {
            var reply = db.table(REPLIES).get(id).orElse(null);
            return reply != null && (admin || Objects.equals(reply.ownerId(), ownerId)) && db.table(REPLIES).remove(tx, id);
        });
    }

    @Override
    public Mono<Map<String, String>> variables(UUID conversationId, UUID agentId) {
        return db.statement(tx -> {
            Map<String, String> values = new HashMap<>();
            var conversation = db.table(ConversationRow.TABLE).get(conversationId).map(ConversationRow::conversation);
            var customer = conversation.flatMap(c -> db.table(MemoryCustomers.CUSTOMERS).get(c.customerId()));
            var agent = db.table(MemoryDirectoryStore.AGENTS).get(agentId);
            if (customer.isPresent() && agent.isPresent()) {
                putIfPresent(values, "customer.name", customer.get().name());
                putIfPresent(values, "customer.email", customer.get().email());
                putIfPresent(values, "agent.name", agent.get().name());
            }
            customer.ifPresent(c -> c.metadata().forEach((key, value) -> values.putIfAbsent("customer." + key, value)));
            return values;
        });
    }

    private Set<UUID> departmentsOf(UUID agentId) {
        return db.table(MemoryDirectoryStore.AGENTS).get(agentId).map(Agent::departmentIds).orElse(Set.of());
    }

    private static boolean usableBy(CannedReply reply, UUID agentId, Set<UUID> departments) {
        return agentId.equals(reply.ownerId()) || (reply.departmentId() != null && departments.contains(reply.departmentId()))
                || (reply.ownerId() == null && reply.departmentId() == null);
    }

    private static int scopeRank(CannedReply reply) {
        return reply.ownerId() != null ? 0 : reply.departmentId() != null ? 1 : 2;
    }

    private static void putIfPresent(Map<String, String> values, String key, String value) {
        if (value != null) {
            values.put(key, value);
        }
    }
}
