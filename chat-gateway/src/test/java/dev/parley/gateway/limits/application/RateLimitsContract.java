package dev.parley.gateway.limits.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

/**
 * What every {@link RateLimits} guarantees (its Javadoc), run against each adapter through
 * {@link #newNode}: the nodes of one test share one store, as the gateway nodes of a cluster do.
 */
public abstract class RateLimitsContract {

    private static final Duration PATIENCE = Duration.ofSeconds(10);
    /** Slow enough that no token comes back while a test takes the burst. */
    private static final Limit SLOW = new Limit("slow", 3, Duration.ofMinutes(10));

    private final List<RateLimits> nodes = new ArrayList<>();

    /** A node's view of the store shared by this test's nodes. */
    protected abstract RateLimits newNode();

    private RateLimits node() {
        RateLimits node = newNode();
        nodes.add(node);
        return node;
    }

    @AfterEach
    void closeNodes() {
        nodes.forEach(RateLimits::close);
    }

    private static String key() {
        return UUID.randomUUID().toString();
    }

    @Test
    void aBucketGrantsItsCapacityThenRefuses() {
        RateLimits limits = node();
        String key = key();

        List<Boolean> granted = IntStream.range(0, 5).mapToObj(i -> limits.tryTake(SLOW, key).block()).toList();

        assertThat(granted).containsExactly(true, true, true, false, false);
    }

    @Test
    void allNodesDrawFromOneBucketEvenAtOnce() {
        RateLimits a = node();
        RateLimits b = node();
        String key = key();

        List<Boolean> granted = Flux.range(0, 20)
                .flatMap(i -> (i % 2 == 0 ? a : b).tryTake(SLOW, key))
                .collectList().block();

        assertThat(granted).filteredOn(Boolean::booleanValue).hasSize(3);
    }

    @Test
    void keysAndLimitsHaveTheirOwnBuckets() {
        RateLimits limits = node();
        String key = key();
        String other = key();
        Limit sameName = new Limit("other-" + SLOW.name(), 1, SLOW.refillPeriod());
        for (int i = 0; i < 3; i++) {
            limits.tryTake(SLOW, key).block();
        }

        assertThat(limits.tryTake(SLOW, key).block()).isFalse();
        assertThat(limits.tryTake(SLOW, other).block()).isTrue();
        assertThat(limits.tryTake(sameName, key).block()).isTrue();
    }

    @Test
    void exhaustedTellsWithoutTaking() {
        RateLimits limits = node();
        String key = key();

        assertThat(limits.exhausted(SLOW, key).block()).isFalse();
        assertThat(limits.exhausted(SLOW, key).block()).isFalse();
        for (int i = 0; i < 3; i++) {
            assertThat(limits.tryTake(SLOW, key).block()).isTrue();
        }
        assertThat(limits.exhausted(SLOW, key).block()).isTrue();
    }

    @Test
    void anEmptyBucketRefillsOverTime() {
        RateLimits limits = node();
        String key = key();
        Limit fast = new Limit("fast", 2, Duration.ofMillis(400));
        while (Boolean.TRUE.equals(limits.tryTake(fast, key).block())) {
            // empty it
        }

        await().atMost(PATIENCE).until(() -> limits.tryTake(fast, key).block());
    }
}
