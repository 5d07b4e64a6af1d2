package dev.parley.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class PostgresLocatorTest {

    @Test
    void theEmbeddedServerIsChosenByEnvironmentOrSystemPropertyWhichWins() {
        assertThat(PostgresLocator.choice(Map.of("PARLEY_TEST_POSTGRES", " Embedded ")::get, Map.<String, String>of()::get))
                .isEqualTo("embedded");
        assertThat(PostgresLocator.choice(Map.of("PARLEY_TEST_POSTGRES", "embedded")::get,
                Map.of("parley.test.postgres", "auto")::get)).isEqualTo("auto");
        assertThat(PostgresLocator.choice(Map.<String, String>of()::get, Map.<String, String>of()::get)).isEmpty();
    }
}
