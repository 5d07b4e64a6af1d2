package dev.parley.gateway.routing.adapter.redis;

import reactor.util.retry.Retry;
import org.slf4j.LoggerFactory;
import org.slf4j.Logger;
import dev.parley.gateway.routing.application.Routing;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.springframework.data.domain.Range;
import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.ReactiveRedisMessageListenerContainer;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Routing over Redis. Presence: one sorted set per user, {@code <prefix>user:<id>}, whose members
 * are node ids scored by their expiry (epoch millis); readers ignore expired members, so a crashed
 * node vanishes after the TTL without anyone cleaning up, and the key itself expires two TTLs after
 * its last renewal. Lookups for several users are sent concurrently (Lettuce pipelines them on its
 * one connection); {@link #sendToNodesOf} is one script, {@value #SEND_TO_NODES_OF}, run where the
 * sets are. Channels: {@code <prefix>node:<id>} per node and {@code <prefix>broadcast},
 * Redis pub/sub (at most once, ordered per connection).
 */
public final class RedisRouting implements Routing {

    private static final Logger log = LoggerFactory.getLogger(RedisRouting.class);

    /**
     * KEYS: the users' sets; ARGV: now (epoch millis), the channel prefix, the node to skip (or
     * empty), the message. Publishes once per distinct live node, in one call: Redis runs a script
     * atomically, so copies to one node keep the order their scripts were sent in.
     */
    static final String SEND_TO_NODES_OF = """
            local sent, seen = 0, {}
            for _, key in ipairs(KEYS) do
              for _, node in ipairs(redis.call('ZRANGEBYSCORE', key, '(' .. ARGV[1], '+inf')) do
                if not seen[node] and node ~= ARGV[3] then
                  seen[node] = true
                  redis.call('PUBLISH', ARGV[2] .. node, ARGV[4])
                  sent = sent + 1
                end
              end
            end
            return sent
            """;
    private static final RedisScript<Long> SEND_SCRIPT = RedisScript.of(SEND_TO_NODES_OF, Long.class);

    private final ReactiveStringRedisTemplate redis;
    private final ReactiveRedisMessageListenerContainer container;
    private final String prefix;
    private final String nodeId;
    private final Clock clock;
    private final Duration ttl;
    private final Set<UUID> local = ConcurrentHashMap.newKeySet();
    private volatile Disposable listening;

    public RedisRouting(ReactiveRedisConnectionFactory connections, String prefix, String nodeId, Clock clock, Duration ttl) {
        this.redis = new ReactiveStringRedisTemplate(connections);
        this.container = new ReactiveRedisMessageListenerContainer(connections);
        this.prefix = prefix;
        this.nodeId = nodeId;
        this.clock = clock;
        this.ttl = ttl;
    }

    @Override
    public String nodeId() {
        return nodeId;
    }

    @Override
    public Mono<Void> register(UUID userId) {
        local.add(userId);
        return mark(userId);
    }

    @Override
    public Mono<Void> unregister(UUID userId) {
        local.remove(userId);
        return redis.opsForZSet().remove(userKey(userId), nodeId).then();
    }

    @Override
    public Mono<Void> heartbeat() {
        return Flux.fromIterable(Set.copyOf(local)).flatMap(this::mark).then();
    }

    @Override
    public Mono<Map<UUID, Set<String>>> nodesOf(Collection<UUID> users) {
        double now = clock.millis();
        return Flux.fromIterable(users)
                .flatMapSequential(user -> redis.opsForZSet()
                        .rangeByScore(userKey(user), Range.rightUnbounded(Range.Bound.exclusive(now)))
                        .collectList()
                        .map(nodes -> Map.entry(user, Set.copyOf(nodes))))
                .collect(LinkedHashMap::new, (map, entry) -> map.put(entry.getKey(), entry.getValue()));
    }

    @Override
    public Mono<Void> publish(String node, String message) {
        return redis.convertAndSend(nodeChannel(node), message).then();
    }

    @Override
    public Mono<Integer> sendToNodesOf(Collection<UUID> users, String message, boolean includingThisNode) {
        if (users.isEmpty()) {
            return Mono.just(0);
        }
        List<String> keys = users.stream().map(this::userKey).toList();
        List<String> args = List.of(Long.toString(clock.millis()), prefix + "node:", includingThisNode ? "" : nodeId, message);
        return redis.execute(SEND_SCRIPT, keys, args).next().map(Long::intValue).defaultIfEmpty(0);
    }

    @Override
    public Mono<Void> broadcast(String message) {
        return redis.convertAndSend(prefix + "broadcast", message).then();
    }

    /**
     * Should the subscription fail (Redis restarted, the connection cut), it is made again, with
     * backoff, for as long as this node runs: a node must not stay deaf after Redis comes back.
     */
    @Override
    public Mono<Void> listen(Consumer<String> listener) {
        return container.receiveLater(channels())
                .doOnNext(messages -> listening = messages
                        .onErrorResume(error -> {
                            log.warn("Lost this node's channels in Redis ({}); subscribing again", error.toString());
                            return Flux.defer(() -> container.receive(channels()))
                                    .retryWhen(Retry.backoff(Long.MAX_VALUE, Duration.ofMillis(200)).maxBackoff(Duration.ofSeconds(5)));
                        })
                        .subscribe(message -> listener.accept(message.getMessage())))
                .then();
    }

    private ChannelTopic[] channels() {
        return new ChannelTopic[] {ChannelTopic.of(nodeChannel(nodeId)), ChannelTopic.of(prefix + "broadcast")};
    }

    @Override
    public void close() {
        if (listening != null) {
            listening.dispose();
        }
        Flux.fromIterable(Set.copyOf(local)).flatMap(this::unregister).then().block(Duration.ofSeconds(5));
        container.destroyLater().block(Duration.ofSeconds(5));
    }

    private Mono<Void> mark(UUID userId) {
        String key = userKey(userId);
        return redis.opsForZSet().add(key, nodeId, clock.millis() + ttl.toMillis())
                .then(redis.expire(key, ttl.multipliedBy(2)))
                .then();
    }

    private String userKey(UUID userId) {
        return prefix + "user:" + userId;
    }

    private String nodeChannel(String node) {
        return prefix + "node:" + node;
    }
}
