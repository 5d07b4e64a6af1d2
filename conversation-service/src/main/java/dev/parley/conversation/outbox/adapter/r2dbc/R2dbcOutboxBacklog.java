package dev.parley.conversation.outbox.adapter.r2dbc;

import dev.parley.conversation.outbox.application.OutboxBacklog;
import dev.parley.conversation.outbox.domain.Backlog;
import java.time.Duration;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

/** Counts the outbox's rows (all unpublished) and ages the oldest with the database's own clock. */
public final class R2dbcOutboxBacklog implements OutboxBacklog {

    // now() of this statement against created_at, also set by now(): one clock, no skew between
    // instances. greatest() because a row may commit between this statement's start and its snapshot.
    private static final String MEASURE = """
            SELECT count(*) AS pending,
                   coalesce(greatest(extract(epoch FROM now() - min(created_at)), 0), 0)::float8 AS lag_seconds
            FROM event_outbox""";

    private final DatabaseClient database;

    public R2dbcOutboxBacklog(DatabaseClient database) {
        this.database = database;
    }

    @Override
    public Mono<Backlog> measure() {
        return database.sql(MEASURE)
                .map(row -> new Backlog(row.get("pending", Long.class),
                        Duration.ofNanos(Math.round(row.get("lag_seconds", Double.class) * 1e9))))
                .one();
    }
}
