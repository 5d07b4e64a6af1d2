package dev.parley.conversation.identity.adapter.bucket4j;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One in-memory token bucket per key (an email, a client address), all with the same budget. Each
 * instance counts on its own, so N instances behind a balancer allow up to N times the budget.
 */
final class KeyedBuckets {

    /**
     * Beyond this many buckets, full ones (idle long enough to have refilled) are dropped, so
     * requests with ever new keys cannot grow memory without bound.
     */
    static final int SWEEP_ABOVE = 10_000;

    private final Budget budget;
    private final TimeMeter time;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    /**
     * @param attempts how many attempts a full budget allows at once
     * @param period   how long the budget takes to refill completely, a little at a time
     */
    record Budget(int attempts, Duration period) {
    }

    KeyedBuckets(Budget budget, TimeMeter time) {
        this.budget = budget;
        this.time = time;
    }

    /** Takes one token of the key's bucket: empty if there was one, else how long until there is. */
    Optional<Duration> take(String key) {
        ConsumptionProbe probe = of(key).tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() ? Optional.empty() : Optional.of(Duration.ofNanos(probe.getNanosToWaitForRefill()));
    }

    void giveBack(String key) {
        of(key).addTokens(1);
    }

    private Bucket of(String key) {
        if (buckets.size() > SWEEP_ABOVE) {
            buckets.values().removeIf(bucket -> bucket.getAvailableTokens() >= budget.attempts());
        }
        return buckets.computeIfAbsent(key, unused -> Bucket.builder()
                .addLimit(limit -> limit.capacity(budget.attempts()).refillGreedy(budget.attempts(), budget.period()))
                .withCustomTimePrecision(time)
                .build());
    }
}
