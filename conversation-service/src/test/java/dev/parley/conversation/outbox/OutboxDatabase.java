package dev.parley.conversation.outbox;

import dev.parley.testsupport.TestDatabase;
import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.pool.ConnectionPoolConfiguration;
import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactoryOptions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.springframework.r2dbc.connection.R2dbcTransactionManager;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;

/**
 * A test class's database with the service's migrations applied, and what production builds on
 * it: a connection pool, a {@link DatabaseClient} and a {@link TransactionalOperator}. JDBC helpers
 * inspect the outbox from outside the code under test.
 */
public final class OutboxDatabase implements AutoCloseable {

    private final TestDatabase database;
    private final ConnectionPool pool;
    private final DatabaseClient client;
    private final TransactionalOperator transactions;

    private OutboxDatabase(TestDatabase database) {
        this.database = database;
        var options = ConnectionFactoryOptions.parse(database.r2dbcUrl()).mutate()
                .option(ConnectionFactoryOptions.USER, database.username())
                .option(ConnectionFactoryOptions.PASSWORD, database.password())
                .build();
        this.pool = new ConnectionPool(ConnectionPoolConfiguration.builder(ConnectionFactories.get(options))
                .maxSize(10)
                .build());
        this.client = DatabaseClient.create(pool);
        this.transactions = TransactionalOperator.create(new R2dbcTransactionManager(pool));
    }

    /** Migrates the database (idempotent) and opens a pool on it. */
    public static OutboxDatabase migrated(TestDatabase database) {
        Flyway.configure()
                .dataSource(database.jdbcUrl(), database.username(), database.password())
                .locations("classpath:db/migration")
                .load()
                .migrate();
        return new OutboxDatabase(database);
    }

    public ConnectionPool connectionFactory() {
        return pool;
    }

    public DatabaseClient client() {
        return client;
    }

    public TransactionalOperator transactions() {
        return transactions;
    }

    /** Runs SQL over JDBC, outside the code under test. */
    public void execute(String sql) {
        try (Connection connection = database.openConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    /** The single number a query returns. */
    public long number(String sql) {
        try (Connection connection = database.openConnection(); Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    /** The first column of every row a query returns, as strings. */
    public List<String> column(String sql) {
        try (Connection connection = database.openConnection(); Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery(sql)) {
            List<String> values = new ArrayList<>();
            while (result.next()) {
                values.add(result.getString(1));
            }
            return values;
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    public long outboxRows() {
        return number("SELECT count(*) FROM event_outbox");
    }

    public long unpublishedRows() {
        // the outbox holds only what is not yet published
        return number("SELECT count(*) FROM event_outbox");
    }

    @Override
    public void close() {
        pool.dispose();
    }
}
