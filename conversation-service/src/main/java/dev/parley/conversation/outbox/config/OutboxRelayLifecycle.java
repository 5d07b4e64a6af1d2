package dev.parley.conversation.outbox.config;

import dev.parley.conversation.outbox.application.BacklogWatch;
import dev.parley.conversation.outbox.application.OutboxRelay;
import org.springframework.context.SmartLifecycle;

/**
 * Starts the relay and the backlog watch with the context and stops them before any bean they use
 * (event bus, connection pool) is destroyed. Stopping follows the relay's shutdown order.
 */
final class OutboxRelayLifecycle implements SmartLifecycle {

    /**
     * Below the web server (DEFAULT_PHASE - 2048) and its graceful shutdown (DEFAULT_PHASE - 1024):
     * on shutdown the relay stops only after requests in flight have committed, so it still
     * publishes their events instead of leaving them to the next leader.
     */
    static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 4096;

    private final OutboxRelay relay;
    private final BacklogWatch backlog;
    private final boolean relayEnabled;
    private volatile boolean running;

    OutboxRelayLifecycle(OutboxRelay relay, BacklogWatch backlog, boolean relayEnabled) {
        this.relay = relay;
        this.backlog = backlog;
        this.relayEnabled = relayEnabled;
    }

    @Override
    public void start() {
        backlog.start();
        if (relayEnabled) {
            relay.start();
        }
        running = true;
    }

    @Override
    public void stop() {
        relay.stop();
        backlog.stop();
        running = false;
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
