package dev.parley.events.kafka;

import dev.parley.events.bus.EventSubscription;
import dev.parley.events.bus.RecordProcessor;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import io.micrometer.core.instrument.MeterRegistry;
import reactor.kafka.receiver.KafkaReceiver;
import reactor.kafka.receiver.MicrometerConsumerListener;
import reactor.kafka.receiver.ReceiverOptions;
import reactor.kafka.receiver.ReceiverPartition;
import reactor.kafka.receiver.ReceiverRecord;
import reactor.util.retry.Retry;

/**
 * One consumer-group member. Records are grouped by partition and processed one at a time per
 * partition, so key order holds; an offset is acknowledged only after its record was processed and
 * reactor-kafka commits acknowledged offsets every {@code commitInterval}, on revoke and on close.
 * If the receiver fails (for example a broker outage outlasting the client's retries) it is
 * re-created with backoff and resumes from the committed offsets.
 */
final class KafkaSubscription implements EventSubscription {

    private static final Logger log = LoggerFactory.getLogger(KafkaSubscription.class);
    /** More than any topic of ours has partitions: groupBy needs every group drained at once. */
    private static final int MAX_PARTITIONS = 1024;
    /** How long a rebalance waits for records in flight to be acknowledged, to spare their redelivery. */
    private static final Duration MAX_DELAY_REBALANCE = Duration.ofSeconds(5);

    private final KafkaSettings settings;
    private final String topic;
    private final String group;
    private final RecordProcessor processor;
    private final Mono<Void> topicReady;
    private final Consumer<KafkaSubscription> onClose;
    private final MeterRegistry registry;
    private final Set<Integer> assigned = ConcurrentHashMap.newKeySet();
    private volatile Disposable running;

    KafkaSubscription(KafkaSettings settings, String topic, String group, RecordProcessor processor,
                      Mono<Void> topicReady, Consumer<KafkaSubscription> onClose, MeterRegistry registry) {
        this.settings = settings;
        this.topic = topic;
        this.group = group;
        this.processor = processor;
        this.topicReady = topicReady;
        this.onClose = onClose;
        this.registry = registry;
    }

    void start() {
        running = topicReady
                .thenMany(Flux.defer(() -> KafkaReceiver.create(receiverOptions()).receive()))
                .groupBy(ReceiverRecord::partition)
                .flatMap(partition -> partition.concatMap(this::process), MAX_PARTITIONS)
                .retryWhen(Retry.backoff(Long.MAX_VALUE, Duration.ofSeconds(1))
                        .maxBackoff(Duration.ofSeconds(30))
                        .doBeforeRetry(signal -> log.warn("Consumer of {} in group {} failed, restarting",
                                topic, group, signal.failure())))
                .subscribe();
    }

    private Mono<Void> process(ReceiverRecord<String, byte[]> record) {
        return processor.process(record.key(), record.value())
                .then(Mono.fromRunnable(() -> record.receiverOffset().acknowledge()));
    }

    @Override
    public Set<Integer> assignedPartitions() {
        return Set.copyOf(assigned);
    }

    @Override
    public void close() {
        Disposable current = running;
        if (current != null) {
            current.dispose();
        }
        assigned.clear();
        onClose.accept(this);
    }

    private ReceiverOptions<String, byte[]> receiverOptions() {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, settings.clientId() + "-" + group + "-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        config.putAll(settings.extraProperties());
        return ReceiverOptions.<String, byte[]>create(config)
                .subscription(List.of(topic))
                .commitInterval(settings.commitInterval())
                .maxDelayRebalance(MAX_DELAY_REBALANCE)
                // Kafka's client metrics as meters, consumer lag (records-lag-max) among them.
                .consumerListener(new MicrometerConsumerListener(registry))
                .addAssignListener(partitions -> partitions.forEach(p -> assigned.add(partitionOf(p))))
                .addRevokeListener(partitions -> partitions.forEach(p -> assigned.remove(partitionOf(p))));
    }

    private static int partitionOf(ReceiverPartition partition) {
        TopicPartition topicPartition = partition.topicPartition();
        return topicPartition.partition();
    }
}
