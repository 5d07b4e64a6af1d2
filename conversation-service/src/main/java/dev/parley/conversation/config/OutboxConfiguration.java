package dev.parley.conversation.config;

import dev.parley.conversation.outbox.adapter.micrometer.OutboxMeters;
import dev.parley.conversation.outbox.adapter.r2dbc.R2dbcOutbox;
import dev.parley.conversation.outbox.adapter.r2dbc.R2dbcOutboxBacklog;
import dev.parley.conversation.outbox.application.BacklogWatch;
import dev.parley.conversation.outbox.application.OutboxBacklog;
import dev.parley.conversation.outbox.application.OutboxLeadership;
import dev.parley.conversation.outbox.application.OutboxRelay;
import dev.parley.events.bus.EventBus;
import dev.parley.events.json.EventCodec;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The transactional outbox's relay and meters; the writer ({@code Outbox}), the lease and the backlog
 * come from the chosen store's configuration.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(OutboxProperties.class)
public class OutboxConfiguration {

    @Bean
    BacklogWatch outboxBacklogWatch(OutboxBacklog backlog, OutboxProperties properties) {
        return new BacklogWatch(backlog, properties.backlogSampleInterval());
    }

    @Bean
    OutboxMeters outboxMeters(MeterRegistry registry, BacklogWatch backlogWatch) {
        return new OutboxMeters(registry, backlogWatch::latest);
    }

    @Bean
    OutboxRelay outboxRelay(OutboxLeadership leadership, EventBus eventBus, EventCodec codec, OutboxMeters meters,
                            OutboxProperties properties) {
        return new OutboxRelay(leadership, eventBus, codec, properties.relaySettings(), meters);
    }

    @Bean
    OutboxRelayLifecycle outboxRelayLifecycle(OutboxRelay relay, BacklogWatch backlogWatch,
                                              OutboxProperties properties) {
        return new OutboxRelayLifecycle(relay, backlogWatch, properties.relayEnabled());
    }
}
