package dev.parley.gateway.shutdown.adapter.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.parley.gateway.FakeWire;
import dev.parley.gateway.session.domain.TokenBucket;
import dev.parley.gateway.socket.application.ClientSocket;
import dev.parley.gateway.socket.application.CloseCodes;
import dev.parley.gateway.socket.application.Frames;
import dev.parley.gateway.socket.application.OpenSockets;
import dev.parley.gateway.socket.application.Handshake;
import dev.parley.gateway.socket.application.Outgoing;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import tools.jackson.databind.json.JsonMapper;

class GracefulShutdownTest {

    private static final Duration PATIENCE = Duration.ofSeconds(10);

    private final Frames frames = new Frames(JsonMapper.builder().build());
    private final OpenSockets open = new OpenSockets();
    private final List<Object> published = new CopyOnWriteArrayList<>();
    /** What happened, in order: the sockets' closes and the node leaving the cluster. */
    private final List<String> steps = new CopyOnWriteArrayList<>();

    /** A socket whose client reads everything or nothing; the wire's close plays the handler's part. */
    private record Connected(ClientSocket socket, FakeWire wire) {
    }

    private Connected connect(boolean reads) {
        var wire = reads ? new FakeWire() : new FakeWire().stopReading();
        var socket = socket(wire);
        wire.onClose(() -> {
            steps.add("closed");
            open.closed(socket);
        });
        assertThat(open.admit(socket)).isTrue();
        return new Connected(socket, wire);
    }

    private ClientSocket socket(FakeWire wire) {
        return new ClientSocket(wire, new Handshake(null, null, "127.0.0.1"), 10, new TokenBucket(1, 1, Clock.systemUTC()),
                new ClientSocket.Listener() { });
    }

    private GracefulShutdown shutdown(Duration timeout) {
        return new GracefulShutdown(open, frames, published::add, Duration.ofMillis(300), timeout, () -> steps.add("left"));
    }

    private static void stop(GracefulShutdown shutdown) {
        CountDownLatch stopped = new CountDownLatch(1);
        shutdown.stop(stopped::countDown);
        await().atMost(PATIENCE).until(() -> stopped.getCount() == 0);
    }

    @Test
    void everyClientIsToldToReconnectAfterItsQueuedFramesThenClosedWith1012BeforeTheNodeLeaves() {
        Connected busy = connect(true);
        Connected idle = connect(true);
        busy.socket().send(Outgoing.reply("event", "{}"));

        stop(shutdown(Duration.ofSeconds(5)));

        assertThat(busy.wire().written).containsExactly("{}", frames.reconnect("node shutting down").text());
        assertThat(idle.wire().written).containsExactly(frames.reconnect("node shutting down").text());
        assertThat(List.of(busy.wire().closedWith, idle.wire().closedWith)).containsOnly(CloseCodes.SERVICE_RESTART);
        assertThat(steps).containsExactly("closed", "closed", "left");
        assertThat(published).singleElement().isInstanceOfSatisfying(AvailabilityChangeEvent.class,
                event -> assertThat(event.getState()).isEqualTo(ReadinessState.REFUSING_TRAFFIC));
    }

    @Test
    void noSocketIsAdmittedOnceTheNodeDrains() {
        stop(shutdown(Duration.ofSeconds(5)));

        var late = socket(new FakeWire());
        assertThat(open.admit(late)).isFalse();
        assertThat(open.size()).isZero();
    }

    @Test
    void aClientThatDoesNotReadIsClosedAtTheTimeoutAndTheNodeStillLeaves() {
        Connected stuck = connect(false);

        stop(shutdown(Duration.ofMillis(800)));

        assertThat(stuck.wire().closedWith).isEqualTo(CloseCodes.SERVICE_RESTART);
        assertThat(steps).containsExactly("closed", "left");
    }
}
