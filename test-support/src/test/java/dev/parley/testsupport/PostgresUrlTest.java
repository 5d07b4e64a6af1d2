package dev.parley.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PostgresUrlTest {

    @Test
    void readsAJdbcUrlWithCredentialsInTheQuery() {
        PostgresEndpoint endpoint = PostgresUrl.parse(
                "jdbc:postgresql://db.example:6543/chat?user=parley&password=s%40cret&sslmode=disable", "test");

        assertThat(endpoint.host()).isEqualTo("db.example");
        assertThat(endpoint.port()).isEqualTo(6543);
        assertThat(endpoint.maintenanceDatabase()).isEqualTo("chat");
        assertThat(endpoint.username()).isEqualTo("parley");
        assertThat(endpoint.password()).isEqualTo("s@cret");
    }

    @Test
    void readsALibpqStyleUrlWithCredentialsInTheAuthority() {
        PostgresEndpoint endpoint = PostgresUrl.parse("postgresql://parley:p%3Ass@10.0.0.5/chat", "test");

        assertThat(endpoint.host()).isEqualTo("10.0.0.5");
        assertThat(endpoint.port()).isEqualTo(5432);
        assertThat(endpoint.maintenanceDatabase()).isEqualTo("chat");
        assertThat(endpoint.username()).isEqualTo("parley");
        assertThat(endpoint.password()).isEqualTo("p:ss");
    }

    @Test
    void fillsInUserDatabaseAndEmptyPasswordWhenLeftOut() {
        PostgresEndpoint endpoint = PostgresUrl.parse("postgres://localhost:5433", "test");

        assertThat(endpoint.port()).isEqualTo(5433);
        assertThat(endpoint.username()).isEqualTo("postgres");
        assertThat(endpoint.password()).isEmpty();
        assertThat(endpoint.maintenanceDatabase()).isEqualTo("postgres");
    }

    @Test
    void buildsJdbcAndR2dbcUrlsWithoutCredentials() {
        PostgresEndpoint endpoint = PostgresUrl.parse("postgresql://u:secret@[::1]:5432/postgres", "test");

        assertThat(endpoint.host()).isEqualTo("::1");
        assertThat(endpoint.jdbcUrl("parley_t_x")).isEqualTo("jdbc:postgresql://[::1]:5432/parley_t_x");
        assertThat(endpoint.r2dbcUrl("parley_t_x")).isEqualTo("r2dbc:postgresql://[::1]:5432/parley_t_x");
        assertThat(endpoint.toString()).doesNotContain("secret");
    }

    @Test
    void rejectsOtherSchemesAndHidesThePasswordInTheMessage() {
        assertThatThrownBy(() -> PostgresUrl.parse("mysql://root:hunter2@db/x", "test"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("hunter2");
        assertThat(PostgresUrl.redact("jdbc:postgresql://h/db?user=u&password=hunter2&ssl=true"))
                .isEqualTo("jdbc:postgresql://h/db?user=u&password=***&ssl=true");
    }
}
