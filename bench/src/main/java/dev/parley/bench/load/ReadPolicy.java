package dev.parley.bench.load;

import java.time.Duration;

/**
 * How an agent's socket acknowledges what it reads, set by {@code -Dparley.bench.agent-read}:
 * {@code each} (default) answers every message with {@code read}, as the console's {@code markRead}
 * does for the open conversation (the latest seq, when it is higher than the last one sent);
 * {@code none} never reads; {@code <n>ms} sends at most one {@code read} per conversation every
 * {@code n} ms carrying the latest seq, the last one always (a coalescing window to try).
 */
record ReadPolicy(boolean reads, Duration window) {

    static ReadPolicy parse(String text) {
        String value = text == null ? "each" : text.strip().toLowerCase();
        if (value.equals("each")) {
            return new ReadPolicy(true, Duration.ZERO);
        }
        if (value.equals("none")) {
            return new ReadPolicy(false, Duration.ZERO);
        }
        if (value.endsWith("ms")) {
            long millis = Long.parseLong(value.substring(0, value.length() - 2).strip());
            if (millis < 0) {
                throw new IllegalArgumentException("a read window is not negative: " + text);
            }
            return new ReadPolicy(true, Duration.ofMillis(millis));
        }
        throw new IllegalArgumentException("agent-read is each, none or <n>ms, not " + text);
    }

    boolean coalesces() {
        return reads && !window.isZero();
    }

    @Override
    public String toString() {
        return !reads ? "none" : coalesces() ? window.toMillis() + "ms" : "each";
    }
}
