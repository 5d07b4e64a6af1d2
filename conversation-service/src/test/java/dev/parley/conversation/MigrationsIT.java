package dev.parley.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.testsupport.RealInfrastructure;
import dev.parley.testsupport.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/** The migrations apply to a real, empty PostgreSQL, and applying them again changes nothing. */
@RealInfrastructure
class MigrationsIT {

    private final TestDatabase database;

    MigrationsIT(TestDatabase database) {
        this.database = database;
    }

    private Flyway flyway() {
        return Flyway.configure()
                .dataSource(database.jdbcUrl(), database.username(), database.password())
                .locations("classpath:db/migration")
                .load();
    }

    @Test
    void migrationsApplyToAnEmptyDatabaseAndAreIdempotent() throws SQLException {
        var first = flyway().migrate();
        var second = flyway().migrate();

        assertThat(first.success).isTrue();
        assertThat(first.migrationsExecuted).isPositive();
        assertThat(second.migrationsExecuted).isZero();
        assertThat(flyway().validateWithResult().validationSuccessful).isTrue();
        try (Connection connection = database.openConnection()) {
            assertThat(columnsOf(connection, "event_outbox"))
                    .containsExactly("id", "topic", "event_key", "payload", "created_at", "conversation_id", "seq");
            // a queue of unpublished rows: the primary key is its only index (V9)
            assertThat(indexesOf(connection, "event_outbox")).containsExactly("event_outbox_pkey");
        }
    }

    private static List<String> columnsOf(Connection connection, String table) throws SQLException {
        var columns = new ArrayList<String>();
        try (ResultSet result = connection.getMetaData().getColumns(null, "public", table, null)) {
            while (result.next()) {
                columns.add(result.getString("COLUMN_NAME"));
            }
        }
        return columns;
    }

    private static List<String> indexesOf(Connection connection, String table) throws SQLException {
        var indexes = new ArrayList<String>();
        try (var statement = connection.prepareStatement("select indexname from pg_indexes where tablename = ?")) {
            statement.setString(1, table);
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    indexes.add(result.getString(1));
                }
            }
        }
        return indexes;
    }
}
