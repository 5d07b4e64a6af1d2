package dev.parley.conversation.config;

import dev.parley.conversation.outbox.adapter.micrometer.OutboxMeters;
import dev.parley.conversation.outbox.adapter.r2dbc.PostgresOutboxLeadership;
import dev.parley.conversation.outbox.adapter.r2dbc.R2dbcOutbox;
import dev.parley.conversation.outbox.adapter.r2dbc.R2dbcOutboxBacklog;
import dev.parley.conversation.outbox.application.BacklogWatch;
import dev.parley.conversation.outbox.application.Outbox;
import dev.parley.conversation.outbox.application.OutboxRelay;
import dev.parley.events.bus.EventBus;
import dev.parley.events.json.EventCodec;
import io.micrometer.core.instrument.MeterRegistry;
import io.r2dbc.spi.ConnectionFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.core.DatabaseClient;

/** The transactional outbox: the writer other areas call, the relay that publishes, their meters. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(OutboxProperties.class)
public class OutboxConfiguration {

    private final EventCodec codec = new EventCodec();

    /** Named apart from other areas' beans: bean names share one namespace and never override. */
    @Bean
    Outbox transactionalOutbox(DatabaseClient databaseClient) {
        return new R2dbcOutbox(databaseClient, codec);
    }

    @Bean
    BacklogWatch outboxBacklogWatch(DatabaseClient databaseClient, OutboxProperties properties) {
        return new BacklogWatch(new R2dbcOutboxBacklog(databaseClient), properties.backlogSampleInterval());
    }

    @Bean
    OutboxMeters outboxMeters(MeterRegistry registry, BacklogWatch backlogWatch) {
        return new OutboxMeters(registry, backlogWatch::latest);
    }

    @Bean
    OutboxRelay outboxRelay(ConnectionFactory connectionFactory, DatabaseClient databaseClient, EventBus eventBus,
                            OutboxMeters meters, OutboxProperties properties) {
        var leadership = new PostgresOutboxLeadership(connectionFactory, databaseClient);
        return new OutboxRelay(leadership, eventBus, codec, properties.relaySettings(), meters);
    }

    @Bean
    OutboxRelayLifecycle outboxRelayLifecycle(OutboxRelay relay, BacklogWatch backlogWatch,
                                              OutboxProperties properties) {
        return new OutboxRelayLifecycle(relay, backlogWatch, properties.relayEnabled());
    }
}
