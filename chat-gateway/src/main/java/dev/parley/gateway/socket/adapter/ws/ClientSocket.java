package dev.parley.gateway.socket.adapter.ws;

import dev.parley.gateway.session.domain.Principal;
import dev.parley.gateway.session.domain.ResumeGate;
import dev.parley.gateway.session.domain.TokenBucket;
import java.util.UUID;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.web.reactive.socket.CloseStatus;
import org.springframework.web.reactive.socket.WebSocketSession;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

/**
 * One client's socket: who it is once the hello is through, its bounded outbound queue and its
 * resume gate. Writes never block the caller: a frame that does not fit the queue closes the socket
 * with {@link CloseCodes#SLOW_CONSUMER}, so one slow reader never slows the fan-out to the others.
 */
public final class ClientSocket {

    private final WebSocketSession session;
    private final Sinks.Many<Outgoing> outbound;
    private final ResumeGate<Outgoing> gate = new ResumeGate<>(this::send);
    private final TokenBucket commands;
    private final AtomicBoolean closing = new AtomicBoolean();
    private final Runnable onOverflow;
    private volatile Principal principal;
    private volatile String token;

    public ClientSocket(WebSocketSession session, int queueCapacity, TokenBucket commands, Runnable onOverflow) {
        this.session = session;
        // Linked, not an array: an array queue allocates all its slots up front (4 KB for 1,000), on
        // every socket, while an idle socket's queue is empty (HeapPerSocketBenchmark)
        this.outbound = Sinks.many().unicast().onBackpressureBuffer(new LinkedBlockingQueue<>(queueCapacity));
        this.commands = commands;
        this.onOverflow = onOverflow;
    }

    public String id() {
        return session.getId();
    }

    public Flux<Outgoing> outbound() {
        return outbound.asFlux();
    }

    public void authenticate(Principal verified, String bearer) {
        this.token = bearer;
        this.principal = verified;
    }

    public boolean authenticated() {
        return principal != null;
    }

    public Principal principal() {
        return principal;
    }

    public String token() {
        return token;
    }

    public ResumeGate<Outgoing> gate() {
        return gate;
    }

    public boolean admitCommand() {
        return commands.tryTake();
    }

    /** An event for this socket, in order per conversation, deduplicated by seq. */
    public void deliver(UUID conversationId, Long seq, Outgoing frame) {
        gate.live(conversationId, seq, frame);
    }

    /** Queues a frame; on overflow closes the socket instead of waiting. */
    public void send(Outgoing frame) {
        Sinks.EmitResult result;
        synchronized (this) {
            result = outbound.tryEmitNext(frame);
        }
        if (result == Sinks.EmitResult.FAIL_OVERFLOW && closing.compareAndSet(false, true)) {
            onOverflow.run();
            session.close(CloseCodes.SLOW_CONSUMER).subscribe();
        }
    }

    public void close(CloseStatus status) {
        if (closing.compareAndSet(false, true)) {
            session.close(status).subscribe();
        }
    }

    /** Ends the outbound stream once the socket is gone. */
    public void closed() {
        synchronized (this) {
            outbound.tryEmitComplete();
        }
    }
}
