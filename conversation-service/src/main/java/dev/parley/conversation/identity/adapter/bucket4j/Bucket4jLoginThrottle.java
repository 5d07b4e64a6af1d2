package dev.parley.conversation.identity.adapter.bucket4j;

import dev.parley.conversation.identity.application.LoginThrottle;
import io.github.bucket4j.TimeMeter;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * Login budgets as in-memory Bucket4j token buckets: one per email, one per client address. Each
 * instance counts on its own, so N instances behind a balancer allow up to N times the budget;
 * sharing buckets through Redis (Bucket4j's Lettuce proxy manager) is the cluster step.
 */
public final class Bucket4jLoginThrottle implements LoginThrottle {

    /**
     * @param attempts how many attempts a full budget allows at once
     * @param period   how long the budget takes to refill completely, a little at a time
     */
    public record Budget(int attempts, Duration period) {

        KeyedBuckets.Budget keyed() {
            return new KeyedBuckets.Budget(attempts, period);
        }
    }

    private final KeyedBuckets byEmail;
    private final KeyedBuckets byClient;

    public Bucket4jLoginThrottle(Budget perEmail, Budget perClient, TimeMeter time) {
        this.byEmail = new KeyedBuckets(perEmail.keyed(), time);
        this.byClient = new KeyedBuckets(perClient.keyed(), time);
    }

    @Override
    public Optional<Duration> admit(String email, String clientAddress) {
        Optional<Duration> client = byClient.take(clientAddress);
        return client.isPresent() ? client : byEmail.take(normalize(email));
    }

    @Override
    public void succeeded(String email, String clientAddress) {
        byClient.giveBack(clientAddress);
        byEmail.giveBack(normalize(email));
    }

    @Override
    public Optional<Duration> admitClient(String clientAddress) {
        return byClient.take(clientAddress);
    }

    @Override
    public void succeededClient(String clientAddress) {
        byClient.giveBack(clientAddress);
    }

    private static String normalize(String email) {
        return email == null ? "" : email.trim().toLowerCase(Locale.ROOT);
    }
}
