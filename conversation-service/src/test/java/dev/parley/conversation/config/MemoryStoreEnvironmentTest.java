package dev.parley.conversation.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.mock.env.MockEnvironment;

class MemoryStoreEnvironmentTest {

    private final MemoryStoreEnvironment processor = new MemoryStoreEnvironment();

    @Test
    void theMemoryStoreSwitchesTheDatabaseOffAndKeepsOtherExclusions() {
        var environment = new MockEnvironment()
                .withProperty("parley.conversation.store", "memory")
                .withProperty("spring.autoconfigure.exclude", "com.example.SomethingAutoConfiguration");

        processor.postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty("spring.autoconfigure.exclude", String[].class))
                .contains("com.example.SomethingAutoConfiguration")
                .containsAll(MemoryStoreEnvironment.DATABASE_AUTO_CONFIGURATION);
        assertThat(environment.getProperty("management.endpoint.health.group.readiness.include")).isEqualTo("readinessState");
    }

    @Test
    void postgresByDefaultChangesNothing() {
        var environment = new MockEnvironment();

        processor.postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty("spring.autoconfigure.exclude")).isNull();
    }

    @Test
    void anUnknownStoreIsRefusedWithItsName() {
        var environment = new MockEnvironment().withProperty("parley.conversation.store", "mongo");

        assertThatThrownBy(() -> processor.postProcessEnvironment(environment, new SpringApplication()))
                .hasMessageContaining("parley.conversation.store must be postgres or memory, was 'mongo'");
    }
}
