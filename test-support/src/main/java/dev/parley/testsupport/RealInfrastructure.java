package dev.parley.testsupport;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Gives a test class real servers as parameters of its constructor, {@code @BeforeAll},
 * {@code @BeforeEach}, {@code @AfterEach}, {@code @AfterAll} and test methods:
 * <ul>
 *   <li>{@link TestDatabase}: a PostgreSQL database of the class's own, dropped after the class;</li>
 *   <li>{@link TestRedis}: a Redis key prefix of its own, whose keys are deleted after the class;</li>
 *   <li>{@link TestKafka}: a topic prefix of its own on the shared Kafka cluster;</li>
 *   <li>{@link DedicatedKafka}: a Kafka broker of its own that it may stop and restart, closed after
 *       the class.</li>
 * </ul>
 * One instance of each per test class (nested classes share their outer class's), whatever the
 * number of methods asking. Only the kinds the class asks for are looked for, before any of its tests
 * runs: if one cannot be had, the whole class is skipped, or fails when
 * {@code PARLEY_REQUIRE_INFRA=true}. See {@link Infrastructure} for where the servers come from.
 *
 * <pre>{@code
 * @RealInfrastructure
 * class ConversationRepositoryIT {
 *     @Test
 *     void storesAConversation(TestDatabase database, TestKafka kafka) { ... }
 * }
 * }</pre>
 *
 * With Spring Boot, take the resources in a static {@code @BeforeAll} method and read them in
 * {@code @DynamicPropertySource} suppliers (these run when the context starts, after
 * {@code @BeforeAll} under the default per-method test instance lifecycle); add
 * {@code @DirtiesContext} so the context is closed before the database is dropped:
 * <pre>{@code
 * @RealInfrastructure @SpringBootTest @DirtiesContext
 * class ChatFlowIT {
 *     static TestDatabase database;
 *     static TestKafka kafka;
 *
 *     @BeforeAll
 *     static void infrastructure(TestDatabase db, TestKafka k) { database = db; kafka = k; }
 *
 *     @DynamicPropertySource
 *     static void properties(DynamicPropertyRegistry registry) {
 *         registry.add("spring.r2dbc.url", () -> database.r2dbcUrl());
 *         registry.add("spring.r2dbc.username", () -> database.username());
 *         registry.add("spring.r2dbc.password", () -> database.password());
 *         registry.add("spring.kafka.bootstrap-servers", () -> kafka.bootstrapServers());
 *     }
 * }
 * }</pre>
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(RealInfrastructureExtension.class)
public @interface RealInfrastructure {
}
