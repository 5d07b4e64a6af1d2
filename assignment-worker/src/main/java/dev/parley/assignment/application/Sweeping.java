package dev.parley.assignment.application;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Drains every department at start and then every {@code interval}, so nothing waits forever when
 * an event was missed, a drain failed, or a worker died mid-drain. A failed sweep is logged and the
 * next one runs on time.
 */
public final class Sweeping {

    private static final Logger LOG = LoggerFactory.getLogger(Sweeping.class);

    private final ReactingToEvents reacting;
    private final Duration interval;
    private Disposable running;

    public Sweeping(ReactingToEvents reacting, Duration interval) {
        this.reacting = reacting;
        this.interval = interval;
    }

    public synchronized void start() {
        if (running == null) {
            running = Flux.interval(Duration.ZERO, interval)
                    .onBackpressureDrop()
                    .concatMap(tick -> reacting.drainEverywhere()
                            .onErrorResume(e -> {
                                LOG.warn("Sweep failed; the next one runs in {}", interval, e);
                                return Mono.empty();
                            }), 1)
                    .subscribe();
        }
    }

    public synchronized void stop() {
        if (running != null) {
            running.dispose();
            running = null;
        }
    }
}
