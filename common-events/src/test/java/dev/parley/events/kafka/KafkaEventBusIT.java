package dev.parley.events.kafka;

import static org.awaitility.Awaitility.await;

import dev.parley.events.bus.DeliverySettings;
import dev.parley.events.bus.EventBus;
import dev.parley.events.bus.EventBusContract;
import dev.parley.testsupport.RealInfrastructure;
import dev.parley.testsupport.TestKafka;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/** The EventBus contract on a real Kafka broker, with the kafka-clients version Boot manages. */
@RealInfrastructure
class KafkaEventBusIT extends EventBusContract {

    private final TestKafka kafka;

    KafkaEventBusIT(TestKafka kafka) {
        this.kafka = kafka;
    }

    private MeterRegistry registry;

    /** Consumer lag is what an operator watches first; Kafka's own client metrics carry it. */
    @Test
    void consumersReportTheirLagAsMeters() {
        var bus = createBus(new SimpleMeterRegistry(), DeliverySettings.DEFAULT);
        MeterRegistry meters = registry;
        String topic = uniqueTopic();
        try (bus; var subscription = bus.subscribe(topic, "lag-check", event -> Mono.empty())) {
            await().atMost(Duration.ofSeconds(60)).until(() ->
                    meters.find("kafka.consumer.fetch.manager.records.lag.max").meter() != null);
        }
    }

    @Override
    protected EventBus createBus(MeterRegistry registry, DeliverySettings delivery) {
        this.registry = registry;
        var settings = KafkaSettings.defaults(kafka.bootstrapServers(), "contract").withPartitions(PARTITIONS);
        return new KafkaEventBus(settings, delivery, registry);
    }

    @Override
    protected String uniqueTopic() {
        return kafka.topic("events-" + UUID.randomUUID());
    }

    @Override
    protected void appendRaw(String topic, String key, byte[] value) {
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        try (var producer = new KafkaProducer<String, byte[]>(config)) {
            producer.send(new ProducerRecord<>(topic, key, value)).get();
        } catch (Exception e) {
            throw new IllegalStateException("could not append a raw record to " + topic, e);
        }
    }

    @Override
    protected List<RawRecord> readAll(String topic) {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        var records = new ArrayList<RawRecord>();
        try (var consumer = new KafkaConsumer<String, byte[]>(config)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    Map<String, String> headers = new HashMap<>();
                    for (Header header : record.headers()) {
                        headers.put(header.key(), new String(header.value(), StandardCharsets.UTF_8));
                    }
                    records.add(new RawRecord(record.key(), record.value(), headers));
                }
            }
        }
        return records;
    }
}
