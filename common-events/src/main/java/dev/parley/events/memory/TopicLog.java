package dev.parley.events.memory;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** An append-only log split into partitions by key, like a Kafka topic. Thread-safe. */
final class TopicLog {

    private final List<List<LogRecord>> partitions = new ArrayList<>();
    private final List<Runnable> appendListeners = new CopyOnWriteArrayList<>();

    TopicLog(int partitionCount) {
        for (int i = 0; i < partitionCount; i++) {
            partitions.add(new ArrayList<>());
        }
    }

    int partitionCount() {
        return partitions.size();
    }

    void append(LogRecord record) {
        List<LogRecord> partition = partitions.get(partitionOf(record.key()));
        synchronized (partition) {
            partition.add(record);
        }
        appendListeners.forEach(Runnable::run);
    }

    /** The record at {@code offset}, or {@code null} when the partition has no record there yet. */
    LogRecord read(int partition, long offset) {
        List<LogRecord> records = partitions.get(partition);
        synchronized (records) {
            return offset < records.size() ? records.get((int) offset) : null;
        }
    }

    List<LogRecord> readAll() {
        var all = new ArrayList<LogRecord>();
        for (List<LogRecord> partition : partitions) {
            synchronized (partition) {
                all.addAll(partition);
            }
        }
        return all;
    }

    void onAppend(Runnable listener) {
        appendListeners.add(listener);
    }

    void removeOnAppend(Runnable listener) {
        appendListeners.remove(listener);
    }

    private int partitionOf(String key) {
        return Math.floorMod(key == null ? 0 : key.hashCode(), partitions.size());
    }
}
