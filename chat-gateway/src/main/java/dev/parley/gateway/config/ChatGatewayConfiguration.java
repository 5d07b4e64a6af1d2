package dev.parley.gateway.config;

import dev.parley.events.net.TrustedProxies;
import dev.parley.events.spring.ClientAddressProperties;
import dev.parley.events.Topics;
import dev.parley.events.bus.EventBus;
import dev.parley.events.spring.EventBusConfiguration;
import dev.parley.gateway.auth.adapter.jwt.TokenVerifier;
import dev.parley.gateway.conversation.adapter.http.HttpConversations;
import dev.parley.gateway.conversation.application.Conversations;
import dev.parley.events.spring.EngineProperties;
import dev.parley.gateway.delivery.application.EventFanout;
import dev.parley.gateway.delivery.adapter.bus.RoutedDelivery;
import dev.parley.gateway.presence.adapter.ws.SocketPresence;
import dev.parley.gateway.presence.application.TrackingPresence;
import dev.parley.gateway.routing.adapter.memory.MemoryRouting;
import dev.parley.gateway.routing.adapter.redis.RedisRouting;
import dev.parley.gateway.routing.application.Routing;
import dev.parley.gateway.session.domain.SessionTable;
import dev.parley.gateway.edge.domain.OriginPolicy;
import dev.parley.gateway.limits.adapter.memory.MemoryRateLimits;
import dev.parley.gateway.limits.adapter.redis.RedisRateLimits;
import dev.parley.gateway.limits.application.Limit;
import dev.parley.gateway.limits.application.LimitingClients;
import dev.parley.gateway.limits.application.RateLimits;
import dev.parley.gateway.shutdown.adapter.spring.GracefulShutdown;
import dev.parley.gateway.socket.adapter.ws.ClientAddress;
import dev.parley.gateway.socket.application.ClientProtocol;
import dev.parley.gateway.socket.application.Edge;
import dev.parley.gateway.socket.application.OpenSockets;
import dev.parley.gateway.socket.adapter.ws.SocketRoute;
import dev.parley.gateway.socket.application.ClientSocket;
import dev.parley.gateway.socket.application.Frames;
import dev.parley.gateway.socket.application.GatewayMetrics;
import dev.parley.gateway.socket.adapter.ws.GatewaySocketHandler;
import dev.parley.gateway.socket.application.Heartbeats;
import io.github.bucket4j.TimeMeter;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.data.redis.autoconfigure.LettuceClientOptionsBuilderCustomizer;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.env.Environment;
import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.boot.micrometer.metrics.autoconfigure.MeterRegistryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.web.reactive.function.client.WebClient;
import tools.jackson.databind.json.JsonMapper;

/** Every bean of the gateway is built here, explicitly. */
@Configuration(proxyBeanMethods = false)
@Import({EventBusConfiguration.class, PresenceConfiguration.class})
@EnableConfigurationProperties({GatewayProperties.class, ClientAddressProperties.class})
public class ChatGatewayConfiguration {

    private static final int NETTY_CEILING = 4;

    /** This node's id: configured, or random, so two nodes never share one by accident. */
    @Bean
    NodeId nodeId(GatewayProperties properties) {
        return new NodeId(properties.nodeId().isBlank() ? "gw-" + UUID.randomUUID() : properties.nodeId());
    }

    /** Every gateway metric carries its node, so a dashboard can tell nodes apart. */
    @Bean
    MeterRegistryCustomizer<MeterRegistry> nodeTag(NodeId nodeId) {
        return registry -> registry.config().commonTags("node", nodeId.value());
    }

    @Bean
    Clock gatewayClock() {
        return Clock.systemUTC();
    }

    @Bean
    Frames frames() {
        return new Frames(JsonMapper.builder().build());
    }

    @Bean
    SessionTable<ClientSocket> sessionTable(ObjectProvider<TrackingPresence> trackingPresence) {
        return new SessionTable<>(ClientSocket::principal, new SocketPresence(trackingPresence::getObject));
    }

    @Bean
    GatewayMetrics gatewayMetrics(MeterRegistry registry, Clock gatewayClock) {
        return new GatewayMetrics(registry, gatewayClock, ClientProtocol.TYPES);
    }

    /**
     * conversation-service over HTTP, unless it runs in this process: standalone sets
     * {@code parley.gateway.conversations=in-process} and brings its own {@link Conversations}.
     */
    @Bean
    @ConditionalOnProperty(name = "parley.gateway.conversations", havingValue = "http", matchIfMissing = true)
    Conversations httpConversations(GatewayProperties properties, Frames frames) {
        return new HttpConversations(WebClient.builder().baseUrl(properties.conversationService()).build(), frames.json(),
                properties.upstreamTimeout());
    }

    /** Against conversation-service's published keys, unless it runs in this process (then: its own). */
    @Bean
    @ConditionalOnProperty(name = "parley.gateway.conversations", havingValue = "http", matchIfMissing = true)
    TokenVerifier tokenVerifier(GatewayProperties properties) {
        return TokenVerifier.againstJwks(properties.conversationService() + "/.well-known/jwks.json",
                properties.issuer(), properties.audience());
    }

    @Bean
    ClientProtocol clientProtocol(Conversations conversations,
                                  SessionTable<ClientSocket> sessionTable, Frames frames, GatewayMetrics gatewayMetrics,
                                  Clock gatewayClock, GatewayProperties properties, NodeId nodeId, Routing routing,
                                  RoutedDelivery routedDelivery, Edge edge, TrackingPresence trackingPresence) {
        return new ClientProtocol(conversations, sessionTable, frames, gatewayMetrics, gatewayClock,
                properties.participantsTtl(), nodeId.value(), routing, routedDelivery, edge, trackingPresence,
                properties.maxSocketsPerUser());
    }

    @Bean
    GatewaySocketHandler gatewaySocketHandler(ClientProtocol clientProtocol, SessionTable<ClientSocket> sessionTable,
                                              GatewayMetrics gatewayMetrics, GatewayProperties properties,
                                              Clock gatewayClock, Routing routing, OpenSockets openSockets, Edge edge) {
        var limits = new GatewaySocketHandler.Limits(properties.helloTimeout(), properties.outboundQueue(),
                properties.commandsPerSecond(), properties.commandBurst(), (int) properties.maxFrameSize().toBytes());
        return new GatewaySocketHandler(clientProtocol, sessionTable, gatewayMetrics, limits, gatewayClock, routing,
                openSockets, edge);
    }

    // --- the edge: origins, rate limits, token lifetime, graceful shutdown ---

    @Bean
    OpenSockets openSockets() {
        return new OpenSockets();
    }

    /** Pings every socket each {@code ping-interval}; cuts those silent for {@code idle-timeout}. */
    @Bean(destroyMethod = "close")
    Heartbeats heartbeats(OpenSockets openSockets, GatewayMetrics gatewayMetrics, GatewayProperties properties) {
        return new Heartbeats(openSockets, gatewayMetrics, properties.idleTimeout(), System::nanoTime)
                .start(properties.pingInterval());
    }

    /**
     * The same {@code parley.client-address.*} keys and rule as conversation-service's. The retired
     * {@value #RETIRED_CLIENT_ADDRESS_HEADER} believed its header from any peer; a deployment still
     * setting it is refused rather than silently counting every socket as its proxy.
     */
    @Bean
    ClientAddress clientAddress(ClientAddressProperties properties, Environment environment) {
        refuseRetiredClientAddressHeader(environment);
        return new ClientAddress(properties.header(), TrustedProxies.forHeader(properties.header(), properties.trustedProxies()));
    }

    static final String RETIRED_CLIENT_ADDRESS_HEADER = "parley.gateway.client-address-header";

    static void refuseRetiredClientAddressHeader(Environment environment) {
        if (environment.containsProperty(RETIRED_CLIENT_ADDRESS_HEADER)) {
            throw new IllegalStateException(RETIRED_CLIENT_ADDRESS_HEADER + " is replaced by parley.client-address.header"
                    + " with parley.client-address.trusted-proxies (the proxies whose header is believed)");
        }
    }

    /** The memory engine keeps its buckets in this process; the cluster engine shares them through Redis. */
    @Bean(destroyMethod = "close")
    RateLimits rateLimits(EngineProperties engine, GatewayProperties properties,
                          ObjectProvider<ReactiveRedisConnectionFactory> redis) {
        if (engine.engine() == EngineProperties.Engine.MEMORY) {
            return new MemoryRateLimits(TimeMeter.SYSTEM_NANOTIME);
        }
        if (redis.getObject() instanceof LettuceConnectionFactory lettuce
                && lettuce.getNativeClient() instanceof RedisClient client) {
            return new RedisRateLimits(client, properties.redisPrefix());
        }
        throw new IllegalStateException("the cluster engine's rate limits need a standalone Lettuce Redis connection");
    }

    @Bean
    LimitingClients limitingClients(RateLimits rateLimits, GatewayProperties properties) {
        var limits = properties.limits();
        return new LimitingClients(rateLimits, new MemoryRateLimits(TimeMeter.SYSTEM_NANOTIME), new LimitingClients.Budgets(
                new Limit("commands", limits.commandsPerUser(), limits.commandsPerUserPeriod()),
                new Limit("connects", limits.connectsPerAddress(), limits.connectsPerAddressPeriod()),
                new Limit("hello-failures", limits.helloFailuresPerAddress(), limits.helloFailuresPerAddressPeriod())));
    }

    @Bean
    Edge edge(TokenVerifier tokenVerifier, LimitingClients limitingClients, Frames frames,
              GatewayMetrics gatewayMetrics, Clock gatewayClock, GatewayProperties properties) {
        return new Edge(tokenVerifier, new OriginPolicy(properties.agentOrigins()), limitingClients,
                frames, gatewayMetrics, gatewayClock, properties.tokenExpiryWarning());
    }

    /** The shutdown order is in {@code dev.parley.gateway.shutdown.adapter.spring}'s package-info. */
    @Bean
    GracefulShutdown gracefulShutdown(OpenSockets openSockets, Frames frames, ApplicationEventPublisher events,
                                      GatewayProperties properties, RoutedDelivery routedDelivery, Routing routing,
                                      RateLimits rateLimits) {
        return new GracefulShutdown(openSockets, frames, events, properties.shutdownSpread(), properties.shutdownTimeout(),
                () -> {
                    routedDelivery.close();
                    routing.close();
                    rateLimits.close();
                });
    }

    /**
     * {@code /ws}, a Reactor Netty route ahead of WebFlux; no tokens in the URL: the socket
     * authenticates with its first frame. The socket handler closes frames over {@code maxFrameSize}
     * with 1009 itself; Netty's own limit is a ceiling {@value #NETTY_CEILING}× higher that bounds
     * the memory one frame may take before the handler sees it (Reactor Netty answers frames over
     * it with 1002, protocol error).
     */
    @Bean
    SocketRoute socketRoute(OpenSockets openSockets, LimitingClients limitingClients, ClientAddress clientAddress,
                            GatewayMetrics gatewayMetrics, GatewaySocketHandler gatewaySocketHandler,
                            GatewayProperties properties) {
        int ceiling = (int) Math.min(Integer.MAX_VALUE, properties.maxFrameSize().toBytes() * NETTY_CEILING);
        return new SocketRoute("/ws", openSockets, limitingClients, clientAddress, gatewayMetrics, gatewaySocketHandler,
                ceiling, properties.maxSockets());
    }

    @Bean
    EventFanout eventFanout(SessionTable<ClientSocket> sessionTable, Frames frames, Clock gatewayClock,
                            GatewayProperties properties) {
        return new EventFanout(sessionTable, frames, gatewayClock, properties.catchUpWindow());
    }

    /**
     * While Redis is unreachable its commands fail at once instead of queuing until it returns:
     * a hello's budget check, a routing lookup or a presence write must not hold a socket for the
     * command timeout. Lettuce still reconnects (and resubscribes the node channels) by itself.
     */
    @Bean
    LettuceClientOptionsBuilderCustomizer failFastWhileRedisIsAway() {
        return options -> options.disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS);
    }

    /** The memory engine routes inside this process; the cluster engine through Redis. */
    @Bean(destroyMethod = "close")
    Routing routing(EngineProperties engine, GatewayProperties properties, NodeId nodeId, Clock gatewayClock,
                    ObjectProvider<ReactiveRedisConnectionFactory> redis) {
        if (engine.engine() == EngineProperties.Engine.MEMORY) {
            return new MemoryRouting(new MemoryRouting.Hub(), nodeId.value(), gatewayClock, properties.registrationTtl());
        }
        return new RedisRouting(redis.getObject(), properties.redisPrefix(), nodeId.value(), gatewayClock,
                properties.registrationTtl());
    }

    @Bean(destroyMethod = "close")
    RoutedDelivery routedDelivery(Routing routing, EventFanout eventFanout, EventBus eventBus, Topics topics,
                                  GatewayProperties properties, MeterRegistry registry) {
        var delivery = new RoutedDelivery(routing, eventFanout, registry);
        delivery.start(eventBus, topics, properties.registrationTtl().dividedBy(3));
        return delivery;
    }
}
