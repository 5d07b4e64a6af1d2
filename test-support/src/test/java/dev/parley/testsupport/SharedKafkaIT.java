package dev.parley.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.Test;

@RealInfrastructure
class SharedKafkaIT {

    @Test
    void aRecordProducedOnTheSharedClusterCanBeConsumed(TestKafka kafka) throws Exception {
        String topic = kafka.topic("greetings");
        assertThat(topic).matches("t-[a-z0-9]{10}\\.greetings");

        try (KafkaProducer<String, String> producer = KafkaClients.producer(kafka.bootstrapServers())) {
            RecordMetadata written = producer.send(new ProducerRecord<>(topic, "conversation-1", "hello"))
                    .get(60, TimeUnit.SECONDS);
            assertThat(written.topic()).isEqualTo(topic);
        }

        try (KafkaConsumer<String, String> consumer = KafkaClients.consumer(kafka.bootstrapServers(), kafka.topic("reader"))) {
            consumer.subscribe(List.of(topic));
            assertThat(KafkaClients.pollValues(consumer, 1)).containsExactly("hello");
        }
    }

    @Test
    void theSameClassGetsTheSamePrefixEveryTime(TestKafka first, TestKafka second) {
        assertThat(first).isSameAs(second);
        assertThat(Infrastructure.kafka().bootstrapServers()).isEqualTo(first.bootstrapServers());
    }
}
