package dev.parley.conversation.outbox.adapter.memory;

import dev.parley.conversation.outbox.application.OutboxLeadership;
import dev.parley.conversation.outbox.application.OutboxLease;
import dev.parley.conversation.outbox.domain.PendingEvent;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * Leadership within the one process that holds the in-memory outbox: a flag instead of an
 * advisory lock. A released lease ends its notifications, so a relay that gave it up stops
 * like one whose session died.
 */
public final class MemoryOutboxLeadership implements OutboxLeadership {

    private final MemoryOutbox outbox;
    private final Clock clock;
    private final AtomicBoolean held = new AtomicBoolean();

    public MemoryOutboxLeadership(MemoryOutbox outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    @Override
    public Mono<OutboxLease> tryAcquire() {
        return Mono.fromSupplier(() -> held.compareAndSet(false, true) ? new Lease() : null);
    }

    private final class Lease implements OutboxLease {

        private final AtomicBoolean released = new AtomicBoolean();
        private final Sinks.Empty<Void> ended = Sinks.empty();

        @Override
        public Flux<String> notifications() {
            return outbox.commits().takeUntilOther(ended.asMono());
        }

        @Override
        public Mono<List<PendingEvent>> oldestUnpublished(int limit) {
            return outbox.database().statement(tx -> outbox.database().table(OutboxRow.TABLE)
                    .inGroup(true).stream()
                    .sorted(Comparator.comparingLong(OutboxRow::id)).limit(limit)
                    .map(row -> new PendingEvent(row.id(), row.topic(), row.payload())).toList());
        }

        @Override
        public Mono<Void> markPublished(List<Long> ids) {
            if (released.get()) {
                return Mono.error(new IllegalStateException("the outbox lease was released"));
            }
            Instant now = clock.instant();
            return outbox.database().statement(tx -> {
                var table = outbox.database().table(OutboxRow.TABLE);
                new HashSet<>(ids).forEach(id -> table.update(tx, id, row -> row.publishedAt() == null ? row.published(now) : row));
                return null;
            });
        }

        @Override
        public Mono<Long> prunePublishedOlderThan(Duration retention) {
            Instant cutoff = clock.instant().minus(retention);
            return outbox.database().statement(tx -> {
                var table = outbox.database().table(OutboxRow.TABLE);
                var old = table.where(row -> row.publishedAt() != null && row.publishedAt().isBefore(cutoff));
                old.forEach(row -> table.remove(tx, row.id()));
                return (long) old.size();
            });
        }

        @Override
        public Mono<Void> release() {
            return Mono.fromRunnable(() -> {
                if (released.compareAndSet(false, true)) {
                    ended.tryEmitEmpty();
                    held.set(false);
                }
            });
        }
    }
}
