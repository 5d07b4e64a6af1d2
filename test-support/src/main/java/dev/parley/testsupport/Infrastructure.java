package dev.parley.testsupport;

import java.util.List;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Real PostgreSQL, Redis and Kafka servers for integration tests, for code that cannot take them as
 * parameters from {@link RealInfrastructure}. Both ways share this implementation.
 *
 * <h2>Where the servers come from</h2>
 * Decided once per JVM and per kind, on first use, in this order:
 * <ol>
 *   <li>an environment variable: {@code PARLEY_TEST_POSTGRES_URL}
 *       ({@code jdbc:postgresql://host:port/db?user=..&password=..} or
 *       {@code postgresql://user:pass@host:port/db}), {@code PARLEY_TEST_REDIS_URL}
 *       ({@code redis://host:port}), {@code PARLEY_TEST_KAFKA_BOOTSTRAP} ({@code host:port}). When set
 *       but not answering, the kind counts as missing: nothing else is tried behind the user's back;</li>
 *   <li>for PostgreSQL: the local server on 127.0.0.1:5432 (user {@code postgres}, no password) if it
 *       answers, else Testcontainers ({@code postgres:17-alpine}) when a Docker engine answers, else
 *       an embedded PostgreSQL 17 started once in this JVM from the binaries on the classpath, so
 *       nothing but a JDK is needed ({@code PARLEY_TEST_POSTGRES=embedded} takes that one directly);</li>
 *   <li>for Redis and Kafka: Testcontainers ({@code redis:7-alpine}, {@code apache/kafka}) when a
 *       Docker engine answers, else Redis on 127.0.0.1:6379 if it answers, and for Kafka a KRaft
 *       broker started inside this JVM.</li>
 * </ol>
 *
 * <h2>When a kind cannot be had</h2>
 * The test is skipped with a loud notice on stderr naming the three ways to provide it (these methods
 * throw a JUnit assumption failure; under {@link RealInfrastructure} the whole class is skipped), or
 * fails with a {@link MissingInfrastructureException} carrying the same text when the environment
 * variable {@code PARLEY_REQUIRE_INFRA} is {@code true}, as it should be in CI.
 *
 * <h2>Isolation</h2>
 * The servers are shared by every test class in the JVM, and by other JVMs. Tests stay apart through
 * what the {@code create...} methods hand out: a database of their own, a Redis key prefix, a Kafka
 * topic prefix, or a broker of their own. Whoever creates one closes it; {@link RealInfrastructure}
 * does that after the test class.
 */
public final class Infrastructure {

    private static final Logger log = LoggerFactory.getLogger(Infrastructure.class);

    private static final Once<Resolution<PostgresEndpoint>> POSTGRES =
            new Once<>(announced(InfrastructureKind.POSTGRES, PostgresLocator::locate));
    private static final Once<Resolution<RedisEndpoint>> REDIS =
            new Once<>(announced(InfrastructureKind.REDIS, RedisLocator::locate));
    private static final Once<Resolution<KafkaEndpoint>> KAFKA =
            new Once<>(announced(InfrastructureKind.KAFKA, KafkaLocator::locate));

    private Infrastructure() {
    }

    /** The shared PostgreSQL server. Put no data in its maintenance database; use {@link #createDatabase()}. */
    public static PostgresEndpoint postgres() {
        return postgres(caller());
    }

    /** The shared Redis server. Keep to a prefix from {@link #createRedisNamespace()}. */
    public static RedisEndpoint redis() {
        return redis(caller());
    }

    /** The shared Kafka cluster. Keep to a prefix from {@link #createKafkaNamespace()}; never stopped. */
    public static KafkaEndpoint kafka() {
        return kafka(caller());
    }

    /** A new, empty database on the shared server; closing it drops it. */
    public static TestDatabase createDatabase() {
        return TestDatabase.createOn(postgres());
    }

    /** A new key prefix on the shared Redis; closing it deletes the keys under it. */
    public static TestRedis createRedisNamespace() {
        return TestRedis.on(redis());
    }

    /** A new topic prefix on the shared Kafka cluster. */
    public static TestKafka createKafkaNamespace() {
        return TestKafka.on(kafka());
    }

    /** Starts a broker of the caller's own in this JVM, which it may stop and restart; close it after use. */
    public static DedicatedKafka startDedicatedKafka() {
        return startDedicatedKafka(caller());
    }

    static PostgresEndpoint postgres(String requester) {
        return POSTGRES.get().orAbort(InfrastructureKind.POSTGRES, requester);
    }

    static RedisEndpoint redis(String requester) {
        return REDIS.get().orAbort(InfrastructureKind.REDIS, requester);
    }

    static KafkaEndpoint kafka(String requester) {
        return KAFKA.get().orAbort(InfrastructureKind.KAFKA, requester);
    }

    static DedicatedKafka startDedicatedKafka(String requester) {
        try {
            return DedicatedKafka.start(requester);
        } catch (RuntimeException | LinkageError e) {
            log.warn("A dedicated in-JVM Kafka broker for {} did not start", requester, e);
            throw MissingInfrastructure.fromEnvironment().report(InfrastructureKind.KAFKA, List.of(
                    "a dedicated broker can only run inside the test JVM (to be stopped and restarted on the"
                            + " same port), and it did not start: " + Probes.explain(e)), requester);
        }
    }

    /** The simple name of the class that called into this one, to name it in skip notices. */
    private static String caller() {
        String self = Infrastructure.class.getName();
        return StackWalker.getInstance().walk(frames -> frames
                .map(StackWalker.StackFrame::getClassName)
                .filter(name -> !name.equals(self))
                .findFirst())
                .map(name -> name.substring(name.lastIndexOf('.') + 1))
                .orElse("a test");
    }

    private static <T> Supplier<Resolution<T>> announced(InfrastructureKind kind, Supplier<Resolution<T>> locator) {
        return () -> {
            Resolution<T> resolution = locator.get();
            resolution.endpoint().ifPresent(endpoint -> log.info("{} for integration tests: {}", kind.displayName(), endpoint));
            return resolution;
        };
    }
}
