package dev.parley.events.bus;

import io.micrometer.core.instrument.MeterRegistry;

/** The bus's meters; names are part of the operations contract ({@code docs/operations.md}). */
public final class EventBusMetrics {

    static final String PUBLISHED = "parley.events.published";
    static final String HANDLED = "parley.events.handled";
    static final String DEAD_LETTERED = "parley.events.dead.lettered";

    private final MeterRegistry registry;

    public EventBusMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public void published(String topic, int count) {
        registry.counter(PUBLISHED, "topic", topic).increment(count);
    }

    public void handled(String topic, String group) {
        registry.counter(HANDLED, "topic", topic, "group", group).increment();
    }

    public void deadLettered(String topic, String group, String reason) {
        registry.counter(DEAD_LETTERED, "topic", topic, "group", group, "reason", reason).increment();
    }
}
