package dev.parley.events.memory;

import dev.parley.events.bus.DeliverySettings;
import dev.parley.events.bus.EventBus;
import dev.parley.events.bus.EventBusContract;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.UUID;

class InMemoryEventBusTest extends EventBusContract {

    private InMemoryEventBus bus;

    @Override
    protected EventBus createBus(MeterRegistry registry, DeliverySettings delivery) {
        bus = new InMemoryEventBus(PARTITIONS, delivery, registry);
        return bus;
    }

    @Override
    protected String uniqueTopic() {
        return "test." + UUID.randomUUID();
    }

    @Override
    protected void appendRaw(String topic, String key, byte[] value) {
        bus.appendRaw(topic, key, value);
    }

    @Override
    protected List<RawRecord> readAll(String topic) {
        return bus.readAll(topic).stream().map(r -> new RawRecord(r.key(), r.value(), r.headers())).toList();
    }
}
