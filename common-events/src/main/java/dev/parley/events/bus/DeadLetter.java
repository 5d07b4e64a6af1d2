package dev.parley.events.bus;

import dev.parley.events.Topics;
import java.util.Map;

/**
 * A record a consumer gave up on, with where it came from and why.
 *
 * @param reason {@code malformed} (could not be decoded) or {@code handler_failed}
 */
public record DeadLetter(String topic, String group, String key, byte[] value, String reason, String error) {

    public static final String MALFORMED = "malformed";
    public static final String HANDLER_FAILED = "handler_failed";

    public String deadLetterTopic() {
        return Topics.deadLetterOf(topic);
    }

    /** Headers that travel with the copy, so an operator can tell where it came from. */
    public Map<String, String> headers() {
        return Map.of(
                "parley.dlt.source-topic", topic,
                "parley.dlt.group", group,
                "parley.dlt.reason", reason,
                "parley.dlt.error", error == null ? "" : error);
    }
}
