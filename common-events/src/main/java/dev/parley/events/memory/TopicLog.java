package dev.parley.events.memory;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.IntConsumer;

/**
 * An append-only log split into partitions by key, like a Kafka topic, that forgets what it no
 * longer needs: a record is released once every group reading the topic has committed it and
 * {@link #KEEP} newer ones follow it in its partition. Without that a standalone process kept every
 * event it ever published (about 2 MB a second at 1,000 msg/s) until its heap ran out. Thread-safe.
 */
final class TopicLog {

    /**
     * Records a partition keeps after every group has read them: what a group that joins late
     * finds (one that subscribes a moment after another at start-up), as Kafka's retention keeps
     * records for a group with {@code auto.offset.reset=earliest}.
     */
    static final int KEEP = 1_000;

    /** A group reading the log: the offset, per partition, up to which it has handled every record. */
    interface Reader {
        long committed(int partition);
    }

    /** A record and its offset in its partition. */
    record Entry(long offset, LogRecord record) {
    }

    private final Partition[] partitions;
    private final List<IntConsumer> appendListeners = new CopyOnWriteArrayList<>();
    private final List<Reader> readers = new CopyOnWriteArrayList<>();

    TopicLog(int partitionCount) {
        partitions = new Partition[partitionCount];
        for (int i = 0; i < partitionCount; i++) {
            partitions[i] = new Partition();
        }
    }

    int partitionCount() {
        return partitions.length;
    }

    void append(LogRecord record) {
        int partition = partitionOf(record.key());
        partitions[partition].add(record);
        release(partition);
        appendListeners.forEach(listener -> listener.accept(partition));
    }

    /**
     * The first record at or after {@code offset}, or {@code null} when there is none yet. A reader
     * behind what the log still holds gets the oldest record kept.
     */
    Entry next(int partition, long offset) {
        return partitions[partition].next(offset);
    }

    /** Every record the log still holds. */
    List<LogRecord> readAll() {
        var all = new ArrayList<LogRecord>();
        for (Partition partition : partitions) {
            partition.copyTo(all);
        }
        return all;
    }

    /** How many records the log holds, over all partitions. */
    long retained() {
        long retained = 0;
        for (Partition partition : partitions) {
            retained += partition.size();
        }
        return retained;
    }

    /** Called with the partition of every record appended. */
    void onAppend(IntConsumer listener) {
        appendListeners.add(listener);
    }

    void removeOnAppend(IntConsumer listener) {
        appendListeners.remove(listener);
    }

    void addReader(Reader reader) {
        readers.add(reader);
    }

    void removeReader(Reader reader) {
        readers.remove(reader);
    }

    /** Releases what every reader has committed, keeping the newest {@link #KEEP}. */
    private void release(int partition) {
        // Read with no partition lock held: readers take their own locks, and a reader's committed
        // offset only grows, so releasing below a minimum read a moment ago is safe.
        long committedByAll = Long.MAX_VALUE;
        for (Reader reader : readers) {
            committedByAll = Math.min(committedByAll, reader.committed(partition));
        }
        partitions[partition].releaseBefore(committedByAll);
    }

    private int partitionOf(String key) {
        return Math.floorMod(key == null ? 0 : key.hashCode(), partitions.length);
    }

    /** One partition's records from offset {@code first} on, in a list whose released head is compacted now and then. */
    private static final class Partition {

        private final ArrayList<LogRecord> records = new ArrayList<>();
        /** Index in {@code records} of the oldest record kept. */
        private int head;
        /** Offset of the oldest record kept. */
        private long first;

        synchronized void add(LogRecord record) {
            records.add(record);
        }

        synchronized Entry next(long offset) {
            long from = Math.max(offset, first);
            long index = head + (from - first);
            return index < records.size() ? new Entry(from, records.get((int) index)) : null;
        }

        synchronized void releaseBefore(long committedByAll) {
            long end = first + (records.size() - head);
            long keepFrom = Math.min(committedByAll, end - KEEP);
            int released = (int) Math.max(0, keepFrom - first);
            if (released == 0) {
                return;
            }
            for (int i = head; i < head + released; i++) {
                records.set(i, null);
            }
            head += released;
            first += released;
            if (head >= KEEP && head >= records.size() / 2) {
                records.subList(0, head).clear();
                head = 0;
            }
        }

        synchronized int size() {
            return records.size() - head;
        }

        synchronized void copyTo(List<LogRecord> all) {
            all.addAll(records.subList(head, records.size()));
        }
    }
}
