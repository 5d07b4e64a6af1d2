package dev.parley.conversation.identity.adapter.bucket4j;

import dev.parley.conversation.identity.application.WidgetSessionThrottle;
import io.github.bucket4j.TimeMeter;
import java.time.Duration;
import java.util.Optional;

/**
 * Widget-session budgets as in-memory Bucket4j token buckets, one per client address; per
 * instance, like {@link Bucket4jLoginThrottle}.
 */
public final class Bucket4jWidgetSessionThrottle implements WidgetSessionThrottle {

    private final KeyedBuckets byClient;

    public Bucket4jWidgetSessionThrottle(Bucket4jLoginThrottle.Budget perClient, TimeMeter time) {
        this.byClient = new KeyedBuckets(perClient.keyed(), time);
    }

    @Override
    public Optional<Duration> admit(String clientAddress) {
        return byClient.take(clientAddress);
    }
}
