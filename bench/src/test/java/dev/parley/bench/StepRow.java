package dev.parley.bench;

import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * One measured step: what the load generator saw ({@code result}) and the CPU each part spent in
 * its window, and how far the servers' counters moved in it. Achieved is the rate at which agents' sockets read bench messages during the window.
 */
record StepRow(String kind, int rate, JsonNode result, Map<String, Long> cpuNanos, Map<String, Long> counts,
               double kneeP99Millis) {

    double achieved() {
        return result.path("deliveredInWindow").asLong() / result.path("windowSeconds").asDouble();
    }

    boolean drained() {
        return result.path("drained").asBoolean();
    }

    /** The floor fell behind: a backlog was left at the end of the drain, or it read under 95% of the offered rate. */
    boolean saturated() {
        return !drained() || achieved() < 0.95 * rate;
    }

    double p99() {
        return result.path("endToEnd").path("p99").asDouble();
    }

    /** Kept up, with p99 within the knee's threshold. */
    boolean sustained() {
        return !saturated() && p99() <= kneeP99Millis;
    }

    String status() {
        if (saturated()) {
            return "**saturated**";
        }
        return sustained() ? "kept up" : "p99 over " + Math.round(kneeP99Millis) + " ms";
    }

    /** How far {@code counter} moved per message read in the window. */
    double perMessage(String counter) {
        long read = result.path("deliveredInWindow").asLong();
        return read == 0 ? Double.NaN : (double) counts.getOrDefault(counter, 0L) / read;
    }

    /** CPU seconds of {@code part} per 1,000 messages read in the window. */
    double cpuPerThousand(String part) {
        long read = result.path("deliveredInWindow").asLong();
        return read == 0 ? Double.NaN : cpuNanos.getOrDefault(part, 0L) / 1e9 * 1000 / read;
    }
}
