package dev.parley.events.memory;

import dev.parley.events.EncodedEvent;
import dev.parley.events.EventEnvelope;
import dev.parley.events.bus.DeadLetter;
import dev.parley.events.bus.DeliverySettings;
import dev.parley.events.bus.EventBus;
import dev.parley.events.bus.EventBusMetrics;
import dev.parley.events.bus.EventHandler;
import dev.parley.events.bus.EventSubscription;
import dev.parley.events.bus.RawEventHandler;
import dev.parley.events.bus.RecordProcessor;
import dev.parley.events.json.EventCodec;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * The event bus of the single-node engine: an in-process, partitioned log with consumer groups,
 * shaped like Kafka so that the same contract suite holds. Events are stored encoded, so the
 * standalone mode exercises the same codec and dead-letter path as the cluster. Nothing survives
 * the process, and records every group has handled are released ({@link TopicLog}).
 */
public final class InMemoryEventBus implements EventBus, RawTopics {

    /** Gauge: records held per topic; stays near partitions × {@link TopicLog#KEEP} while consumers keep up. */
    static final String RETAINED = "parley.events.memory.retained";

    private final int partitions;
    private final EventCodec codec = new EventCodec();
    private final DeliverySettings settings;
    private final MeterRegistry registry;
    private final EventBusMetrics metrics;
    private final Map<String, TopicLog> topics = new ConcurrentHashMap<>();
    private final Map<String, ConsumerGroup> groups = new ConcurrentHashMap<>();
    // Handlers run here, never on the publisher's thread, so a publisher never waits for a consumer.
    private final Scheduler scheduler = Schedulers.newBoundedElastic(
            Schedulers.DEFAULT_BOUNDED_ELASTIC_SIZE, Schedulers.DEFAULT_BOUNDED_ELASTIC_QUEUESIZE, "parley-memory-bus");

    public InMemoryEventBus(int partitions, DeliverySettings settings, MeterRegistry registry) {
        if (partitions < 1) {
            throw new IllegalArgumentException("partitions must be at least 1");
        }
        this.partitions = partitions;
        this.settings = settings;
        this.registry = registry;
        this.metrics = new EventBusMetrics(registry);
    }

    @Override
    public Mono<Void> publish(String topic, EventEnvelope event) {
        return publishAll(topic, List.of(event));
    }

    @Override
    public Mono<Void> publishAll(String topic, List<EventEnvelope> events) {
        return publishEncoded(topic, events.stream().map(codec::encodeKeyed).toList());
    }

    @Override
    public Mono<Void> publishEncoded(String topic, List<EncodedEvent> events) {
        return Mono.fromRunnable(() -> {
            for (EncodedEvent event : events) {
                append(topic, event.key(), event.bytes(), Map.of());
            }
            metrics.published(topic, events.size());
        });
    }

    @Override
    public EventSubscription subscribe(String topic, String group, EventHandler handler) {
        return join(topic, group, new RecordProcessor(topic, group, handler, codec,
                letter -> Mono.fromRunnable(() -> deadLetter(letter)), settings, registry));
    }

    @Override
    public EventSubscription subscribeRaw(String topic, String group, RawEventHandler handler) {
        return join(topic, group, new RecordProcessor(topic, group, handler, codec,
                letter -> Mono.fromRunnable(() -> deadLetter(letter)), settings, registry));
    }

    private EventSubscription join(String topic, String group, RecordProcessor processor) {
        return groups.computeIfAbsent(topic + '\u0000' + group, ignored -> new ConsumerGroup(log(topic), scheduler))
                .join(processor);
    }

    @Override
    public void appendRaw(String topic, String key, byte[] value) {
        append(topic, key, value, Map.of());
    }

    @Override
    public List<LogRecord> readAll(String topic) {
        return log(topic).readAll();
    }

    @Override
    public void close() {
        groups.values().forEach(ConsumerGroup::close);
        scheduler.dispose();
    }

    private void deadLetter(DeadLetter letter) {
        append(letter.deadLetterTopic(), letter.key(), letter.value(), letter.headers());
    }

    private void append(String topic, String key, byte[] value, Map<String, String> headers) {
        log(topic).append(new LogRecord(key, value, headers));
    }

    private TopicLog log(String topic) {
        return topics.computeIfAbsent(topic, name -> {
            TopicLog log = new TopicLog(partitions);
            Gauge.builder(RETAINED, log, TopicLog::retained).tag("topic", name)
                    .description("Records the in-memory bus holds for this topic").register(registry);
            return log;
        });
    }
}
