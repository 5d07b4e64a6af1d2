package dev.parley.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PerClassDatabaseIT {

    /** Sample class name -> every database name its tests were given. */
    static final Map<String, Set<String>> GIVEN = new ConcurrentHashMap<>();

    private PostgresEndpoint server;

    @BeforeEach
    void findServer() {
        server = Infrastructure.postgres();
        GIVEN.clear();
    }

    @Test
    void eachClassGetsItsOwnDatabaseWhichIsDroppedAfterTheClass() throws SQLException {
        SampleRun.runSuccessfully(FirstSample.class, SecondSample.class);

        Set<String> first = GIVEN.get(FirstSample.class.getSimpleName());
        Set<String> second = GIVEN.get(SecondSample.class.getSimpleName());
        assertThat(first).as("one database shared by all of a class's tests").hasSize(1);
        assertThat(second).hasSize(1);
        assertThat(first).doesNotContainAnyElementsOf(second);
        for (String database : union(first, second)) {
            assertThat(database).startsWith("parley_t_");
            assertThat(PostgresDatabases.exists(server, database)).as(database + " still exists").isFalse();
        }
    }

    @Test
    void closingADatabaseFromTheStaticApiDropsIt() throws SQLException {
        TestDatabase database = Infrastructure.createDatabase();
        assertThat(PostgresDatabases.exists(server, database.databaseName())).isTrue();
        assertThat(database.jdbcUrl()).isEqualTo("jdbc:postgresql://" + database.host() + ":" + database.port()
                + "/" + database.databaseName());
        assertThat(database.r2dbcUrl()).isEqualTo("r2dbc:postgresql://" + database.host() + ":" + database.port()
                + "/" + database.databaseName());

        database.close();

        assertThat(PostgresDatabases.exists(server, database.databaseName())).isFalse();
    }

    @Test
    void databasesLeftBehindLongAgoAreSweptAndRecentOnesKept() throws SQLException {
        long thirteenHoursAgo = Instant.now().minus(Duration.ofHours(13)).getEpochSecond();
        String stale = PostgresDatabases.NAME_PREFIX + Long.toString(thirteenHoursAgo, 36) + "_" + UniqueNames.random(8);
        String recent = PostgresDatabases.newName();
        PostgresDatabases.create(server, stale);
        PostgresDatabases.create(server, recent);
        try {
            PostgresDatabases.dropStale(server);

            assertThat(PostgresDatabases.exists(server, stale)).as("stale database").isFalse();
            assertThat(PostgresDatabases.exists(server, recent)).as("a concurrent run's database").isTrue();
        } finally {
            PostgresDatabases.drop(server, stale);
            PostgresDatabases.drop(server, recent);
        }
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        return Stream.concat(a.stream(), b.stream()).collect(Collectors.toSet());
    }

    static void record(Class<?> sample, TestDatabase database) {
        GIVEN.computeIfAbsent(sample.getSimpleName(), key -> ConcurrentHashMap.newKeySet()).add(database.databaseName());
    }

    static String currentDatabase(TestDatabase database) throws SQLException {
        try (Connection connection = database.openConnection();
             Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT current_database()")) {
            row.next();
            return row.getString(1);
        }
    }

    @RealInfrastructure
    static class FirstSample {

        @BeforeAll
        static void createTable(TestDatabase database) throws SQLException {
            record(FirstSample.class, database);
            try (Connection connection = database.openConnection(); Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE message (id bigserial PRIMARY KEY, body text NOT NULL)");
            }
        }

        @Test
        void connectsToItsOwnDatabase(TestDatabase database) throws SQLException {
            record(FirstSample.class, database);
            assertThat(currentDatabase(database)).isEqualTo(database.databaseName());
            assertThat(PostgresDatabases.exists(database.server(), database.databaseName())).isTrue();
        }

        @Test
        void seesTheTableMadeInBeforeAll(TestDatabase database) throws SQLException {
            record(FirstSample.class, database);
            try (Connection connection = database.openConnection(); Statement statement = connection.createStatement()) {
                assertThat(statement.executeUpdate("INSERT INTO message (body) VALUES ('hello')")).isEqualTo(1);
            }
        }
    }

    @RealInfrastructure
    static class SecondSample {

        @Test
        void startsEmpty(TestDatabase database) throws SQLException {
            record(SecondSample.class, database);
            try (Connection connection = database.openConnection();
                 Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery(
                         "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'")) {
                rows.next();
                assertThat(rows.getInt(1)).as("tables of another class leaking in").isZero();
            }
        }
    }
}
