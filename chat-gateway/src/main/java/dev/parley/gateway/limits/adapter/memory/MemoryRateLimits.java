package dev.parley.gateway.limits.adapter.memory;

import dev.parley.gateway.limits.application.Limit;
import dev.parley.gateway.limits.application.RateLimits;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.TimeMeter;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import reactor.core.publisher.Mono;

/** Local Bucket4j buckets: the memory engine's one node is the whole cluster. */
public final class MemoryRateLimits implements RateLimits {

    /**
     * Beyond this many buckets, full ones (idle long enough to have refilled) are dropped, so ever
     * new addresses cannot grow memory without bound; a full bucket is what a new one would be.
     */
    static final int SWEEP_ABOVE = 10_000;

    private record Key(String limit, String key) {
    }

    private record Held(Bucket bucket, long capacity) {
    }

    private final TimeMeter time;
    private final Map<Key, Held> buckets = new ConcurrentHashMap<>();

    public MemoryRateLimits(TimeMeter time) {
        this.time = time;
    }

    @Override
    public Mono<Boolean> tryTake(Limit limit, String key) {
        return Mono.fromSupplier(() -> bucket(limit, key).tryConsume(1));
    }

    @Override
    public Mono<Boolean> exhausted(Limit limit, String key) {
        return Mono.fromSupplier(() -> bucket(limit, key).getAvailableTokens() < 1);
    }

    private Bucket bucket(Limit limit, String key) {
        if (buckets.size() > SWEEP_ABOVE) {
            buckets.values().removeIf(held -> held.bucket().getAvailableTokens() >= held.capacity());
        }
        return buckets.computeIfAbsent(new Key(limit.name(), key), unused -> new Held(Bucket.builder()
                .addLimit(bandwidth -> bandwidth.capacity(limit.capacity()).refillGreedy(limit.capacity(), limit.refillPeriod()))
                .withCustomTimePrecision(time)
                .build(), limit.capacity())).bucket();
    }

    @Override
    public void close() {
        buckets.clear();
    }
}
