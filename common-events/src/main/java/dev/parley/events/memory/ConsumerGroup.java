package dev.parley.events.memory;

import dev.parley.events.bus.EventSubscription;
import dev.parley.events.bus.RecordProcessor;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;
import reactor.core.scheduler.Scheduler;

/**
 * One consumer group on one topic: committed offsets per partition, members, and an assignment of
 * partitions to members (partition {@code p} goes to member {@code p mod n}, recomputed on every
 * join and leave). A partition has at most one record in flight; a record's offset is committed
 * only when its processor completes, so a record in flight when its partition moves is handled
 * again by the new owner — the same at-least-once rule as Kafka.
 */
final class ConsumerGroup implements TopicLog.Reader {

    /** Wait before retrying a record whose dead-letter copy failed (cannot happen in memory, kept for symmetry). */
    private static final Duration RETRY_AFTER_FAILURE = Duration.ofMillis(100);

    private final TopicLog log;
    private final Scheduler scheduler;
    private final List<Member> members = new ArrayList<>();
    private final PartitionCursor[] cursors;
    private final IntConsumer onAppend = this::pumpLater;

    ConsumerGroup(TopicLog log, Scheduler scheduler) {
        this.log = log;
        this.scheduler = scheduler;
        this.cursors = new PartitionCursor[log.partitionCount()];
        for (int p = 0; p < cursors.length; p++) {
            cursors[p] = new PartitionCursor();
        }
        log.addReader(this);
        log.onAppend(onAppend);
    }

    EventSubscription join(RecordProcessor processor) {
        var member = new Member(processor);
        synchronized (this) {
            members.add(member);
            rebalance();
        }
        pumpAll();
        return member;
    }

    void close() {
        log.removeOnAppend(onAppend);
        log.removeReader(this);
        synchronized (this) {
            members.clear();
            rebalance();
        }
    }

    @Override
    public synchronized long committed(int partition) {
        return cursors[partition].committed;
    }

    private void leave(Member member) {
        synchronized (this) {
            if (!members.remove(member)) {
                return;
            }
            rebalance();
        }
        pumpAll();
    }

    /** Caller holds the lock. A moved partition starts a new generation, so late completions are ignored. */
    private void rebalance() {
        for (int p = 0; p < cursors.length; p++) {
            Member owner = members.isEmpty() ? null : members.get(p % members.size());
            PartitionCursor cursor = cursors[p];
            if (cursor.owner != owner) {
                cursor.owner = owner;
                cursor.generation++;
                cursor.inFlight = false;
            }
        }
    }

    private void pumpAll() {
        for (int p = 0; p < cursors.length; p++) {
            int partition = p;
            scheduler.schedule(() -> pump(partition));
        }
    }

    private void pumpLater(int partition) {
        scheduler.schedule(() -> pump(partition));
    }

    private void pump(int partition) {
        PartitionCursor cursor = cursors[partition];
        TopicLog.Entry entry;
        RecordProcessor processor;
        long generation;
        synchronized (this) {
            if (cursor.owner == null || cursor.inFlight) {
                return;
            }
            entry = log.next(partition, cursor.committed);
            if (entry == null) {
                return;
            }
            cursor.inFlight = true;
            processor = cursor.owner.processor;
            generation = cursor.generation;
        }
        LogRecord record = entry.record();
        processor.process(record.key(), record.value()).subscribe(
                null,
                error -> completed(partition, generation, entry.offset(), false),
                () -> completed(partition, generation, entry.offset(), true));
    }

    private void completed(int partition, long generation, long offset, boolean success) {
        PartitionCursor cursor = cursors[partition];
        synchronized (this) {
            if (cursor.generation != generation) {
                return;
            }
            cursor.inFlight = false;
            if (success) {
                cursor.committed = offset + 1;
            }
        }
        if (success) {
            scheduler.schedule(() -> pump(partition));
        } else {
            scheduler.schedule(() -> pump(partition), RETRY_AFTER_FAILURE.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private static final class PartitionCursor {
        Member owner;
        long generation;
        long committed;
        boolean inFlight;
    }

    private final class Member implements EventSubscription {
        final RecordProcessor processor;

        Member(RecordProcessor processor) {
            this.processor = processor;
        }

        @Override
        public Set<Integer> assignedPartitions() {
            var owned = new LinkedHashSet<Integer>();
            synchronized (ConsumerGroup.this) {
                for (int p = 0; p < cursors.length; p++) {
                    if (cursors[p].owner == this) {
                        owned.add(p);
                    }
                }
            }
            return owned;
        }

        @Override
        public void close() {
            leave(this);
        }
    }
}
