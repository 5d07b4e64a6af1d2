package dev.parley.gateway.limits.adapter.redis;

import dev.parley.gateway.limits.application.Limit;
import dev.parley.gateway.limits.application.RateLimits;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.AsyncProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import reactor.core.publisher.Mono;

/**
 * Buckets shared by every gateway node through Redis, with Bucket4j's Lettuce proxy manager: one
 * key per limit and key, {@code <prefix>limit:<name>:<key>}, updated by compare-and-swap, so
 * concurrent nodes never grant a token twice. A key expires once its bucket would have refilled,
 * so idle addresses and users leave nothing behind.
 */
public final class RedisRateLimits implements RateLimits {

    /** Kept a little past a full refill, so a bucket read just before expiry is still right. */
    private static final Duration KEEP_AFTER_REFILL = Duration.ofSeconds(10);
    /** A limit check must never hold a frame up for long: past this, the caller lets it through. */
    private static final Duration TIMEOUT = Duration.ofSeconds(1);

    private final StatefulRedisConnection<String, byte[]> connection;
    private final AsyncProxyManager<String> buckets;
    private final String prefix;
    private final Map<Limit, BucketConfiguration> configurations = new ConcurrentHashMap<>();

    public RedisRateLimits(RedisClient client, String prefix) {
        this.connection = client.connect(RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE));
        this.buckets = Bucket4jLettuce.casBasedBuilder(connection)
                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(KEEP_AFTER_REFILL))
                .build()
                .asAsync();
        this.prefix = prefix;
    }

    @Override
    public Mono<Boolean> tryTake(Limit limit, String key) {
        return Mono.fromFuture(() -> buckets.getProxy(keyOf(limit, key), () -> configuration(limit)).tryConsume(1))
                .timeout(TIMEOUT);
    }

    @Override
    public Mono<Boolean> exhausted(Limit limit, String key) {
        return Mono.fromFuture(() -> buckets.getProxy(keyOf(limit, key), () -> configuration(limit)).getAvailableTokens())
                .timeout(TIMEOUT)
                .map(available -> available < 1);
    }

    private String keyOf(Limit limit, String key) {
        return prefix + "limit:" + limit.name() + ":" + key;
    }

    private CompletableFuture<BucketConfiguration> configuration(Limit limit) {
        return CompletableFuture.completedFuture(configurations.computeIfAbsent(limit, unused ->
                BucketConfiguration.builder()
                        .addLimit(bandwidth -> bandwidth.capacity(limit.capacity())
                                .refillGreedy(limit.capacity(), limit.refillPeriod()))
                        .build()));
    }

    @Override
    public void close() {
        if (connection.isOpen()) {
            connection.close();
        }
    }
}
