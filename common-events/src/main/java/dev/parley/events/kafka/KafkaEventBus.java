package dev.parley.events.kafka;

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
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.kafka.sender.KafkaSender;
import reactor.kafka.sender.MicrometerProducerListener;
import reactor.kafka.sender.SenderOptions;
import reactor.kafka.sender.SenderRecord;
import reactor.kafka.sender.SenderResult;

/**
 * The cluster engine's event bus on Kafka, through reactor-kafka. reactor-kafka is discontinued
 * upstream, so none of its types leave this package: replacing it touches these files only.
 * The producer is idempotent with {@code acks=all}, so a completed publish is on every in-sync
 * replica and retries never reorder a key.
 */
public final class KafkaEventBus implements EventBus {

    private final KafkaSettings settings;
    private final DeliverySettings delivery;
    private final MeterRegistry registry;
    private final EventBusMetrics metrics;
    private final EventCodec codec = new EventCodec();
    private final TopicProvisioner topics;
    private final KafkaSender<String, byte[]> sender;
    private final Set<KafkaSubscription> subscriptions = new CopyOnWriteArraySet<>();

    public KafkaEventBus(KafkaSettings settings, DeliverySettings delivery, MeterRegistry registry) {
        this.settings = settings;
        this.delivery = delivery;
        this.registry = registry;
        this.metrics = new EventBusMetrics(registry);
        this.topics = new TopicProvisioner(settings);
        this.sender = KafkaSender.create(SenderOptions.<String, byte[]>create(producerConfig()).stopOnError(false)
                .producerListener(new MicrometerProducerListener(registry)));
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
        if (events.isEmpty()) {
            return Mono.empty();
        }
        return topics.ensure(topic).then(Mono.defer(() -> send(Flux.fromIterable(events)
                .map(event -> new ProducerRecord<>(topic, event.key(), event.bytes())))))
                .doOnSuccess(ignored -> metrics.published(topic, events.size()));
    }

    @Override
    public EventSubscription subscribe(String topic, String group, EventHandler handler) {
        return subscribe(topic, group, new RecordProcessor(topic, group, handler, codec, this::deadLetter, delivery, registry));
    }

    @Override
    public EventSubscription subscribeRaw(String topic, String group, RawEventHandler handler) {
        return subscribe(topic, group, new RecordProcessor(topic, group, handler, codec, this::deadLetter, delivery, registry));
    }

    private EventSubscription subscribe(String topic, String group, RecordProcessor processor) {
        var subscription = new KafkaSubscription(settings, topic, group, processor, topics.ensure(topic),
                subscriptions::remove, registry);
        subscriptions.add(subscription);
        subscription.start();
        return subscription;
    }

    @Override
    public void close() {
        subscriptions.forEach(KafkaSubscription::close);
        sender.close();
        topics.close();
    }

    private Mono<Void> deadLetter(DeadLetter letter) {
        var record = new ProducerRecord<>(letter.deadLetterTopic(), letter.key(), letter.value());
        letter.headers().forEach((name, value) ->
                record.headers().add(new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8))));
        return topics.ensure(letter.topic()).then(send(Flux.just(record)));
    }

    private Mono<Void> send(Flux<ProducerRecord<String, byte[]>> records) {
        return sender.send(records.map(record -> SenderRecord.create(record, null)))
                .handle((SenderResult<Object> result, reactor.core.publisher.SynchronousSink<Void> sink) -> {
                    if (result.exception() != null) {
                        sink.error(new PublishFailedException(result.exception()));
                    }
                })
                .then();
    }

    private Map<String, Object> producerConfig() {
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers());
        config.put(ProducerConfig.CLIENT_ID_CONFIG, settings.clientId() + "-producer");
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.LINGER_MS_CONFIG, (int) settings.linger().toMillis());
        int deliveryTimeoutMs = (int) settings.deliveryTimeout().toMillis();
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, deliveryTimeoutMs);
        // delivery.timeout.ms must cover linger + one request; keep requests well inside it.
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, Math.max(1, deliveryTimeoutMs / 3 - (int) settings.linger().toMillis()));
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, deliveryTimeoutMs / 3);
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        config.putAll(settings.extraProperties());
        return config;
    }
}
