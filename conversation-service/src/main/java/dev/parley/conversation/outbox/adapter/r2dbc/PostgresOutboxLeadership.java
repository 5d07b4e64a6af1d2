package dev.parley.conversation.outbox.adapter.r2dbc;

import dev.parley.conversation.outbox.application.OutboxLeadership;
import dev.parley.conversation.outbox.application.OutboxLease;
import io.r2dbc.postgresql.PostgresqlConnectionFactory;
import io.r2dbc.postgresql.api.PostgresqlConnection;
import io.r2dbc.postgresql.api.PostgresqlResult;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.Wrapped;
import reactor.core.publisher.Mono;

/**
 * Leadership by a PostgreSQL session-level advisory lock, held on a connection of its own (not
 * from the pool, which could recycle it): {@code pg_try_advisory_lock} either takes the lock now
 * or reports that another session holds it. The session that holds the lock is the lease: when it
 * ends, by release, crash or a broken connection, PostgreSQL frees the lock and the next relay to
 * try takes it. The same session LISTENs for the outbox's notifications.
 */
public final class PostgresOutboxLeadership implements OutboxLeadership {

    /**
     * The advisory lock key of the outbox relay. Any constant works as long as nothing else in
     * this database uses it; this one is "parley-o" in ASCII, easy to recognise in {@code pg_locks}
     * (classid 1885434476, objid 1702440303).
     */
    static final long LOCK_KEY = 0x7061726c65792d6fL;
    /** The channel writers of other instances notify after their commits ({@link PostgresOutboxWakeUps}). */
    static final String CHANNEL = "parley_outbox";

    private final PostgresqlConnectionFactory dedicated;

    /**
     * @param connectionFactory the service's connection factory, pooled or not; the lease opens its
     *                          own connection from the PostgreSQL factory underneath the pool
     */
    public PostgresOutboxLeadership(ConnectionFactory connectionFactory) {
        this.dedicated = unpooled(connectionFactory);
    }

    @Override
    public Mono<OutboxLease> tryAcquire() {
        return dedicated.create().flatMap(connection -> lockAndListen(connection)
                .onErrorResume(error -> closeQuietly(connection).then(Mono.error(error)))
                .doOnCancel(() -> closeQuietly(connection).subscribe()));
    }

    private static Mono<Void> closeQuietly(PostgresqlConnection connection) {
        return connection.close().onErrorResume(ignored -> Mono.empty());
    }

    private Mono<OutboxLease> lockAndListen(PostgresqlConnection connection) {
        return connection.createStatement("SELECT pg_try_advisory_lock($1)")
                .bind("$1", LOCK_KEY)
                .execute()
                .flatMap(result -> result.map((row, metadata) -> Boolean.TRUE.equals(row.get(0, Boolean.class))))
                .single()
                .flatMap(locked -> locked
                        ? listen(connection).thenReturn((OutboxLease) new PostgresOutboxLease(connection))
                        : connection.close().then(Mono.empty()));
    }

    private static Mono<Void> listen(PostgresqlConnection connection) {
        return connection.createStatement("LISTEN " + CHANNEL).execute()
                .flatMap(PostgresqlResult::getRowsUpdated)
                .then();
    }

    private static PostgresqlConnectionFactory unpooled(ConnectionFactory factory) {
        ConnectionFactory current = factory;
        while (current instanceof Wrapped<?> wrapped && wrapped.unwrap() instanceof ConnectionFactory inner
                && inner != current) {
            current = inner;
        }
        if (current instanceof PostgresqlConnectionFactory postgres) {
            return postgres;
        }
        throw new IllegalArgumentException("the outbox relay needs PostgreSQL (LISTEN, advisory locks); got "
                + factory.getClass().getName());
    }
}
