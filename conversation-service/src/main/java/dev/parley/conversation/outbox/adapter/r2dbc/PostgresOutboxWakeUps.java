package dev.parley.conversation.outbox.adapter.r2dbc;

import dev.parley.conversation.outbox.application.OutboxWakeUps;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

/**
 * Wake-ups in-process while this instance leads; otherwise one {@code NOTIFY parley_outbox} on a
 * pooled connection, in its own statement after the writer committed. At most one is in flight:
 * commits meanwhile are folded into one more, so a burst of appends costs a notification or two,
 * and no appending transaction ever holds the lock a notifying commit takes.
 */
public final class PostgresOutboxWakeUps implements OutboxWakeUps {

    private static final Logger log = LoggerFactory.getLogger(PostgresOutboxWakeUps.class);
    private static final Object TICK = new Object();
    private static final String NOTIFY = "SELECT pg_notify('" + PostgresOutboxLeadership.CHANNEL + "', '')";

    private final DatabaseClient pool;
    private final Sinks.Many<Object> local = Sinks.many().multicast().directBestEffort();
    private final AtomicBoolean notifying = new AtomicBoolean();
    private final AtomicBoolean notifyAgain = new AtomicBoolean();
    private volatile boolean leading;

    public PostgresOutboxWakeUps(DatabaseClient pool) {
        this.pool = pool;
    }

    @Override
    public void committed() {
        if (leading) {
            // concurrent writers: retry the rare non-serialized emission instead of losing it; none listening is fine
            local.emitNext(TICK, (signal, result) -> result == Sinks.EmitResult.FAIL_NON_SERIALIZED);
        } else {
            notifyLeader();
        }
    }

    @Override
    public Flux<Object> local() {
        return local.asFlux();
    }

    @Override
    public void leading(boolean leading) {
        this.leading = leading;
    }

    private void notifyLeader() {
        if (!notifying.compareAndSet(false, true)) {
            notifyAgain.set(true);
            return;
        }
        pool.sql(NOTIFY).fetch().all().then()
                .doOnError(error -> log.debug("Could not notify the outbox relay (it polls): {}", error.toString()))
                .onErrorComplete()
                .doFinally(signal -> {
                    notifying.set(false);
                    if (notifyAgain.getAndSet(false)) {
                        notifyLeader();
                    }
                })
                .subscribe();
    }
}
