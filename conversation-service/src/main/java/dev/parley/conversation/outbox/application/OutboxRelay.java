package dev.parley.conversation.outbox.application;

import dev.parley.events.bus.EventBus;
import dev.parley.events.json.EventCodec;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;

/**
 * Publishes committed outbox events through the {@link EventBus}, on every instance but active on
 * one at a time: it tries to take the lease every {@code takeoverInterval}, and while it holds it
 * runs a {@link LeadershipTerm}. The invariants and the shutdown order are in {@code package-info}.
 */
public final class OutboxRelay {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    /** Releasing is closing a database connection; past this, the server ends the session on its own. */
    private static final Duration RELEASE_TIMEOUT = Duration.ofSeconds(5);

    private final OutboxLeadership leadership;
    private final BatchPublisher publisher;
    private final RelaySettings settings;
    private final RelayObserver observer;
    private final OutboxWakeUps wakeUps;
    private final AtomicReference<OutboxLease> currentLease = new AtomicReference<>();
    private StopSignal stop; // guarded by this
    private CountDownLatch stopped; // guarded by this
    private Disposable running; // guarded by this

    public OutboxRelay(OutboxLeadership leadership, EventBus bus, EventCodec codec, RelaySettings settings,
                       RelayObserver observer, OutboxWakeUps wakeUps) {
        this.leadership = leadership;
        this.wakeUps = wakeUps;
        this.publisher = new BatchPublisher(bus, codec, observer);
        this.settings = settings;
        this.observer = observer;
    }

    /** Starts competing for the lease in the background. Does nothing if running. */
    public synchronized void start() {
        if (running != null) {
            return;
        }
        StopSignal signal = new StopSignal();
        CountDownLatch latch = new CountDownLatch(1);
        stop = signal;
        stopped = latch;
        running = terms(signal).doFinally(ignored -> latch.countDown()).subscribe();
    }

    /**
     * Stops in the documented order: no new round starts; the round in flight gets
     * {@code shutdownGrace} to finish (and mark what the bus confirmed), else it is abandoned
     * unmarked; then the lease is released. Blocks until done. Does nothing if not running.
     */
    public void stop() {
        StopSignal signal;
        CountDownLatch latch;
        Disposable subscription;
        synchronized (this) {
            if (running == null) {
                return;
            }
            signal = stop;
            latch = stopped;
            subscription = running;
            running = null;
        }
        signal.request();
        if (!await(latch, settings.shutdownGrace())) {
            log.warn("outbox relay: the batch in flight did not finish within {}; abandoning it unmarked",
                    settings.shutdownGrace());
            subscription.dispose();
            OutboxLease lease = currentLease.getAndSet(null);
            if (lease != null) {
                lease.release().block(RELEASE_TIMEOUT);
                observer.leading(false);
                wakeUps.leading(false);
            }
        }
    }

    /** Term after term until stopped: take the lease if free, lead until it ends, wait, try again. */
    private Mono<Void> terms(StopSignal signal) {
        return Mono.defer(() -> Mono.usingWhen(leadership.tryAcquire(),
                        lease -> lead(lease, signal),
                        this::release,
                        (lease, error) -> release(lease),
                        this::release))
                .onErrorResume(error -> {
                    log.warn("outbox relay: leadership term ended: {}", error.toString());
                    return Mono.empty();
                })
                .then(Mono.delay(settings.takeoverInterval()).takeUntilOther(signal.asMono()).then())
                .repeat(() -> !signal.requested())
                .then();
    }

    private Mono<Void> lead(OutboxLease lease, StopSignal signal) {
        currentLease.set(lease);
        observer.leading(true);
        wakeUps.leading(true);
        log.info("outbox relay: took the lease; publishing");
        return new LeadershipTerm(lease, publisher, settings, signal, wakeUps.local()).run();
    }

    private Mono<Void> release(OutboxLease lease) {
        // then(), not doFinally(): stop() must not return before the meter says we no longer lead.
        return lease.release().then(Mono.fromRunnable(() -> {
            if (currentLease.compareAndSet(lease, null)) {
                observer.leading(false);
                wakeUps.leading(false);
                log.info("outbox relay: released the lease");
            }
        }));
    }

    private static boolean await(CountDownLatch latch, Duration timeout) {
        try {
            return latch.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
