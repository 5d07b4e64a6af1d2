package dev.parley.events.spring;

import dev.parley.events.Topics;
import dev.parley.events.bus.DeliverySettings;
import dev.parley.events.bus.EventBus;
import dev.parley.events.kafka.KafkaEventBus;
import dev.parley.events.kafka.KafkaSettings;
import dev.parley.events.memory.InMemoryEventBus;
import dev.parley.events.reactor.DroppedErrors;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Builds the {@link EventBus} of the configured engine, and counts the errors Reactor drops
 * ({@link DroppedErrors}), which the bus's Kafka consumers are one source of. Services {@code @Import} it.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({EngineProperties.class, EventBusProperties.class})
public class EventBusConfiguration {

    @Bean(destroyMethod = "close")
    EventBus eventBus(EngineProperties engine, EventBusProperties properties, MeterRegistry registry) {
        var delivery = properties.delivery();
        var deliverySettings = new DeliverySettings(delivery.maxHandlerAttempts(), delivery.firstBackoff(),
                delivery.maxBackoff());
        if (engine.engine() == EngineProperties.Engine.MEMORY) {
            return new InMemoryEventBus(properties.partitions(), deliverySettings, registry);
        }
        var kafka = properties.kafka();
        var settings = new KafkaSettings(kafka.bootstrapServers(), kafka.clientId(), properties.partitions(),
                kafka.replicationFactor(), kafka.createTopics(), kafka.linger(), kafka.deliveryTimeout(), kafka.commitInterval(),
                kafka.properties());
        return new KafkaEventBus(settings, deliverySettings, registry);
    }

    /** One per process: Reactor's hook is global. */
    @Bean(destroyMethod = "close")
    DroppedErrors droppedErrors(MeterRegistry registry) {
        return DroppedErrors.countedIn(registry);
    }

    @Bean
    Topics topics(EventBusProperties properties) {
        return new Topics(properties.topicPrefix());
    }
}
