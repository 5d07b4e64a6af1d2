package dev.parley.conversation.outbox.application;

import dev.parley.conversation.outbox.domain.Backlog;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Measures the outbox backlog every {@code interval} and keeps the latest measurement for
 * metrics, which must not query the database when scraped. Runs on every instance, leader or not,
 * so the lag stays visible when no relay leads.
 */
public final class BacklogWatch {

    private static final Logger log = LoggerFactory.getLogger(BacklogWatch.class);

    private final OutboxBacklog backlog;
    private final Duration interval;
    private final AtomicReference<Backlog> latest = new AtomicReference<>(Backlog.EMPTY);
    private Disposable sampling; // guarded by this

    public BacklogWatch(OutboxBacklog backlog, Duration interval) {
        this.backlog = backlog;
        this.interval = interval;
    }

    public synchronized void start() {
        if (sampling == null) {
            sampling = Flux.interval(Duration.ZERO, interval)
                    .onBackpressureDrop()
                    .concatMap(ignored -> backlog.measure().onErrorResume(error -> {
                        // Keep the last measurement: the lag keeps growing anyway once the database is back.
                        log.warn("outbox backlog: measuring failed: {}", error.toString());
                        return Mono.empty();
                    }), 0)
                    .subscribe(latest::set);
        }
    }

    public synchronized void stop() {
        if (sampling != null) {
            sampling.dispose();
            sampling = null;
        }
    }

    /** The latest measurement; {@link Backlog#EMPTY} before the first. */
    public Backlog latest() {
        return latest.get();
    }

    /** Measures now, updating {@link #latest()}; for tests and diagnostics. */
    public Mono<Backlog> refresh() {
        return backlog.measure().doOnNext(latest::set);
    }
}
