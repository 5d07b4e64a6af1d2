package dev.parley.events.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;

/**
 * Issue 15, defect 5: topics took the broker's default replication factor, often 1 on a cluster
 * whose brokers were set up by hand, so one broker lost lost their events.
 */
class TopicProvisionerTest {

    @Test
    void topicsAndTheirDeadLetterTopicsAreCreatedWithAnExplicitReplicationFactor() {
        var settings = KafkaSettings.defaults("127.0.0.1:9092", "test");

        assertThat(TopicProvisioner.newTopics(settings, "parley.conversation-events"))
                .extracting(NewTopic::name, NewTopic::numPartitions, NewTopic::replicationFactor)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("parley.conversation-events", 12, (short) 1),
                        org.assertj.core.groups.Tuple.tuple("parley.conversation-events.dlt", 12, (short) 1));
    }

    @Test
    void theReplicationFactorIsTheConfiguredOne() {
        var settings = KafkaSettings.defaults("127.0.0.1:9092", "test").withReplicationFactor(3);

        assertThat(TopicProvisioner.newTopics(settings, "parley.agent-events"))
                .extracting(NewTopic::replicationFactor).containsOnly((short) 3);
    }
}
