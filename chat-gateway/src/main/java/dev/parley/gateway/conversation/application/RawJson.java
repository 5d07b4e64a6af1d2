package dev.parley.gateway.conversation.application;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/** One JSON value as UTF-8 bytes, not parsed: written into a frame as it came. */
public record RawJson(byte[] utf8) {

    /** What an answer without a body is in an ack: {@code null}. */
    public static final RawJson NULL = of("null");
    public static final RawJson EMPTY_OBJECT = of("{}");

    public RawJson {
        Objects.requireNonNull(utf8, "utf8");
    }

    public static RawJson of(String json) {
        return new RawJson(json.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return new String(utf8, StandardCharsets.UTF_8);
    }
}
