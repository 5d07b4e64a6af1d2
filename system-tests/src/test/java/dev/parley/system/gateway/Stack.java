package dev.parley.system.gateway;

import dev.parley.conversation.ConversationServiceApplication;
import dev.parley.gateway.ChatGatewayApplication;
import dev.parley.system.ServiceArguments;
import dev.parley.testsupport.TestDatabase;
import dev.parley.testsupport.TestKafka;
import dev.parley.testsupport.TestRedis;
import dev.parley.testsupport.services.SharedClasspath;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.http.client.ReactorResourceFactory;

/**
 * conversation-service and two chat-gateway nodes, started side by side in this JVM on their own
 * ports against real PostgreSQL, Kafka and Redis; the gateways find the service by URL and each
 * other through the Redis registry, as deployed.
 */
final class Stack implements AutoCloseable {

    /** The gateways' client secret at conversation-service, for reporting agents offline. */
    static final String PRESENCE_SECRET = "gateway-test-secret-of-at-least-32-chars";

    private final ConfigurableApplicationContext service;
    private final List<ConfigurableApplicationContext> gateways;
    final int servicePort;
    /** The first node's port. */
    final int gatewayPort;
    /** The second node's port. */
    final int otherGatewayPort;

    private Stack(ConfigurableApplicationContext service, List<ConfigurableApplicationContext> gateways) {
        this.service = service;
        this.gateways = gateways;
        this.servicePort = port(service);
        this.gatewayPort = port(gateways.get(0));
        this.otherGatewayPort = port(gateways.get(1));
    }

    private static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    static Stack start(TestDatabase database, TestKafka kafka, TestRedis redis, String... gatewaySettings) {
        return start(database, kafka, redis, List.of(), gatewaySettings);
    }

    /** With {@code serviceSettings} ({@code name=value}) for conversation-service, e.g. short token lifetimes. */
    static Stack start(TestDatabase database, TestKafka kafka, TestRedis redis, List<String> serviceSettings,
                       String... gatewaySettings) {
        List<String> serviceArguments = new ArrayList<>(List.of("--spring.data.redis.url=" + redis.uri(),
                "--parley.identity.services.chat-gateway.secret=" + PRESENCE_SECRET));
        serviceSettings.forEach(setting -> serviceArguments.add("--" + setting));
        var service = new SpringApplicationBuilder(ConversationServiceApplication.class).run(
                ServiceArguments.conversationService(database, kafka, serviceArguments.toArray(String[]::new)));
        List<ConfigurableApplicationContext> gateways = new ArrayList<>();
        try {
            for (int node = 1; node <= 2; node++) {
                gateways.add(gateway(port(service), node, kafka, redis, gatewaySettings));
            }
            return new Stack(service, gateways);
        } catch (RuntimeException e) {
            gateways.forEach(ConfigurableApplicationContext::close);
            service.close();
            throw e;
        }
    }

    private static ConfigurableApplicationContext gateway(int servicePort, int node, TestKafka kafka, TestRedis redis,
                                                          String... gatewaySettings) {
        return new SpringApplicationBuilder(ChatGatewayApplication.class)
                .initializers(Stack::ownNettyResources)
                .run(gatewayArguments(servicePort, node, kafka, redis, gatewaySettings).toArray(String[]::new));
    }

    /** A gateway node's command line against the test class's servers (also used for a node in its own process). */
    static List<String> gatewayArguments(int servicePort, int node, TestKafka kafka, TestRedis redis,
                                         String... gatewaySettings) {
            List<String> arguments = new ArrayList<>(List.of(
                    "--server.port=0",
                    "--spring.autoconfigure.exclude=" + SharedClasspath.CONVERSATION_SERVICE_ONLY,
                    // both jars hold an application.yml and the service's comes first on this classpath
                    "--spring.application.name=chat-gateway",
                    "--management.endpoint.health.group.readiness.include=readinessState",
                    "--parley.events.kafka.client-id=chat-gateway",
                    "--spring.data.redis.url=" + redis.uri(),
                    "--parley.events.kafka.bootstrap-servers=" + kafka.bootstrapServers(),
                    "--parley.events.topic-prefix=" + kafka.topicPrefix(),
                    "--parley.gateway.conversation-service=http://127.0.0.1:" + servicePort,
                    "--parley.gateway.node-id=gw-" + node + "-" + UUID.randomUUID(),
                    "--parley.gateway.redis-prefix=" + redis.keyPrefix() + "gateway:",
                    "--parley.gateway.presence.client-secret=" + PRESENCE_SECRET));
            for (String setting : gatewaySettings) {
                arguments.add("--" + setting);
            }
            return arguments;
    }

    /** Shuts one node down gracefully, as a rolling update does (0: the first node); returns when it has stopped. */
    void shutDownGracefully(int node) {
        gateways.get(node).close();
    }

    /**
     * By default every context in a JVM shares Reactor Netty's global event loops, and the first to
     * close disposes them, taking the other nodes' servers down with it. Each node gets its own, as
     * a node in its own process has.
     */
    private static void ownNettyResources(ConfigurableApplicationContext context) {
        ((GenericApplicationContext) context).registerBean(ReactorResourceFactory.class, () -> {
            var resources = new ReactorResourceFactory();
            resources.setUseGlobalResources(false);
            return resources;
        });
    }

    @Override
    public void close() {
        gateways.forEach(ConfigurableApplicationContext::close);
        service.close();
    }
}
