package dev.parley.conversation.lifecycle.adapter.scheduling;

import dev.parley.conversation.lifecycle.application.ClosingIdleConversations;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** Runs a sweep every interval while the service runs; a failed sweep is logged and the next one tries again. */
public final class InactivityTimer implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(InactivityTimer.class);

    private final ClosingIdleConversations sweeping;
    private final Duration interval;
    private volatile Disposable running;

    public InactivityTimer(ClosingIdleConversations sweeping, Duration interval) {
        this.sweeping = sweeping;
        this.interval = interval;
    }

    @Override
    public void start() {
        running = Flux.interval(interval, interval, Schedulers.parallel())
                .onBackpressureDrop()
                .concatMap(tick -> sweeping.sweep()
                        .doOnNext(moved -> {
                            if (moved > 0) {
                                log.info("Inactivity timers moved {} conversations", moved);
                            }
                        })
                        .onErrorResume(error -> {
                            log.warn("Inactivity sweep failed; the next one retries", error);
                            return Mono.empty();
                        }), 1)
                .subscribe();
    }

    @Override
    public void stop() {
        Disposable current = running;
        if (current != null) {
            current.dispose();
        }
        running = null;
    }

    @Override
    public boolean isRunning() {
        return running != null;
    }
}
