package dev.parley.conversation.outbox.adapter.memory;

import dev.parley.conversation.outbox.application.OutboxBacklog;
import dev.parley.conversation.outbox.domain.Backlog;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import reactor.core.publisher.Mono;

/** Counts the unpublished rows of the in-memory outbox and ages the oldest. */
public final class MemoryOutboxBacklog implements OutboxBacklog {

    private final MemoryOutbox outbox;
    private final Clock clock;

    public MemoryOutboxBacklog(MemoryOutbox outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    @Override
    public Mono<Backlog> measure() {
        Instant now = clock.instant();
        return outbox.database().statement(tx -> {
            var pending = outbox.database().table(OutboxRow.TABLE).inGroup(true);
            return pending.stream().map(OutboxRow::createdAt).min(Instant::compareTo)
                    .map(oldest -> new Backlog(pending.size(), maxZero(Duration.between(oldest, now))))
                    .orElse(Backlog.EMPTY);
        });
    }

    private static Duration maxZero(Duration age) {
        return age.isNegative() ? Duration.ZERO : age;
    }
}
