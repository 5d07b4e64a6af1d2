package dev.parley.bench;

import java.sql.DriverManager;
import java.sql.SQLException;

/** conversation-service's outbox, read from outside: its rows are the events not yet published. */
final class Outbox {

    private Outbox() {
    }

    static long rows(String jdbcUrl) {
        try (var connection = DriverManager.getConnection(jdbcUrl, "postgres", "");
             var query = connection.createStatement().executeQuery("SELECT count(*) FROM event_outbox")) {
            query.next();
            return query.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot count the outbox at " + jdbcUrl, e);
        }
    }
}
