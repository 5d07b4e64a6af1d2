package dev.parley.testsupport;

/**
 * The three servers this module hands out, with everything a "you have none" message must name.
 */
enum InfrastructureKind {

    POSTGRES("PostgreSQL",
            "PARLEY_TEST_POSTGRES_URL",
            "jdbc:postgresql://HOST:5432/postgres?user=U&password=P  or  postgresql://U:P@HOST:5432/postgres",
            "postgres:17-alpine",
            "a PostgreSQL on 127.0.0.1:5432 that lets user 'postgres' in without a password, or else the"
                    + " embedded PostgreSQL started in the test JVM (as root it needs user namespaces: unshare -U)"),

    REDIS("Redis",
            "PARLEY_TEST_REDIS_URL",
            "redis://HOST:6379",
            "redis:7-alpine",
            "a Redis on 127.0.0.1:6379 that answers PING without AUTH"),

    KAFKA("Kafka",
            "PARLEY_TEST_KAFKA_BOOTSTRAP",
            "HOST:9092",
            "apache/kafka",
            "a KRaft broker started inside the test JVM from the kafka_2.13 jars on the test classpath");

    private final String displayName;
    private final String variable;
    private final String variableExample;
    private final String image;
    private final String localFallback;

    InfrastructureKind(String displayName, String variable, String variableExample, String image, String localFallback) {
        this.displayName = displayName;
        this.variable = variable;
        this.variableExample = variableExample;
        this.image = image;
        this.localFallback = localFallback;
    }

    String displayName() {
        return displayName;
    }

    String variable() {
        return variable;
    }

    String variableExample() {
        return variableExample;
    }

    String image() {
        return image;
    }

    String localFallback() {
        return localFallback;
    }
}
