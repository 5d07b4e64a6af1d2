package dev.parley.gateway.socket.adapter.ws;

import dev.parley.gateway.session.domain.Principal;
import dev.parley.gateway.session.domain.ResumeGate;
import dev.parley.gateway.session.domain.TokenBucket;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.web.reactive.socket.CloseStatus;
import org.springframework.web.reactive.socket.HandshakeInfo;
import org.springframework.web.reactive.socket.WebSocketSession;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
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
    private volatile Instant tokenExpiresAt;
    private volatile Disposable expiryTimer;
    private volatile CloseStatus closeWhenDrained;

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

    /** The upgrade request: its Origin, Host and the client's address. */
    public HandshakeInfo handshake() {
        return session.getHandshakeInfo();
    }

    /** A fresh token of the same user (the {@code auth} frame): used from the next command on. */
    public void renewToken(String bearer, Instant expiresAt) {
        this.token = bearer;
        this.tokenExpiresAt = expiresAt;
    }

    public void tokenExpiresAt(Instant expiresAt) {
        this.tokenExpiresAt = expiresAt;
    }

    public Instant tokenExpiresAt() {
        return tokenExpiresAt;
    }

    /** The timer that warns of and acts on the current token's expiry; replaces the previous one. */
    public void expiryTimer(Disposable timer) {
        Disposable previous = expiryTimer;
        expiryTimer = timer;
        if (previous != null) {
            previous.dispose();
        }
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

    /** Closes at once, even when a close is already waiting behind queued frames the client does not read. */
    public void closeNow(CloseStatus status) {
        closing.set(true);
        session.close(status).subscribe();
    }

    /**
     * Queues {@code last} after everything already queued, then closes with {@code status} once all
     * of it is written (the handler calls {@link #drained}), so the client reads why it is closed.
     */
    public void finish(Outgoing last, CloseStatus status) {
        if (!closing.compareAndSet(false, true)) {
            return;
        }
        closeWhenDrained = status;
        Sinks.EmitResult result;
        synchronized (this) {
            result = outbound.tryEmitNext(last);
            outbound.tryEmitComplete();
        }
        if (result.isFailure()) {
            session.close(status).subscribe();
        }
    }

    /** The outbound stream is written out: closes the socket if {@link #finish} asked for it. */
    public Mono<Void> drained() {
        CloseStatus status = closeWhenDrained;
        return status == null ? Mono.empty() : session.close(status);
    }

    /** Ends the outbound stream once the socket is gone. */
    public void closed() {
        synchronized (this) {
            outbound.tryEmitComplete();
        }
        expiryTimer(null);
    }
}
