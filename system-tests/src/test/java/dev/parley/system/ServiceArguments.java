package dev.parley.system;

import dev.parley.testsupport.TestDatabase;
import dev.parley.testsupport.TestKafka;
import java.util.ArrayList;
import java.util.List;

/** The command-line arguments that point a service started in this JVM at a test class's servers. */
public final class ServiceArguments {

    private ServiceArguments() {
    }

    /**
     * What a cluster's conversation-service refuses to start without, and a widget-session budget
     * many test customers from one address fit in; each unless {@code extra} sets it.
     */
    private static final List<String> CLUSTER_DEFAULTS = List.of(
            "--parley.identity.services.chat-gateway.secret=gateway-test-secret-of-at-least-32-chars",
            "--parley.identity.signing-keys.encryption-secret=signing-keys-test-secret-of-32-chars",
            "--parley.identity.widget-sessions.per-client.attempts=1000000");

    /** A random port, the class's database (R2DBC and Flyway) and Kafka namespace, then {@code extra}. */
    public static String[] conversationService(TestDatabase database, TestKafka kafka, String... extra) {
        var arguments = new ArrayList<>(List.of(
                "--server.port=0",
                "--spring.r2dbc.url=" + database.r2dbcUrl(),
                "--spring.r2dbc.username=" + database.username(),
                "--spring.r2dbc.password=" + database.password(),
                "--spring.flyway.url=" + database.jdbcUrl(),
                "--spring.flyway.user=" + database.username(),
                "--spring.flyway.password=" + database.password(),
                "--parley.events.kafka.bootstrap-servers=" + kafka.bootstrapServers(),
                "--parley.events.topic-prefix=" + kafka.topicPrefix()));
        arguments.addAll(List.of(extra));
        for (String setting : CLUSTER_DEFAULTS) {
            String name = setting.substring(0, setting.indexOf('=') + 1);
            if (arguments.stream().noneMatch(argument -> argument.startsWith(name))) {
                arguments.add(setting);
            }
        }
        return arguments.toArray(String[]::new);
    }
}
