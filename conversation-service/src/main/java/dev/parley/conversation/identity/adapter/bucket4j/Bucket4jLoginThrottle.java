package dev.parley.conversation.identity.adapter.bucket4j;

import dev.parley.conversation.identity.application.LoginThrottle;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Login budgets as in-memory Bucket4j token buckets: one per email, one per client address. Each
 * instance counts on its own, so N instances behind a balancer allow up to N times the budget;
 * sharing buckets through Redis (Bucket4j's Lettuce proxy manager) is the cluster step.
 */
public final class Bucket4jLoginThrottle implements LoginThrottle {

    /**
     * Beyond this many buckets, full ones (idle long enough to have refilled) are dropped, so
     * attempts with ever new emails or addresses cannot grow memory without bound.
     */
    static final int SWEEP_ABOVE = 10_000;

    /**
     * @param attempts how many attempts a full budget allows at once
     * @param period   how long the budget takes to refill completely, a little at a time
     */
    public record Budget(int attempts, Duration period) {
    }

    private final Buckets byEmail;
    private final Buckets byClient;

    public Bucket4jLoginThrottle(Budget perEmail, Budget perClient, TimeMeter time) {
        this.byEmail = new Buckets(perEmail, time);
        this.byClient = new Buckets(perClient, time);
    }

    @Override
    public Optional<Duration> admit(String email, String clientAddress) {
        ConsumptionProbe client = byClient.of(clientAddress).tryConsumeAndReturnRemaining(1);
        if (!client.isConsumed()) {
            return Optional.of(wait(client));
        }
        ConsumptionProbe account = byEmail.of(normalize(email)).tryConsumeAndReturnRemaining(1);
        return account.isConsumed() ? Optional.empty() : Optional.of(wait(account));
    }

    @Override
    public void succeeded(String email, String clientAddress) {
        byClient.of(clientAddress).addTokens(1);
        byEmail.of(normalize(email)).addTokens(1);
    }

    private static Duration wait(ConsumptionProbe probe) {
        return Duration.ofNanos(probe.getNanosToWaitForRefill());
    }

    private static String normalize(String email) {
        return email == null ? "" : email.trim().toLowerCase(Locale.ROOT);
    }

    private static final class Buckets {

        private final Budget budget;
        private final TimeMeter time;
        private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

        Buckets(Budget budget, TimeMeter time) {
            this.budget = budget;
            this.time = time;
        }

        Bucket of(String key) {
            if (buckets.size() > SWEEP_ABOVE) {
                buckets.values().removeIf(bucket -> bucket.getAvailableTokens() >= budget.attempts());
            }
            return buckets.computeIfAbsent(key, unused -> Bucket.builder()
                    .addLimit(limit -> limit.capacity(budget.attempts()).refillGreedy(budget.attempts(), budget.period()))
                    .withCustomTimePrecision(time)
                    .build());
        }
    }
}
