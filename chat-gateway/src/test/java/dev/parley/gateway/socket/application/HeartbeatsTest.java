package dev.parley.gateway.socket.application;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.gateway.FakeWire;
import dev.parley.gateway.session.domain.TokenBucket;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class HeartbeatsTest {

    private static final Duration IDLE = Duration.ofSeconds(75);

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final OpenSockets open = new OpenSockets();
    private long now = System.nanoTime();
    private final Heartbeats heartbeats = new Heartbeats(open, new GatewayMetrics(registry, Clock.systemUTC(), ClientProtocol.TYPES), IDLE,
            () -> now);

    private ClientSocket openSocket(FakeWire wire) {
        var socket = new ClientSocket(wire, new Handshake(null, null, "127.0.0.1"), 10,
                new TokenBucket(1, 1, Clock.systemUTC()), new ClientSocket.Listener() {
                    @Override
                    public void written(Outgoing frame) {
                    }

                    @Override
                    public void overflowed() {
                    }
                });
        open.admit(socket);
        return socket;
    }

    @Test
    void aSocketHeardFromWithinTheIdleTimeoutIsPingedAndKept() {
        var wire = new FakeWire();
        var socket = openSocket(wire);
        now += IDLE.minusSeconds(30).toNanos();
        socket.heard(now);
        now += IDLE.minusSeconds(1).toNanos();

        heartbeats.sweep();
        heartbeats.sweep();

        assertThat(wire.pings).hasValue(2);
        assertThat(wire.closeRequested).isNull();
    }

    @Test
    void aSocketSilentForTheIdleTimeoutIsCutNotPinged() {
        var silent = new FakeWire();
        openSocket(silent);
        var live = new FakeWire();
        var answering = openSocket(live);
        now += IDLE.plusSeconds(1).toNanos();
        answering.heard(now);

        heartbeats.sweep();

        assertThat(silent.closedWith).isEqualTo(CloseCodes.IDLE_TIMEOUT);
        assertThat(silent.pings).hasValue(0);
        assertThat(live.closeRequested).isNull();
        assertThat(registry.counter("parley.gateway.frames.rejected", "reason", "idle_timeout").count()).isEqualTo(1);
    }

    /** Its close frame waits behind frames it never reads; only cutting the connection frees them. */
    @Test
    void aClientThatStoppedReadingIsCutOnceItsCloseCannotGetThrough() {
        var wire = new FakeWire().stopReading();
        var socket = openSocket(wire);
        for (int i = 0; i < 20; i++) {
            socket.send(Outgoing.reply("ack", "{\"type\":\"ack\"}"));
        }
        assertThat(wire.closeRequested).isEqualTo(CloseCodes.SLOW_CONSUMER);
        assertThat(wire.closedWith).as("the close waits behind unread frames").isNull();

        now += IDLE.plusSeconds(1).toNanos();
        heartbeats.sweep();

        assertThat(wire.closedWith).isNotNull();
    }
}
