package dev.parley.events.memory;

import java.util.List;

/** Direct access to the stored records, for dead-letter inspection and tests. */
public interface RawTopics {

    /** Appends bytes as they are, bypassing the codec (a record from a foreign or broken producer). */
    void appendRaw(String topic, String key, byte[] value);

    /** Every record of the topic, partition by partition. */
    List<LogRecord> readAll(String topic);
}
