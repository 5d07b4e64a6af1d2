package dev.parley.system.assignment;

import dev.parley.assignment.AssignmentWorkerApplication;
import dev.parley.conversation.ConversationServiceApplication;
import dev.parley.system.ServiceArguments;
import dev.parley.testsupport.TestDatabase;
import dev.parley.testsupport.TestKafka;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.client.ReactorResourceFactory;

/**
 * The conversation service and assignment workers started in this JVM against one real PostgreSQL
 * and Kafka, as they would run side by side. Both services' {@code application.yml} share the
 * classpath root here and the conversation service's wins, so every setting a worker needs is
 * passed explicitly and the database auto-configuration it does not use is switched off.
 */
final class Suite {

    static final String WORKER_CLIENT = "assignment-worker";
    static final String WORKER_SECRET = "worker-secret-for-tests-0123456789abcdef";

    private final TestDatabase database;
    private final TestKafka kafka;

    Suite(TestDatabase database, TestKafka kafka) {
        this.database = database;
        this.kafka = kafka;
    }

    ConfigurableApplicationContext conversationService() {
        return new SpringApplicationBuilder(ConversationServiceApplication.class).initializers(Suite::ownNettyResources).run(
                ServiceArguments.conversationService(database, kafka, "--spring.application.name=conversation-service",
                        "--parley.identity.services." + WORKER_CLIENT + ".secret=" + WORKER_SECRET));
    }

    /** A worker instance; {@code settings} are extra {@code --name=value} arguments. */
    ConfigurableApplicationContext worker(ConfigurableApplicationContext conversationService, String... settings) {
        var arguments = new ArrayList<>(List.of(
                "--server.port=0",
                "--spring.application.name=assignment-worker",
                "--spring.flyway.enabled=false",
                "--spring.r2dbc.url=" + database.r2dbcUrl(),
                "--spring.r2dbc.username=" + database.username(),
                "--spring.r2dbc.password=" + database.password(),
                "--parley.events.kafka.client-id=assignment-worker",
                "--parley.events.kafka.bootstrap-servers=" + kafka.bootstrapServers(),
                "--parley.events.topic-prefix=" + kafka.topicPrefix(),
                "--parley.assignment.conversation-service-url=http://127.0.0.1:" + port(conversationService),
                "--parley.assignment.client-id=" + WORKER_CLIENT,
                "--parley.assignment.client-secret=" + WORKER_SECRET));
        arguments.addAll(Stream.of(settings).map(setting -> "--" + setting).toList());
        return new SpringApplicationBuilder(AssignmentWorkerApplication.class).initializers(Suite::ownNettyResources)
                .run(arguments.toArray(String[]::new));
    }

    /**
     * Reactor Netty's global resources are shared by every application in the JVM, and a context
     * that closes disposes them by default: stopping one worker would stop the conversation service's
     * server too. Each application here keeps its own, as if in a process of its own.
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

    static int port(ConfigurableApplicationContext service) {
        return ((WebServerApplicationContext) service).getWebServer().getPort();
    }
}
