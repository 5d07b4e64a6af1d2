package dev.parley.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.Test;

@RealInfrastructure
class DedicatedKafkaIT {

    private static final String KEY = "conversation-1"; // one key, one partition: order is kept

    @Test
    void aStoppedBrokerComesBackOnTheSamePortWithItsRecordsAndCommittedOffsets(DedicatedKafka kafka) throws Exception {
        String topic = kafka.topic("outage");
        String group = kafka.topic("reader");
        String bootstrap = kafka.bootstrapServers();

        produce(bootstrap, topic, "before");
        try (KafkaConsumer<String, String> consumer = KafkaClients.consumer(bootstrap, group)) {
            consumer.subscribe(List.of(topic));
            assertThat(KafkaClients.pollValues(consumer, 1)).containsExactly("before");
            consumer.commitSync();
        }

        kafka.stop();

        assertThat(kafka.isRunning()).isFalse();
        assertThat(kafka.bootstrapServers()).isEqualTo(bootstrap);
        assertThatThrownBy(() -> connect(bootstrap)).isInstanceOf(ConnectException.class);
        try (KafkaProducer<String, String> producer = KafkaClients.producer(bootstrap, Map.of(
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 1_000,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 1_000,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 2_000))) {
            Throwable failure = catchThrowable(() -> producer.send(new ProducerRecord<>(topic, KEY, "during"))
                    .get(30, TimeUnit.SECONDS));
            Throwable cause = failure instanceof ExecutionException ? failure.getCause() : failure;
            assertThat(cause).as("sending to a stopped broker").isInstanceOf(TimeoutException.class);
        }

        kafka.start();

        assertThat(kafka.isRunning()).isTrue();
        produce(bootstrap, topic, "after");
        try (KafkaConsumer<String, String> consumer = KafkaClients.consumer(bootstrap, group)) {
            consumer.subscribe(List.of(topic));
            assertThat(KafkaClients.pollValues(consumer, 1))
                    .as("the group resumes after its committed offset")
                    .containsExactly("after");
        }
        try (KafkaConsumer<String, String> consumer = KafkaClients.consumer(bootstrap, kafka.topic("newcomer"))) {
            consumer.subscribe(List.of(topic));
            assertThat(KafkaClients.pollValues(consumer, 2))
                    .as("records from before the outage are still there")
                    .containsExactly("before", "after");
        }
    }

    @Test
    void stopAndStartMayBeRepeated(DedicatedKafka kafka) {
        kafka.stop();
        kafka.stop();
        assertThat(kafka.isRunning()).isFalse();

        kafka.start();
        kafka.start();
        assertThat(kafka.isRunning()).isTrue();
    }

    private static void produce(String bootstrap, String topic, String value) throws Exception {
        try (KafkaProducer<String, String> producer = KafkaClients.producer(bootstrap)) {
            producer.send(new ProducerRecord<>(topic, KEY, value)).get(60, TimeUnit.SECONDS);
        }
    }

    private static void connect(String bootstrap) throws IOException {
        InetSocketAddress address = Probes.firstAddress(bootstrap);
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(address.getHostString(), address.getPort()), 1_000);
        }
    }
}
