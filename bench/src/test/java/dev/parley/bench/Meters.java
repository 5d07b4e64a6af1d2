package dev.parley.bench;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/** CPU time of the floor's parts, read together at the start and end of a measured window. */
final class Meters {

    private final Map<String, LongSupplier> parts = new LinkedHashMap<>();

    Meters add(String part, LongSupplier cpuNanos) {
        parts.put(part, cpuNanos);
        return this;
    }

    Map<String, Long> read() {
        Map<String, Long> values = new LinkedHashMap<>();
        parts.forEach((part, reading) -> values.put(part, reading.getAsLong()));
        return values;
    }

    static Map<String, Long> difference(Map<String, Long> before, Map<String, Long> after) {
        Map<String, Long> spent = new LinkedHashMap<>();
        after.forEach((part, value) -> spent.put(part, value - before.getOrDefault(part, 0L)));
        return spent;
    }
}
