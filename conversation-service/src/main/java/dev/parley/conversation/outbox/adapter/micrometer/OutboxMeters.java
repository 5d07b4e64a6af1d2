package dev.parley.conversation.outbox.adapter.micrometer;

import dev.parley.conversation.outbox.application.RelayObserver;
import dev.parley.conversation.outbox.domain.Backlog;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.TimeGauge;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * The outbox's meters. Names are part of the operations contract ({@code docs/operations.md});
 * Prometheus shows them with {@code _} for dots and {@code _total} / {@code _seconds} suffixes.
 */
public final class OutboxMeters implements RelayObserver {

    static final String LAG = "parley.outbox.lag";
    static final String PENDING = "parley.outbox.pending";
    static final String LEADER = "parley.outbox.leader";
    static final String PUBLISHED = "parley.outbox.published";
    static final String PUBLISH_FAILURES = "parley.outbox.publish.failures";
    static final String QUARANTINED = "parley.outbox.quarantined";
    static final String DELAY = "parley.outbox.delay";

    private final AtomicBoolean leading = new AtomicBoolean();
    private final Counter published;
    private final Counter publishFailures;
    private final Timer delay;
    private final MeterRegistry registry;

    /** @param backlog the latest backlog measurement, read at every scrape (must not block) */
    public OutboxMeters(MeterRegistry registry, Supplier<Backlog> backlog) {
        this.registry = registry;
        TimeGauge.builder(LAG, backlog, TimeUnit.SECONDS, b -> b.get().oldestAge().toNanos() / 1e9)
                .description("Age of the oldest unpublished outbox event; 0 when none waits")
                .strongReference(true)
                .register(registry);
        Gauge.builder(PENDING, backlog, b -> b.get().pendingRows())
                .description("Outbox events committed but not yet confirmed by the event bus")
                .strongReference(true)
                .register(registry);
        Gauge.builder(LEADER, leading, flag -> flag.get() ? 1 : 0)
                .description("1 while this instance holds the outbox lease and publishes, else 0")
                .strongReference(true)
                .register(registry);
        published = Counter.builder(PUBLISHED)
                .description("Outbox events the event bus confirmed, removed from the outbox")
                .register(registry);
        delay = Timer.builder(DELAY)
                .description("From an outbox row's commit to the bus confirming it, for the oldest of each run"
                        + " (the database's clock against this instance's)")
                .publishPercentileHistogram()
                .publishPercentiles(0.5, 0.99)
                .register(registry);
        publishFailures = Counter.builder(PUBLISH_FAILURES)
                .description("Batches the event bus refused; they stay unpublished and are retried")
                .register(registry);
        // registered at start, so the alert on it sees 0 rather than nothing
        for (String reason : List.of(RelayObserver.MALFORMED, RelayObserver.NO_EVENT)) {
            quarantine(reason);
        }
    }

    @Override
    public void leading(boolean now) {
        leading.set(now);
    }

    @Override
    public void published(int count, Duration oldestSince) {
        published.increment(count);
        delay.record(oldestSince.isNegative() ? Duration.ZERO : oldestSince);
    }

    @Override
    public void publishFailed(Throwable cause) {
        publishFailures.increment();
    }

    @Override
    public void quarantined(String reason) {
        quarantine(reason).increment();
    }

    private Counter quarantine(String reason) {
        return Counter.builder(QUARANTINED).tag("reason", reason)
                .description("Outbox rows moved to event_outbox_quarantine because they are not events")
                .register(registry);
    }
}
