package dev.parley.testsupport;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates and drops the per-class databases. Names carry their creation time
 * ({@code parley_t_<epoch seconds, base 36>_<random>}) so that databases left behind by a JVM that
 * was killed before it could drop them are recognised as stale and dropped by a later run, while
 * those of a build running right now on the same server are left alone.
 */
final class PostgresDatabases {

    static final String NAME_PREFIX = "parley_t_";
    private static final Pattern NAME = Pattern.compile(NAME_PREFIX + "([0-9a-z]+)_[0-9a-z]+");
    private static final Duration STALE_AFTER = Duration.ofHours(12);

    private static final Logger log = LoggerFactory.getLogger(PostgresDatabases.class);
    private static final Set<PostgresEndpoint> SWEPT = ConcurrentHashMap.newKeySet();

    private PostgresDatabases() {
    }

    static String newName() {
        return NAME_PREFIX + Long.toString(Instant.now().getEpochSecond(), 36) + "_" + UniqueNames.random(8);
    }

    static void create(PostgresEndpoint server, String database) throws SQLException {
        if (SWEPT.add(server)) {
            dropStale(server);
        }
        try (Connection connection = server.connect(server.maintenanceDatabase());
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + database);
        }
    }

    static void drop(PostgresEndpoint server, String database) throws SQLException {
        try (Connection connection = server.connect(server.maintenanceDatabase());
             Statement statement = connection.createStatement()) {
            // FORCE ends sessions the test left open (connection pools of a cached Spring context).
            statement.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        }
    }

    static boolean exists(PostgresEndpoint server, String database) throws SQLException {
        try (Connection connection = server.connect(server.maintenanceDatabase());
             var query = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            query.setString(1, database);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next();
            }
        }
    }

    static void dropStale(PostgresEndpoint server) {
        Instant cutoff = Instant.now().minus(STALE_AFTER);
        List<String> stale = new ArrayList<>();
        try (Connection connection = server.connect(server.maintenanceDatabase());
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(
                     "SELECT datname FROM pg_database WHERE datname LIKE 'parley\\_t\\_%'")) {
            while (rows.next()) {
                Matcher matcher = NAME.matcher(rows.getString(1));
                if (matcher.matches() && Instant.ofEpochSecond(Long.parseLong(matcher.group(1), 36)).isBefore(cutoff)) {
                    stale.add(matcher.group());
                }
            }
            for (String database : stale) {
                drop(server, database);
            }
            if (!stale.isEmpty()) {
                log.info("Dropped {} stale test databases left by earlier runs on {}", stale.size(), server);
            }
        } catch (SQLException | NumberFormatException e) {
            log.warn("Could not sweep stale test databases on {}: {}", server, Probes.describe(e));
        }
    }
}
