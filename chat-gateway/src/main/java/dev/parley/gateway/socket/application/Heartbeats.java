package dev.parley.gateway.socket.application;

import java.time.Duration;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;

/**
 * Keeps the node's sockets honest: every {@code pingInterval} one sweep over the open sockets
 * pings each (a browser answers with a pong; the ping also keeps proxies from timing the
 * connection out) and cuts the connection of any socket not heard from, pongs included, for
 * {@code idleTimeout}. That also ends a socket whose client stopped reading: its close frame
 * (4429 after a full queue, say) waits behind frames it never reads, and only cutting the
 * connection frees what it holds.
 *
 * <p>One sweep per node rather than a timer per socket: an idle socket costs one {@code long}.
 */
public final class Heartbeats implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Heartbeats.class);

    private final OpenSockets open;
    private final GatewayMetrics metrics;
    private final Duration idleTimeout;
    private final LongSupplier nanoTime;
    private Disposable timer;

    public Heartbeats(OpenSockets open, GatewayMetrics metrics, Duration idleTimeout, LongSupplier nanoTime) {
        this.open = open;
        this.metrics = metrics;
        this.idleTimeout = idleTimeout;
        this.nanoTime = nanoTime;
    }

    /** Sweeps every {@code pingInterval} until closed. */
    public Heartbeats start(Duration pingInterval) {
        timer = Flux.interval(pingInterval).onBackpressureDrop().subscribe(tick -> {
            try {
                sweep();
            } catch (RuntimeException e) {
                // one bad socket must not stop the heartbeats of all the others
                log.error("A heartbeat sweep failed", e);
            }
        });
        return this;
    }

    @Override
    public void close() {
        if (timer != null) {
            timer.dispose();
        }
    }

    /** One sweep: ping the live sockets, cut the silent ones. */
    public void sweep() {
        long now = nanoTime.getAsLong();
        for (ClientSocket socket : open.all()) {
            if (now - socket.lastHeardNanos() > idleTimeout.toNanos()) {
                metrics.rejected("idle_timeout");
                socket.closeNow(CloseCodes.IDLE_TIMEOUT);
            } else {
                socket.ping();
            }
        }
    }
}
