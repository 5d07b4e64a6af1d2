package dev.parley.events.memory;

import java.util.Map;

/** One stored record: key, encoded value and headers, as Kafka would keep them. */
public record LogRecord(String key, byte[] value, Map<String, String> headers) {

    public LogRecord {
        headers = Map.copyOf(headers);
    }
}
