package dev.parley.gateway.presence.adapter.redis;

import dev.parley.gateway.presence.application.Presence;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.data.domain.Range;
import org.springframework.data.redis.connection.Limit;
import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import reactor.core.publisher.Mono;

/**
 * Presence in Redis, shared by every node and kept across gateway restarts. Last seen: one string
 * per user, {@code <prefix>seen:<id>} (epoch millis), expiring after the retention so visitors who
 * never return do not pile up. Pending offline reports: one sorted set,
 * {@code <prefix>offline-due}, of agent ids scored by their due time. Claims and "keep the later
 * last seen" are Lua scripts, so each is one atomic step whatever the number of nodes.
 */
public final class RedisPresence implements Presence {

    /** Sets the value only if it is later than the stored one, and renews the expiry. */
    private static final RedisScript<Long> LATER = RedisScript.of("""
            local stored = redis.call('GET', KEYS[1])
            if (not stored) or tonumber(stored) < tonumber(ARGV[1]) then
              redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
              return 1
            end
            redis.call('PEXPIRE', KEYS[1], ARGV[2])
            return 0""", Long.class);

    /** Removes the member if its score is still at or below now: only one caller can see it removed. */
    private static final RedisScript<Long> CLAIM = RedisScript.of("""
            local due = redis.call('ZSCORE', KEYS[1], ARGV[1])
            if due and tonumber(due) <= tonumber(ARGV[2]) then
              return redis.call('ZREM', KEYS[1], ARGV[1])
            end
            return 0""", Long.class);

    private final ReactiveStringRedisTemplate redis;
    private final String prefix;
    private final Duration retention;

    /**
     * @param prefix    prefix of the keys
     * @param retention how long a last-seen time is kept after it was last written
     */
    public RedisPresence(ReactiveRedisConnectionFactory connections, String prefix, Duration retention) {
        this.redis = new ReactiveStringRedisTemplate(connections);
        this.prefix = prefix;
        this.retention = retention;
    }

    @Override
    public Mono<Void> seen(UUID userId, Instant at) {
        return redis.execute(LATER, List.of(seenKey(userId)),
                List.of(Long.toString(at.toEpochMilli()), Long.toString(retention.toMillis()))).then();
    }

    @Override
    public Mono<Map<UUID, Instant>> lastSeen(Collection<UUID> users) {
        List<UUID> asked = List.copyOf(users);
        if (asked.isEmpty()) {
            return Mono.just(Map.of());
        }
        return redis.opsForValue().multiGet(asked.stream().map(this::seenKey).toList()).map(values -> {
            Map<UUID, Instant> found = new LinkedHashMap<>();
            for (int i = 0; i < asked.size(); i++) {
                String value = values.get(i);
                if (value != null) {
                    found.put(asked.get(i), Instant.ofEpochMilli(Long.parseLong(value)));
                }
            }
            return found;
        });
    }

    @Override
    public Mono<Void> schedule(UUID agentId, Instant due) {
        return redis.opsForZSet().add(dueKey(), agentId.toString(), due.toEpochMilli()).then();
    }

    @Override
    public Mono<List<UUID>> due(Instant now, int limit) {
        return redis.opsForZSet()
                .rangeByScore(dueKey(), Range.closed(Double.NEGATIVE_INFINITY, (double) now.toEpochMilli()),
                        Limit.limit().count(limit))
                .map(UUID::fromString)
                .collectList();
    }

    @Override
    public Mono<Boolean> claim(UUID agentId, Instant now) {
        return redis.execute(CLAIM, List.of(dueKey()), List.of(agentId.toString(), Long.toString(now.toEpochMilli())))
                .next()
                .map(removed -> removed == 1L)
                .defaultIfEmpty(false);
    }

    private String seenKey(UUID userId) {
        return prefix + "seen:" + userId;
    }

    private String dueKey() {
        return prefix + "offline-due";
    }
}
