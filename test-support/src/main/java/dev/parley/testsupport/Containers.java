package dev.parley.testsupport;

import org.apache.kafka.common.utils.AppInfoParser;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * One container per kind per JVM, started on first use and left to Testcontainers' reaper to remove.
 * Only touched after {@link DockerEngine} found an engine, so the Testcontainers classes never load
 * on machines without Docker.
 */
final class Containers {

    private static final int REDIS_PORT = 6379;

    private Containers() {
    }

    static PostgresEndpoint postgres() {
        PostgreSQLContainer container = new PostgreSQLContainer(DockerImageName.parse("postgres:17-alpine"));
        container.start();
        return new PostgresEndpoint(container.getHost(), container.getMappedPort(PostgreSQLContainer.POSTGRESQL_PORT),
                container.getUsername(), container.getPassword(), container.getDatabaseName(),
                "Testcontainers postgres:17-alpine");
    }

    static RedisEndpoint redis() {
        GenericContainer<?> container = new GenericContainer<>(DockerImageName.parse("redis:7-alpine"))
                .withExposedPorts(REDIS_PORT);
        container.start();
        return RedisEndpoint.of(container.getHost(), container.getMappedPort(REDIS_PORT), "Testcontainers redis:7-alpine");
    }

    static KafkaEndpoint kafka() {
        // The broker image follows the kafka-clients version on the classpath (Boot's kafka.version).
        String image = "apache/kafka:" + AppInfoParser.getVersion();
        KafkaContainer container = new KafkaContainer(DockerImageName.parse(image));
        container.start();
        return new KafkaEndpoint(container.getBootstrapServers(), "Testcontainers " + image);
    }
}
