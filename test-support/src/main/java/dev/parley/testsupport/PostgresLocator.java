package dev.parley.testsupport;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.UnaryOperator;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the PostgreSQL server for this JVM, in this order: the one named by
 * {@code PARLEY_TEST_POSTGRES_URL}, else the local server on 127.0.0.1:5432, else a Testcontainers
 * one where a Docker engine answers, else an {@linkplain EmbeddedPostgres embedded} one started in
 * this JVM. So a machine with nothing but a JDK runs every PostgreSQL test. A variable that is set
 * but points nowhere is an error, not a reason to quietly test against something else.
 *
 * <p>{@value #CHOICE_VARIABLE}{@code =embedded} (or the system property {@value #CHOICE_PROPERTY})
 * skips the others and takes the embedded server, so the build exercises that way on machines
 * that have a local server too.
 */
final class PostgresLocator {

    static final String CHOICE_VARIABLE = "PARLEY_TEST_POSTGRES";
    static final String CHOICE_PROPERTY = "parley.test.postgres";
    static final String EMBEDDED = "embedded";

    private static final InfrastructureKind KIND = InfrastructureKind.POSTGRES;
    private static final Logger log = LoggerFactory.getLogger(PostgresLocator.class);

    private PostgresLocator() {
    }

    static Resolution<PostgresEndpoint> locate() {
        String choice = choice(System::getenv, System::getProperty);
        return switch (choice) {
            case EMBEDDED -> embedded(new ArrayList<>(List.of(CHOICE_VARIABLE + "=" + EMBEDDED + ": nothing else is tried")));
            case "", "auto" -> firstFound();
            default -> Resolution.none(List.of(CHOICE_VARIABLE + " must be 'embedded' or 'auto', not '" + choice + "'"));
        };
    }

    /** The requested way, lower case; the system property wins over the environment; empty when neither is set. */
    static String choice(UnaryOperator<String> environment, UnaryOperator<String> systemProperties) {
        String value = systemProperties.apply(CHOICE_PROPERTY);
        if (value == null || value.isBlank()) {
            value = environment.apply(CHOICE_VARIABLE);
        }
        return value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
    }

    private static Resolution<PostgresEndpoint> firstFound() {
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

        Optional<String> noListener = Probes.tcp(Hosts.LOOPBACK, PostgresUrl.DEFAULT_PORT);
        if (noListener.isPresent()) {
            attempts.add(noListener.get());
        } else {
            PostgresEndpoint local = new PostgresEndpoint(Hosts.LOOPBACK, PostgresUrl.DEFAULT_PORT,
                    PostgresUrl.DEFAULT_USER, "", PostgresUrl.DEFAULT_DATABASE, "local server");
            try {
                return Resolution.found(answering(local), attempts);
            } catch (SQLException e) {
                attempts.add("the server on " + Hosts.LOOPBACK + ":" + PostgresUrl.DEFAULT_PORT
                        + " refused user postgres without a password: " + Probes.describe(e));
            }
        }

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
        return embedded(attempts);
    }

    private static Resolution<PostgresEndpoint> embedded(List<String> attempts) {
        try {
            return Resolution.found(EmbeddedPostgres.start(), attempts);
        } catch (RuntimeException | LinkageError e) {
            log.warn("The embedded PostgreSQL did not start", e);
            attempts.add("the embedded PostgreSQL did not start: " + Probes.explain(e));
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
