package dev.parley.conversation.outbox.config;

import dev.parley.conversation.outbox.adapter.micrometer.OutboxMeters;
import dev.parley.conversation.outbox.adapter.r2dbc.PostgresOutboxLeadership;
import dev.parley.conversation.outbox.adapter.r2dbc.PostgresOutboxWakeUps;
import dev.parley.conversation.outbox.adapter.r2dbc.R2dbcOutbox;
import dev.parley.conversation.outbox.adapter.r2dbc.R2dbcOutboxBacklog;
import dev.parley.conversation.outbox.application.BacklogWatch;
import dev.parley.conversation.outbox.application.Outbox;
import dev.parley.conversation.outbox.application.OutboxBacklog;
import dev.parley.conversation.outbox.application.OutboxLeadership;
import dev.parley.conversation.outbox.application.OutboxRelay;
import dev.parley.conversation.outbox.application.OutboxWakeUps;
import dev.parley.events.bus.EventBus;
import dev.parley.events.json.EventCodec;
import io.micrometer.core.instrument.MeterRegistry;
import io.r2dbc.spi.ConnectionFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * The transactional outbox: the writer every use case appends to in its transaction, the relay that
 * publishes under PostgreSQL's lease (an advisory lock) on every instance, embedded or not, and its meters.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(OutboxProperties.class)
public class OutboxConfiguration {

    /** Named apart from other areas' beans: bean names share one namespace and never override. */
    @Bean
    Outbox transactionalOutbox(DatabaseClient databaseClient, EventCodec codec, OutboxWakeUps wakeUps) {
        return new R2dbcOutbox(databaseClient, codec, wakeUps);
    }

    @Bean
    OutboxWakeUps outboxWakeUps(DatabaseClient databaseClient) {
        return new PostgresOutboxWakeUps(databaseClient);
    }

    @Bean
    OutboxBacklog outboxBacklog(DatabaseClient databaseClient) {
        return new R2dbcOutboxBacklog(databaseClient);
    }

    @Bean
    OutboxLeadership outboxLeadership(ConnectionFactory connectionFactory) {
        return new PostgresOutboxLeadership(connectionFactory);
    }

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
                            OutboxProperties properties, OutboxWakeUps wakeUps) {
        return new OutboxRelay(leadership, eventBus, codec, properties.relaySettings(), meters, wakeUps);
    }

    @Bean
    OutboxRelayLifecycle outboxRelayLifecycle(OutboxRelay relay, BacklogWatch backlogWatch,
                                              OutboxProperties properties) {
        return new OutboxRelayLifecycle(relay, backlogWatch, properties.relayEnabled());
    }
}
