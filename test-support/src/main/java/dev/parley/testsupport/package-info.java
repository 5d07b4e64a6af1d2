/**
 * Real PostgreSQL, Redis and Kafka for Parley's integration tests ({@code *IT}, run by Failsafe),
 * never mocks.
 *
 * <p>Put {@link dev.parley.testsupport.RealInfrastructure} on a test class and take
 * {@link dev.parley.testsupport.TestDatabase}, {@link dev.parley.testsupport.TestRedis},
 * {@link dev.parley.testsupport.TestKafka} or {@link dev.parley.testsupport.DedicatedKafka} as
 * parameters; or call {@link dev.parley.testsupport.Infrastructure} where parameters cannot reach.
 * {@link dev.parley.testsupport.Infrastructure} documents where the servers come from and what
 * happens when one is missing.
 *
 * <p>The in-JVM Kafka broker's loggers are set to WARN when Logback is the SLF4J backend; raise them
 * with {@code logging.level.kafka=INFO} (Spring Boot) or {@code <logger name="kafka" level="INFO"/>}.
 */
package dev.parley.testsupport;
