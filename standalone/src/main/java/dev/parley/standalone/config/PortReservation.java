package dev.parley.standalone.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.SmartLifecycle;

/**
 * Holds the free port chosen for {@code server.port=0} until the web server binds it. The port
 * must be known before the beans are built (the gateway and the worker are given the URL), but the
 * server binds only after them, seconds later: released any earlier, another process on a busy
 * machine may take the port meanwhile. This lifecycle runs just before the web server's and lets go.
 */
final class PortReservation implements SmartLifecycle, AutoCloseable {

    /** Ports held for contexts that have not started their web server yet, by port. */
    private static final Map<Integer, ServerSocket> HELD = new ConcurrentHashMap<>();

    private final int port;
    private volatile boolean running;

    PortReservation(int port) {
        this.port = port;
    }

    /** Binds a free port and keeps it bound until {@link #release}. */
    static int reserve() {
        try {
            var socket = new ServerSocket();
            socket.setReuseAddress(true);
            socket.bind(null);
            HELD.put(socket.getLocalPort(), socket);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port for the standalone server", e);
        }
    }

    static void release(int port) {
        var socket = HELD.remove(port);
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException e) {
                throw new UncheckedIOException("could not release port " + port, e);
            }
        }
    }

    static boolean held(int port) {
        return HELD.containsKey(port);
    }

    @Override
    public void start() {
        release(port);
        running = true;
    }

    @Override
    public void stop() {
        running = false;
    }

    /** Also when the start failed before the web server's: the port is not kept from others. */
    @Override
    public void close() {
        release(port);
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return WebServerApplicationContext.START_STOP_LIFECYCLE_PHASE - 1;
    }
}
