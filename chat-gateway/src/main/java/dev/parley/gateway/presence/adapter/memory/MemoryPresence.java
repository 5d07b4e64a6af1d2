package dev.parley.gateway.presence.adapter.memory;

import dev.parley.gateway.presence.application.Presence;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import reactor.core.publisher.Mono;

/**
 * Presence in this process (the memory engine). Nodes sharing one instance see each other, so the
 * contract suite runs it like the Redis adapter; it forgets everything when the process stops.
 */
public final class MemoryPresence implements Presence {

    private final Map<UUID, Instant> seen = new ConcurrentHashMap<>();
    private final Map<UUID, Instant> pending = new ConcurrentHashMap<>();

    @Override
    public Mono<Void> seen(UUID userId, Instant at) {
        return Mono.fromRunnable(() -> seen.merge(userId, at, (old, now) -> now.isAfter(old) ? now : old));
    }

    @Override
    public Mono<Map<UUID, Instant>> lastSeen(Collection<UUID> users) {
        return Mono.fromSupplier(() -> {
            Map<UUID, Instant> found = new LinkedHashMap<>();
            users.forEach(user -> {
                Instant at = seen.get(user);
                if (at != null) {
                    found.put(user, at);
                }
            });
            return found;
        });
    }

    @Override
    public Mono<Void> schedule(UUID agentId, Instant due) {
        return Mono.fromRunnable(() -> pending.put(agentId, due));
    }

    @Override
    public Mono<List<UUID>> due(Instant now, int limit) {
        return Mono.fromSupplier(() -> pending.entrySet().stream()
                .filter(entry -> !entry.getValue().isAfter(now))
                .sorted(Map.Entry.comparingByValue(Comparator.naturalOrder()))
                .limit(limit)
                .map(Map.Entry::getKey)
                .toList());
    }

    @Override
    public Mono<Boolean> claim(UUID agentId, Instant now) {
        return Mono.fromSupplier(() -> {
            boolean[] won = {false};
            pending.computeIfPresent(agentId, (id, due) -> {
                won[0] = !due.isAfter(now);
                return won[0] ? null : due;
            });
            return won[0];
        });
    }
}
