package dev.parley.system;

import dev.parley.testsupport.TestDatabase;
import dev.parley.testsupport.TestKafka;
import java.util.ArrayList;
import java.util.List;

/** The command-line arguments that point a service started in this JVM at a test class's servers. */
public final class ServiceArguments {

    private ServiceArguments() {
    }

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
        return arguments.toArray(String[]::new);
    }
}
