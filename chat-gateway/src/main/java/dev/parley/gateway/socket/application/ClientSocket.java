package dev.parley.gateway.socket.application;

import dev.parley.gateway.session.domain.Principal;
import dev.parley.gateway.session.domain.ReadsInFlight;
import dev.parley.gateway.session.domain.ResumeGate;
import dev.parley.gateway.session.domain.TokenBucket;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.UUID;
import org.springframework.web.reactive.socket.CloseStatus;
import reactor.core.Disposable;
import tools.jackson.databind.JsonNode;

/**
 * One client's socket: who it is once the hello is through, its bounded outbound queue and its
 * resume gate. Writes never block the caller: a frame that would exceed {@code queueCapacity}
 * frames not yet written closes the socket with {@link CloseCodes#SLOW_CONSUMER}, so one slow
 * reader never slows the fan-out to the others.
 *
 * <p>Frames go to the {@link Wire} in the order {@link #send} accepted them. There is no stream
 * per socket: accepted frames wait in {@code pending} (only while there are some) until one task on
 * the connection's thread writes them out; an idle socket holds no queue at all
 * (HeapPerSocketBenchmark).
 */
public final class ClientSocket {

    /** What a socket reports to its owner; one instance serves every socket. */
    public interface Listener {
        /** {@code frame} is handed to the connection now. */
        default void written(Outgoing frame) {
        }

        /** The socket fell {@code queueCapacity} frames behind and is being closed. */
        default void overflowed() {
        }
    }

    /** Conversations whose read receipts may be on their way at once, without holding up the socket's frames. */
    static final int READS_IN_FLIGHT = 16;

    private final Wire wire;
    private final Handshake handshake;
    private final int queueCapacity;
    private final TokenBucket commands;
    private final Listener listener;
    private final ResumeGate<Outgoing> gate = new ResumeGate<>(this::send);
    private ReadsInFlight<JsonNode> reads; // guarded by this; made at the first read: most sockets never send one at a time
    private volatile Principal principal;
    private volatile String token;
    private volatile Instant tokenExpiresAt;
    private volatile long lastHeardNanos = System.nanoTime(); // any frame from the client, pongs included
    private Disposable helloTimer; // guarded by this
    private Disposable expiryTimer; // guarded by this

    // the outbound queue, guarded by this
    private ArrayDeque<Outgoing> pending; // accepted, not yet given to the wire; null when none
    private int unwritten; // accepted and not yet out of the connection
    private boolean writeOutQueued; // a writeOut task is on its way to the connection's thread
    private boolean closing; // no more frames are accepted
    private CloseStatus closeAfterPending; // the close a writeOut task sends after the pending frames

    public ClientSocket(Wire wire, Handshake handshake, int queueCapacity, TokenBucket commands, Listener listener) {
        this.wire = wire;
        this.handshake = handshake;
        this.queueCapacity = queueCapacity;
        this.commands = commands;
        this.listener = listener;
    }

    /** The client sent something (a frame, a pong) at {@code nanoTime}: it is alive. */
    public void heard(long nanoTime) {
        lastHeardNanos = nanoTime;
    }

    /** {@link System#nanoTime} when the client was last heard from. */
    public long lastHeardNanos() {
        return lastHeardNanos;
    }

    /** Asks the client for a sign of life. */
    public void ping() {
        wire.ping();
    }

    public String id() {
        return wire.id();
    }

    /** The hello must arrive before this timer fires; it is let go once authenticated. */
    public synchronized void helloTimer(Disposable timer) {
        helloTimer = timer;
    }

    public void authenticate(Principal verified, String bearer) {
        this.token = bearer;
        this.principal = verified;
        disposeHelloTimer();
    }

    /** The same user with what changed about them (an agent's departments): used from the next delivery on. */
    public void changePrincipal(Principal changed) {
        if (!changed.userId().equals(principal.userId()) || changed.role() != principal.role()) {
            throw new IllegalArgumentException("a socket's user and role never change");
        }
        this.principal = changed;
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

    /** What the upgrade request said: its Origin, Host and the client's address. */
    public Handshake handshake() {
        return handshake;
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
        Disposable previous;
        synchronized (this) {
            previous = expiryTimer;
            expiryTimer = timer;
        }
        if (previous != null) {
            previous.dispose();
        }
    }

    /**
     * Replaces the expiry timer only while the token expiring at {@code expiresAt} is still the
     * socket's; else disposes {@code timer}. A timer armed for a token that an {@code auth} frame
     * has meanwhile replaced must not displace the new token's.
     */
    public void expiryTimer(Instant expiresAt, Disposable timer) {
        Disposable previous;
        synchronized (this) {
            if (!expiresAt.equals(tokenExpiresAt)) {
                previous = timer;
            } else {
                previous = expiryTimer;
                expiryTimer = timer;
            }
        }
        if (previous != null) {
            previous.dispose();
        }
    }

    public ResumeGate<Outgoing> gate() {
        return gate;
    }

    /** The socket's read receipts on their way, by conversation. */
    public synchronized ReadsInFlight<JsonNode> reads() {
        if (reads == null) {
            reads = new ReadsInFlight<>(READS_IN_FLIGHT);
        }
        return reads;
    }

    public boolean admitCommand() {
        return commands.tryTake();
    }

    /** An event for this socket, in order per conversation, deduplicated by seq. */
    public void deliver(UUID conversationId, Long seq, Outgoing frame) {
        gate.live(conversationId, seq, frame);
    }

    /** Queues a frame; on overflow closes the socket instead of waiting. Dropped once closing. */
    public void send(Outgoing frame) {
        boolean overflowed = false;
        boolean schedule = false;
        synchronized (this) {
            if (closing) {
                return;
            }
            if (unwritten >= queueCapacity) {
                // what was accepted is still written, then the close: the client reads why
                overflowed = true;
                schedule = closeAfterPending(CloseCodes.SLOW_CONSUMER);
            } else {
                unwritten++;
                if (pending == null) {
                    pending = new ArrayDeque<>();
                }
                pending.add(frame);
                schedule = !writeOutQueued;
                writeOutQueued = true;
            }
        }
        if (overflowed) {
            listener.overflowed();
        }
        if (schedule) {
            wire.execute(this::writeOut);
        }
    }

    /** Closes with {@code status} after the frames already queued; later frames are dropped. */
    public void close(CloseStatus status) {
        boolean schedule;
        synchronized (this) {
            if (closing) {
                return;
            }
            schedule = closeAfterPending(status);
        }
        if (schedule) {
            wire.execute(this::writeOut);
        }
    }

    /** Closes at once, even when a close is already waiting behind queued frames the client does not read. */
    public void closeNow(CloseStatus status) {
        synchronized (this) {
            closing = true;
            pending = null;
            closeAfterPending = null;
        }
        wire.abort(status);
    }

    /**
     * Queues {@code last} after everything already queued, then closes with {@code status} once all
     * of it is written, so the client reads why it is closed. Does nothing once closing.
     */
    public void finish(Outgoing last, CloseStatus status) {
        boolean schedule;
        synchronized (this) {
            if (closing) {
                return;
            }
            unwritten++;
            if (pending == null) {
                pending = new ArrayDeque<>();
            }
            pending.add(last);
            schedule = closeAfterPending(status);
        }
        if (schedule) {
            wire.execute(this::writeOut);
        }
    }

    /** The connection is gone: drops what is queued and stops the timers. */
    public void closed() {
        synchronized (this) {
            closing = true;
            pending = null;
            closeAfterPending = null;
        }
        disposeHelloTimer();
        expiryTimer(null);
    }

    /** Under the lock: no more frames; the close follows the pending ones. {@code true} if a writeOut must be queued. */
    private boolean closeAfterPending(CloseStatus status) {
        closing = true;
        closeAfterPending = status;
        boolean schedule = !writeOutQueued;
        writeOutQueued = true;
        return schedule;
    }

    /** On the connection's thread: hands every pending frame to the wire, in order, then the close if one is due. */
    private void writeOut() {
        ArrayDeque<Outgoing> frames;
        CloseStatus close;
        synchronized (this) {
            frames = pending;
            pending = null;
            close = closeAfterPending;
            closeAfterPending = null;
            writeOutQueued = false;
        }
        if (frames != null) {
            for (Outgoing frame : frames) {
                listener.written(frame);
                wire.write(frame.utf8(), this::writtenOut);
            }
            wire.flush();
        }
        if (close != null) {
            wire.close(close);
        }
    }

    private synchronized void writtenOut() {
        unwritten--;
    }

    private void disposeHelloTimer() {
        Disposable timer;
        synchronized (this) {
            timer = helloTimer;
            helloTimer = null;
        }
        if (timer != null) {
            timer.dispose();
        }
    }
}
