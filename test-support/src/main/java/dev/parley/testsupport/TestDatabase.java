package dev.parley.testsupport;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * A PostgreSQL database that belongs to one test class: created empty (from {@code template1}) for
 * it and dropped, with any sessions still open on it, when the class is done ({@link #close()}).
 * Another class, in this JVM or a concurrent one, never sees it. Credentials are those of the server,
 * so tests may create schemas, tables and extensions in it freely.
 *
 * <p>With Spring, feed {@link #jdbcUrl()} / {@link #r2dbcUrl()}, {@link #username()} and
 * {@link #password()} to {@code @DynamicPropertySource}; mark such classes {@code @DirtiesContext} so
 * the cached context with a pool on this database closes before it is dropped.
 */
public final class TestDatabase implements AutoCloseable {

    private final PostgresEndpoint server;
    private final String databaseName;
    private boolean closed; // guarded by this

    private TestDatabase(PostgresEndpoint server, String databaseName) {
        this.server = server;
        this.databaseName = databaseName;
    }

    static TestDatabase createOn(PostgresEndpoint server) {
        String name = PostgresDatabases.newName();
        try {
            PostgresDatabases.create(server, name);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create test database " + name + " on " + server, e);
        }
        return new TestDatabase(server, name);
    }

    /** {@code jdbc:postgresql://host:port/<databaseName>}, without credentials. */
    public String jdbcUrl() {
        return server.jdbcUrl(databaseName);
    }

    /** {@code r2dbc:postgresql://host:port/<databaseName>}, without credentials. */
    public String r2dbcUrl() {
        return server.r2dbcUrl(databaseName);
    }

    public String host() {
        return server.host();
    }

    public int port() {
        return server.port();
    }

    public String databaseName() {
        return databaseName;
    }

    public String username() {
        return server.username();
    }

    /** The password, or an empty string when the server trusts the user. */
    public String password() {
        return server.password();
    }

    /** A new JDBC connection to this database; the caller closes it. */
    public Connection openConnection() throws SQLException {
        return server.connect(databaseName);
    }

    /** The server this database lives on. */
    public PostgresEndpoint server() {
        return server;
    }

    /** Drops the database, ending any sessions still connected to it. Idempotent. */
    @Override
    public synchronized void close() throws SQLException {
        if (!closed) {
            PostgresDatabases.drop(server, databaseName);
            closed = true;
        }
    }

    @Override
    public String toString() {
        return "TestDatabase[" + databaseName + " on " + server + "]";
    }
}
