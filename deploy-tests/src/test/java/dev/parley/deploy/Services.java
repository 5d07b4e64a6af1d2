package dev.parley.deploy;

import dev.parley.assignment.AssignmentWorkerApplication;
import dev.parley.conversation.ConversationServiceApplication;
import dev.parley.gateway.ChatGatewayApplication;
import dev.parley.testsupport.TestDatabase;
import dev.parley.testsupport.TestKafka;
import dev.parley.testsupport.TestRedis;
import dev.parley.testsupport.services.SharedClasspath;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.client.ReactorResourceFactory;

/**
 * The three services started in this JVM against real servers, configured as deploy/ runs them:
 * actuator on a management port of its own ({@code MANAGEMENT_SERVER_PORT}). All three jars share
 * this classpath, so each gets its name, Kafka client id and the auto-configuration it must not
 * pick up from another's jar explicitly (as system-tests does).
 */
final class Services {

    static final String WORKER_SECRET = "worker-secret-for-deploy-tests-0123456789";
    static final String GATEWAY_SECRET = "gateway-secret-for-deploy-tests-0123456789";

    private Services() {
    }

    static ConfigurableApplicationContext conversationService(TestDatabase database, TestKafka kafka) {
        return start(ConversationServiceApplication.class, List.of(
                "--spring.application.name=conversation-service",
                "--spring.r2dbc.url=" + database.r2dbcUrl(),
                "--spring.r2dbc.username=" + database.username(),
                "--spring.r2dbc.password=" + database.password(),
                "--spring.flyway.url=" + database.jdbcUrl(),
                "--spring.flyway.user=" + database.username(),
                "--spring.flyway.password=" + database.password(),
                "--parley.events.kafka.client-id=conversation-service",
                "--parley.identity.services.assignment-worker.secret=" + WORKER_SECRET,
                // what a cluster refuses to start without
                "--parley.identity.services.chat-gateway.secret=" + GATEWAY_SECRET,
                "--parley.identity.signing-keys.encryption-secret=signing-keys-secret-for-deploy-tests-0123"), kafka);
    }

    static ConfigurableApplicationContext gateway(ConfigurableApplicationContext service, TestKafka kafka, TestRedis redis) {
        return start(ChatGatewayApplication.class, List.of(
                "--spring.application.name=chat-gateway",
                "--spring.autoconfigure.exclude=" + SharedClasspath.CONVERSATION_SERVICE_ONLY,
                "--management.endpoint.health.group.readiness.include=readinessState,redis",
                "--spring.data.redis.url=" + redis.uri(),
                "--parley.events.kafka.client-id=chat-gateway",
                "--parley.gateway.node-id=deploy-tests-gateway",
                "--parley.gateway.redis-prefix=" + redis.keyPrefix() + "gateway:",
                "--parley.gateway.conversation-service=http://127.0.0.1:" + port(service)), kafka);
    }

    static ConfigurableApplicationContext worker(ConfigurableApplicationContext service, TestKafka kafka) {
        return start(AssignmentWorkerApplication.class, List.of(
                "--spring.application.name=assignment-worker",
                "--spring.autoconfigure.exclude=" + SharedClasspath.CONVERSATION_SERVICE_ONLY,
                "--management.endpoint.health.group.readiness.include=readinessState",
                "--parley.events.kafka.client-id=assignment-worker",
                "--parley.assignment.conversation-service-url=http://127.0.0.1:" + port(service),
                "--parley.assignment.client-secret=" + WORKER_SECRET), kafka);
    }

    static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    static int managementPort(ConfigurableApplicationContext context) {
        return Integer.parseInt(context.getEnvironment().getRequiredProperty("local.management.port"));
    }

    private static ConfigurableApplicationContext start(Class<?> application, List<String> settings, TestKafka kafka) {
        var arguments = new ArrayList<>(List.of(
                "--server.port=0",
                "--management.server.port=0",
                "--parley.events.kafka.bootstrap-servers=" + kafka.bootstrapServers(),
                "--parley.events.topic-prefix=" + kafka.topicPrefix()));
        arguments.addAll(settings);
        return new SpringApplicationBuilder(application).initializers(Services::ownNettyResources)
                .run(arguments.toArray(String[]::new));
    }

    /**
     * Reactor Netty's global resources are shared by every application in the JVM and disposed by
     * the first context that closes; each service keeps its own, as in a process of its own.
     */
    private static void ownNettyResources(ConfigurableApplicationContext context) {
        context.getBeanFactory().addBeanPostProcessor(new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String beanName) {
                if (bean instanceof ReactorResourceFactory resources) {
                    resources.setUseGlobalResources(false);
                }
                return bean;
            }
        });
    }
}
