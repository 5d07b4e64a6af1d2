package dev.parley.testsupport;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds the PostgreSQL server for this JVM: the one named by {@code PARLEY_TEST_POSTGRES_URL}, else a
 * Testcontainers one, else the local server on 127.0.0.1:5432. A variable that is set but points
 * nowhere is an error, not a reason to quietly test against something else.
 */
final class PostgresLocator {

    private static final InfrastructureKind KIND = InfrastructureKind.POSTGRES;

    private PostgresLocator() {
    }

    static Resolution<PostgresEndpoint> locate() {
        List<String> attempts = new ArrayList<>();
        String url = System.getenv(KIND.variable());
        if (url != null && !url.isBlank()) {
            try {
                return Resolution.found(answering(PostgresUrl.parse(url, "env " + KIND.variable())), attempts);
            } catch (IllegalArgumentException | SQLException e) {
                attempts.add(KIND.variable() + "=" + PostgresUrl.redact(url) + " is set but unusable: " + Probes.describe(e));
                return Resolution.none(attempts);
            }
        }
        attempts.add(KIND.variable() + " is not set");

        Optional<String> noDocker = DockerEngine.unavailableReason();
        if (noDocker.isEmpty()) {
            try {
                return Resolution.found(Containers.postgres(), attempts);
            } catch (RuntimeException e) {
                attempts.add("Testcontainers " + KIND.image() + " did not start: " + Probes.describe(e));
            }
        } else {
            attempts.add(noDocker.get());
        }

        Optional<String> noListener = Probes.tcp(Hosts.LOOPBACK, PostgresUrl.DEFAULT_PORT);
        if (noListener.isPresent()) {
            attempts.add(noListener.get());
            return Resolution.none(attempts);
        }
        PostgresEndpoint local = new PostgresEndpoint(Hosts.LOOPBACK, PostgresUrl.DEFAULT_PORT,
                PostgresUrl.DEFAULT_USER, "", PostgresUrl.DEFAULT_DATABASE, "local server");
        try {
            return Resolution.found(answering(local), attempts);
        } catch (SQLException e) {
            attempts.add("the server on " + Hosts.LOOPBACK + ":" + PostgresUrl.DEFAULT_PORT
                    + " refused user postgres without a password: " + Probes.describe(e));
            return Resolution.none(attempts);
        }
    }

    private static PostgresEndpoint answering(PostgresEndpoint endpoint) throws SQLException {
        try (Connection connection = endpoint.connect(endpoint.maintenanceDatabase());
             Statement statement = connection.createStatement()) {
            statement.execute("SELECT 1");
        }
        return endpoint;
    }
}
