package dev.parley.gateway.socket.adapter.ws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.gateway.FakeSession;
import dev.parley.gateway.session.domain.TokenBucket;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.reactivestreams.Subscription;
import reactor.core.publisher.BaseSubscriber;

/** The bounded outbound queue: a reader that stops reading costs its own socket, nothing else. */
class ClientSocketTest {

    @Test
    void aSocketWhoseQueueIsFullIsClosedAsASlowConsumerOnceAndKeepsWhatFitted() {
        var session = new FakeSession();
        var overflows = new AtomicInteger();
        var socket = new ClientSocket(session, 3, new TokenBucket(1, 1, Clock.systemUTC()), overflows::incrementAndGet);
        List<String> written = new CopyOnWriteArrayList<>();
        var stuckReader = new BaseSubscriber<Outgoing>() {
            @Override
            protected void hookOnSubscribe(Subscription subscription) {
                // reads nothing until told: a client that stopped reading
            }

            @Override
            protected void hookOnNext(Outgoing frame) {
                written.add(frame.text());
            }
        };
        socket.outbound().subscribe(stuckReader);

        for (int i = 0; i < 5; i++) {
            socket.send(Outgoing.reply("ack", "frame-" + i));
        }

        assertThat(session.closedWith).isEqualTo(CloseCodes.SLOW_CONSUMER);
        assertThat(overflows).hasValue(1);
        stuckReader.request(Long.MAX_VALUE);
        assertThat(written).containsExactly("frame-0", "frame-1", "frame-2");
    }
}
