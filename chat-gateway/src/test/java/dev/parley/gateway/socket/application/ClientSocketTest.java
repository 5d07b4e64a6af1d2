package dev.parley.gateway.socket.application;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.gateway.FakeWire;
import dev.parley.gateway.session.domain.Principal;
import dev.parley.gateway.session.domain.TokenBucket;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.web.reactive.socket.CloseStatus;
import reactor.core.Disposable;
import reactor.core.Disposables;

/** The bounded outbound queue: a reader that stops reading costs its own socket, nothing else. */
class ClientSocketTest {

    private final AtomicInteger overflows = new AtomicInteger();
    private final List<Outgoing> handedOver = new CopyOnWriteArrayList<>();

    private ClientSocket socket(Wire wire, int queue) {
        return new ClientSocket(wire, new Handshake(null, null, "127.0.0.1"), queue,
                new TokenBucket(1, 1, Clock.systemUTC()), new ClientSocket.Listener() {
                    @Override
                    public void written(Outgoing frame) {
                        handedOver.add(frame);
                    }

                    @Override
                    public void overflowed() {
                        overflows.incrementAndGet();
                    }
                });
    }

    @Test
    void aSocketWhoseQueueIsFullIsClosedAsASlowConsumerOnceAndKeepsWhatFitted() {
        var wire = new FakeWire().stopReading();
        var socket = socket(wire, 3);

        for (int i = 0; i < 5; i++) {
            socket.send(Outgoing.reply("ack", "frame-" + i));
        }

        assertThat(wire.closeRequested).isEqualTo(CloseCodes.SLOW_CONSUMER);
        assertThat(overflows).hasValue(1);
        wire.read();
        assertThat(wire.written).containsExactly("frame-0", "frame-1", "frame-2");
        assertThat(wire.closedWith).isEqualTo(CloseCodes.SLOW_CONSUMER);
    }

    @Test
    void framesWrittenOutMakeRoomForMore() {
        var wire = new FakeWire();
        var socket = socket(wire, 3);

        IntStream.range(0, 100).forEach(i -> socket.send(Outgoing.reply("ack", "frame-" + i)));

        assertThat(wire.written).hasSize(100);
        assertThat(wire.closeRequested).isNull();
    }

    @Test
    void finishWritesTheLastFrameAfterEverythingQueuedThenClosesAndDropsLaterFrames() {
        var wire = new FakeWire().stopReading();
        var socket = socket(wire, 10);
        socket.send(Outgoing.reply("ack", "queued"));

        socket.finish(Outgoing.reply("reconnect", "last"), CloseCodes.SERVICE_RESTART);
        socket.send(Outgoing.reply("ack", "too late"));
        wire.read();

        assertThat(wire.written).containsExactly("queued", "last");
        assertThat(wire.closedWith).isEqualTo(CloseCodes.SERVICE_RESTART);
    }

    @Test
    void closeNowDoesNotWaitForAClientThatDoesNotRead() {
        var wire = new FakeWire().stopReading();
        var socket = socket(wire, 10);
        socket.finish(Outgoing.reply("reconnect", "last"), CloseCodes.SERVICE_RESTART);

        socket.closeNow(CloseStatus.GOING_AWAY);

        assertThat(wire.closedWith).isEqualTo(CloseStatus.GOING_AWAY);
    }

    @Test
    void theHelloTimerIsLetGoOnceTheSocketIsAuthenticated() {
        var socket = socket(new FakeWire(), 10);
        Disposable helloTimer = Disposables.single();
        socket.helloTimer(helloTimer);

        socket.authenticate(new Principal(UUID.randomUUID(), Principal.Role.CUSTOMER, null, Set.of()), "token");

        assertThat(helloTimer.isDisposed()).isTrue();
    }

    @Test
    void anExpiryTimerArmedForAReplacedTokenDoesNotDisplaceTheNewTokensTimer() {
        var socket = socket(new FakeWire(), 10);
        Instant first = Instant.parse("2026-11-22T10:00:00Z");
        Instant renewed = first.plusSeconds(3600);
        socket.tokenExpiresAt(first);
        socket.renewToken("fresh", renewed);
        Disposable renewedTimer = Disposables.single();
        socket.expiryTimer(renewed, renewedTimer);

        Disposable late = Disposables.single();
        socket.expiryTimer(first, late); // the first token's warning fired and arms its close

        assertThat(late.isDisposed()).isTrue();
        assertThat(renewedTimer.isDisposed()).isFalse();
        socket.closed();
        assertThat(renewedTimer.isDisposed()).isTrue();
    }

    /**
     * Frames sent from many threads reach the connection's thread in the order the socket accepted
     * them: the order the listener saw is the order written, with nothing lost or doubled.
     */
    @Test
    void framesFromManyThreadsAreWrittenInTheOrderTheyWereAccepted() throws Exception {
        ExecutorService connection = Executors.newSingleThreadExecutor();
        var wire = new FakeWire() {
            @Override
            public void execute(Runnable task) {
                connection.execute(task);
            }
        };
        var socket = socket(wire, 100_000);
        ExecutorService senders = Executors.newFixedThreadPool(4);
        CountDownLatch start = new CountDownLatch(1);
        for (int t = 0; t < 4; t++) {
            int thread = t;
            senders.execute(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    return;
                }
                for (int i = 0; i < 5_000; i++) {
                    socket.send(Outgoing.reply("ack", thread + "-" + i));
                }
            });
        }
        start.countDown();
        senders.shutdown();
        assertThat(senders.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        connection.shutdown();
        assertThat(connection.awaitTermination(30, TimeUnit.SECONDS)).isTrue();

        List<String> written = wire.written;
        assertThat(written).hasSize(20_000).isEqualTo(handedOver.stream().map(Outgoing::text).toList());
        for (int t = 0; t < 4; t++) {
            String prefix = t + "-";
            assertThat(written.stream().filter(text -> text.startsWith(prefix)).toList())
                    .isEqualTo(IntStream.range(0, 5_000).mapToObj(i -> prefix + i).toList());
        }
    }
}
