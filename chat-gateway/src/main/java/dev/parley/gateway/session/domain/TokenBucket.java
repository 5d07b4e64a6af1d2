package dev.parley.gateway.session.domain;

import java.time.Clock;

/**
 * A token bucket for one socket's commands: {@code burst} at once, then {@code perSecond}. Not
 * thread-safe; a socket's frames are handled one at a time.
 */
public final class TokenBucket {

    private final double perSecond;
    private final double burst;
    private final Clock clock;
    private double tokens;
    private long lastNanos;

    public TokenBucket(double perSecond, double burst, Clock clock) {
        this.perSecond = perSecond;
        this.burst = burst;
        this.clock = clock;
        this.tokens = burst;
        this.lastNanos = nanos();
    }

    /** Takes one token if there is one. */
    public boolean tryTake() {
        long now = nanos();
        tokens = Math.min(burst, tokens + (now - lastNanos) / 1e9 * perSecond);
        lastNanos = now;
        if (tokens >= 1) {
            tokens -= 1;
            return true;
        }
        return false;
    }

    private long nanos() {
        var instant = clock.instant();
        return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
    }
}
