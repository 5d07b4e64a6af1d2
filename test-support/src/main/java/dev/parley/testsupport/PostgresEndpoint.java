package dev.parley.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Objects;
import java.util.Properties;

/**
 * A PostgreSQL server the tests may use, shared by every test class in the JVM. Tests should not put
 * data into {@link #maintenanceDatabase()}; they get a database of their own as a {@link TestDatabase}.
 *
 * @param host                host name or address
 * @param port                TCP port
 * @param username            a user allowed to create and drop databases
 * @param password            its password, empty when the server trusts the user
 * @param maintenanceDatabase the existing database used to create and drop test databases
 * @param source              where this server came from, for logs
 */
public record PostgresEndpoint(String host, int port, String username, String password,
                               String maintenanceDatabase, String source) {

    public PostgresEndpoint {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(username, "username");
        password = password == null ? "" : password;
        Objects.requireNonNull(maintenanceDatabase, "maintenanceDatabase");
        Objects.requireNonNull(source, "source");
    }

    /** {@code jdbc:postgresql://host:port/database}, without credentials. */
    public String jdbcUrl(String database) {
        return "jdbc:postgresql://" + Hosts.forUrl(host) + ":" + port + "/" + database;
    }

    /** {@code r2dbc:postgresql://host:port/database}, without credentials. */
    public String r2dbcUrl(String database) {
        return "r2dbc:postgresql://" + Hosts.forUrl(host) + ":" + port + "/" + database;
    }

    /** A new JDBC connection to {@code database} as {@link #username()}; the caller closes it. */
    public Connection connect(String database) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", username);
        if (!password.isEmpty()) {
            properties.setProperty("password", password);
        }
        // Bounded so an unreachable server ends in an error, not a hung build.
        properties.setProperty("connectTimeout", "5");
        properties.setProperty("loginTimeout", "10");
        return DriverManager.getConnection(jdbcUrl(database), properties);
    }

    @Override
    public String toString() {
        // The password stays out of logs and test reports.
        return "PostgresEndpoint[" + username + "@" + host + ":" + port + "/" + maintenanceDatabase
                + ", from " + source + "]";
    }
}
