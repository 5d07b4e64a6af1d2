package dev.parley.events.kafka;

import dev.parley.events.Topics;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/** Creates a topic and its dead-letter topic once, before first use, when settings allow. */
final class TopicProvisioner implements AutoCloseable {

    private final KafkaSettings settings;
    private final Admin admin;
    private final Set<String> ready = ConcurrentHashMap.newKeySet();

    TopicProvisioner(KafkaSettings settings) {
        this.settings = settings;
        Map<String, Object> config = new HashMap<>();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers());
        config.put(AdminClientConfig.CLIENT_ID_CONFIG, settings.clientId() + "-admin");
        config.putAll(settings.extraProperties());
        this.admin = settings.createTopics() ? Admin.create(config) : null;
    }

    Mono<Void> ensure(String topic) {
        if (admin == null) {
            return Mono.empty();
        }
        if (ready.contains(topic)) {
            return Mono.empty();
        }
        // Two racing first uses both ask; the loser's TopicExistsException counts as success.
        return create(topic).doOnSuccess(ignored -> ready.add(topic));
    }

    private Mono<Void> create(String topic) {
        List<NewTopic> topics = newTopics(settings, topic);
        return Mono.fromCompletionStage(() -> admin.createTopics(topics).all().toCompletionStage())
                .onErrorResume(this::alreadyExists, ignored -> Mono.empty())
                .then(everyPartitionLed(topics.stream().map(NewTopic::name).toList()));
    }

    /** The topic and its dead-letter topic, as this adapter creates them. */
    static List<NewTopic> newTopics(KafkaSettings settings, String topic) {
        return Set.of(topic, Topics.deadLetterOf(topic)).stream()
                .map(name -> new NewTopic(name, Optional.of(settings.partitions()), Optional.of(settings.replicationFactor())))
                .toList();
    }

    /**
     * Completes once every partition of the topics has a leader. Producing into a topic whose
     * partitions are still being assigned made idempotent producers see out-of-order sequence
     * errors under load; waiting here costs one metadata round trip per topic, once.
     */
    private Mono<Void> everyPartitionLed(List<String> names) {
        return Mono.fromCompletionStage(() -> admin.describeTopics(names).allTopicNames().toCompletionStage())
                .flatMap(described -> described.values().stream()
                        .allMatch(topic -> topic.partitions().stream().allMatch(p -> p.leader() != null && !p.leader().isEmpty()))
                        ? Mono.<Void>empty()
                        : Mono.error(new IllegalStateException("partitions of " + names + " have no leader yet")))
                .retryWhen(Retry.backoff(50, Duration.ofMillis(20)).maxBackoff(Duration.ofMillis(500)));
    }

    private boolean alreadyExists(Throwable error) {
        Throwable cause = error instanceof CompletionException ? error.getCause() : error;
        return cause instanceof TopicExistsException;
    }

    @Override
    public void close() {
        if (admin != null) {
            admin.close(Duration.ofSeconds(5));
        }
    }
}
