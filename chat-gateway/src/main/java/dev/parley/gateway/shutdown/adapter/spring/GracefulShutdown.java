package dev.parley.gateway.shutdown.adapter.spring;

import dev.parley.gateway.socket.application.ClientSocket;
import dev.parley.gateway.socket.application.CloseCodes;
import dev.parley.gateway.socket.application.Frames;
import dev.parley.gateway.socket.application.OpenSockets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Empties the node before it stops (the order is in {@code package-info}): readiness goes DOWN,
 * new sockets are refused, every client gets a {@code reconnect} frame then close 1012, spread
 * evenly over {@code spread} so the other nodes see a steady stream of reconnects rather than a
 * herd, and each socket's queued frames are written before its close. Sockets still open after
 * {@code timeout} are closed at once. Then the node leaves the cluster: no more events consumed,
 * its users unregistered.
 */
public final class GracefulShutdown implements SmartLifecycle {

    /**
     * Before the web server's graceful shutdown ({@code DEFAULT_PHASE - 1024}), which would wait
     * for the open sockets, and its stop ({@code DEFAULT_PHASE - 2048}); after nothing of ours.
     */
    public static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 512;

    private static final Logger log = LoggerFactory.getLogger(GracefulShutdown.class);

    private final OpenSockets open;
    private final Frames frames;
    private final ApplicationEventPublisher events;
    private final Duration spread;
    private final Duration timeout;
    private final Runnable leaveCluster;
    private volatile boolean running;

    /**
     * @param leaveCluster run once the sockets are gone: stop consuming events, unregister from the
     *                     routing registry, release the Redis connections; before Redis itself stops
     */
    public GracefulShutdown(OpenSockets open, Frames frames, ApplicationEventPublisher events, Duration spread,
                            Duration timeout, Runnable leaveCluster) {
        this.leaveCluster = leaveCluster;
        this.open = open;
        this.frames = frames;
        this.events = events;
        // the spread must leave time to write and close within the timeout
        this.spread = spread.compareTo(timeout.dividedBy(2)) < 0 ? spread : timeout.dividedBy(2);
        this.timeout = timeout;
    }

    @Override
    public void start() {
        running = true;
    }

    /** Spring calls {@link #stop(Runnable)}; this blocking form is for anyone else. */
    @Override
    public void stop() {
        CountDownLatch stopped = new CountDownLatch(1);
        stop(stopped::countDown);
        try {
            stopped.await(timeout.toMillis() + 1_000, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void stop(Runnable callback) {
        AvailabilityChangeEvent.publish(events, this, ReadinessState.REFUSING_TRAFFIC);
        List<ClientSocket> sockets = open.drain();
        log.info("Draining {} sockets over {} (at most {})", sockets.size(), spread, timeout);
        int count = sockets.size();
        Flux.range(0, count)
                .flatMap(i -> Mono.delay(spread.multipliedBy(i).dividedBy(Math.max(1, count)))
                        .doOnNext(tick -> sockets.get(i).finish(frames.reconnect("node shutting down"),
                                CloseCodes.SERVICE_RESTART)), Math.max(1, count))
                .subscribe();
        open.empty()
                .timeout(timeout, Mono.fromRunnable(() -> {
                    log.warn("{} sockets still open after {}; closing them now", open.size(), timeout);
                    open.drain().forEach(socket -> socket.closeNow(CloseCodes.SERVICE_RESTART));
                }))
                // leaving blocks on Redis and Kafka: off the event loop that closed the last socket
                .then(Mono.fromRunnable(this::leaveCluster).subscribeOn(Schedulers.boundedElastic()))
                .doFinally(signal -> {
                    running = false;
                    callback.run();
                })
                .subscribe();
    }

    private void leaveCluster() {
        try {
            leaveCluster.run();
        } catch (RuntimeException e) {
            log.warn("Could not leave the cluster cleanly; the registry's TTL will forget this node", e);
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }
}
