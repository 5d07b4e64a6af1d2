package dev.parley.gateway.config;

import dev.parley.events.spring.EngineProperties;
import dev.parley.gateway.conversation.application.Conversations;
import dev.parley.gateway.delivery.adapter.bus.RoutedDelivery;
import dev.parley.gateway.presence.adapter.http.HttpAgentStatuses;
import dev.parley.serviceclient.ServiceTokens;
import dev.parley.gateway.presence.adapter.memory.MemoryPresence;
import dev.parley.gateway.presence.adapter.redis.RedisPresence;
import dev.parley.gateway.presence.adapter.scheduling.PresenceTimers;
import dev.parley.gateway.presence.application.Presence;
import dev.parley.gateway.presence.application.ReportingAgentsOffline;
import dev.parley.gateway.presence.application.ConversationWatchers;
import dev.parley.gateway.socket.application.Frames;
import dev.parley.gateway.presence.application.TrackingPresence;
import dev.parley.gateway.presence.domain.OfflineGrace;
import dev.parley.gateway.routing.application.Routing;
import dev.parley.gateway.session.domain.SessionTable;
import dev.parley.gateway.socket.application.ClientSocket;
import java.time.Clock;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;
import org.springframework.web.reactive.function.client.WebClient;

/** Presence: who is online, last seen, and agents reported offline after the grace period. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PresenceProperties.class)
public class PresenceConfiguration {

    private static final Logger log = LoggerFactory.getLogger(PresenceConfiguration.class);

    /** The memory engine keeps presence in this process; the cluster engine in Redis, beside the registry. */
    @Bean
    Presence presence(EngineProperties engine, GatewayProperties gateway, PresenceProperties properties,
                      ObjectProvider<ReactiveRedisConnectionFactory> redis) {
        if (engine.engine() == EngineProperties.Engine.MEMORY) {
            return new MemoryPresence();
        }
        return new RedisPresence(redis.getObject(), gateway.redisPrefix() + "presence:", properties.lastSeenRetention());
    }

    @Bean
    OfflineGrace offlineGrace(PresenceProperties properties, GatewayProperties gateway) {
        return new OfflineGrace(properties.grace(), gateway.registrationTtl());
    }

    @Bean
    TrackingPresence trackingPresence(Presence presence, Routing routing, Conversations conversations, Frames frames,
                                      RoutedDelivery routedDelivery, OfflineGrace offlineGrace, Clock gatewayClock) {
        return new TrackingPresence(presence, routing, new ConversationWatchers(conversations, frames.json()), routedDelivery,
                offlineGrace, gatewayClock);
    }

    @Bean
    ReportingAgentsOffline reportingAgentsOffline(Presence presence, Routing routing, OfflineGrace offlineGrace,
                                                  PresenceProperties properties, GatewayProperties gateway,
                                                  Clock gatewayClock) {
        WebClient client = WebClient.builder().baseUrl(gateway.conversationService()).build();
        var tokens = new ServiceTokens(client, properties.clientId(), properties.clientSecret(),
                properties.tokenRefreshBefore(), gatewayClock);
        return new ReportingAgentsOffline(presence, routing, new HttpAgentStatuses(client, tokens, gateway.upstreamTimeout()),
                offlineGrace, gatewayClock);
    }

    @Bean(destroyMethod = "close")
    PresenceTimers presenceTimers(TrackingPresence trackingPresence, ReportingAgentsOffline reportingAgentsOffline,
                                  SessionTable<ClientSocket> sessionTable, PresenceProperties properties,
                                  GatewayProperties gateway) {
        boolean canReport = !properties.clientSecret().isBlank();
        if (!canReport) {
            log.warn("parley.gateway.presence.client-secret is not set: agents without sockets will not be reported OFFLINE");
        }
        return new PresenceTimers(trackingPresence, canReport ? reportingAgentsOffline : null,
                () -> sessionTable.agents().stream().map(socket -> socket.principal().userId()).collect(Collectors.toSet()),
                gateway.registrationTtl().dividedBy(3), properties.sweepInterval());
    }
}
