package dev.parley.conversation.shared.adapter.memory;

import java.util.ArrayDeque;
import java.util.concurrent.atomic.AtomicInteger;
import reactor.core.publisher.Mono;
import reactor.core.publisher.MonoSink;

/**
 * A fair, non-blocking mutex for reactive code: {@link #acquire()} emits a {@link Permit} once every
 * earlier holder has released, in request order, without parking a thread. A subscriber cancelled
 * while waiting leaves the queue; one cancelled just as it was granted hands the lock on, so a
 * cancellation can never leave the lock held by nobody.
 */
final class WriteLock {

    private static final int WAITING = 0;
    private static final int GRANTED = 1;
    private static final int TAKEN = 2;
    private static final int DONE = 3;

    private final ArrayDeque<Permit> queue = new ArrayDeque<>(); // guarded by this
    private boolean held; // guarded by this

    /** Emits the permit when the lock is ours; the caller must {@link Permit#take()} it, then release it. */
    Mono<Permit> acquire() {
        return Mono.create(sink -> {
            Permit permit = new Permit(sink);
            sink.onCancel(permit::cancel);
            boolean now;
            synchronized (this) {
                now = !held;
                if (now) {
                    held = true;
                } else {
                    queue.add(permit);
                }
            }
            if (now) {
                permit.grant();
            }
        });
    }

    private void handOver() {
        Permit next;
        synchronized (this) {
            next = queue.poll();
            if (next == null) {
                held = false;
            }
        }
        if (next != null) {
            next.grant();
        }
    }

    /** One hold of the lock. Exactly one of its taker and its cancellation hands the lock on. */
    final class Permit {

        private final MonoSink<Permit> sink;
        private final AtomicInteger state = new AtomicInteger(WAITING);

        private Permit(MonoSink<Permit> sink) {
            this.sink = sink;
        }

        private void grant() {
            if (state.compareAndSet(WAITING, GRANTED)) {
                sink.success(this);
            } else {
                handOver(); // cancelled between leaving the queue and being granted
            }
        }

        private void cancel() {
            synchronized (WriteLock.this) {
                if (queue.remove(this)) {
                    state.set(DONE);
                    return;
                }
            }
            if (state.compareAndSet(WAITING, DONE)) {
                return; // grant() is about to run and will hand the lock on
            }
            if (state.compareAndSet(GRANTED, DONE)) {
                handOver();
            }
        }

        /** Claims the granted lock for its subscriber; false if a cancellation already gave it up. */
        boolean take() {
            return state.compareAndSet(GRANTED, TAKEN);
        }

        /** Hands the lock to the next waiter. Idempotent. */
        void release() {
            if (state.compareAndSet(TAKEN, DONE)) {
                handOver();
            }
        }
    }
}
