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
import io.r2dbc.postgresql.PostgresqlConnectionFactoryProvider;
import io.r2dbc.spi.ConnectionFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.r2dbc.autoconfigure.ConnectionFactoryOptionsBuilderCustomizer;
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

    /**
     * TCP keepalive on PostgreSQL connections, the relay leader's above all: one long-lived session
     * that mostly waits on LISTEN, and without keepalive a peer gone without a FIN (a NAT or
     * firewall dropping the flow, a host lost) leaves it waiting on a dead socket (issue 15, defect
     * 5). The leader's connection comes from the same PostgreSQL factory, so every connection gets
     * it. How soon a dead peer is noticed is the kernel's {@code net.ipv4.tcp_keepalive_*} (Linux:
     * after 2 h idle by default; the Kubernetes manifests lower it, docs/operations.md).
     */
    @Bean
    ConnectionFactoryOptionsBuilderCustomizer postgresTcpKeepAlive() {
        return options -> options.option(PostgresqlConnectionFactoryProvider.TCP_KEEPALIVE, true);
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
