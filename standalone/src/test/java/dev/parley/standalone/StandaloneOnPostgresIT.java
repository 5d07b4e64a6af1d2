package dev.parley.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.standalone.database.EmbeddedDatabase;
import dev.parley.testsupport.RealInfrastructure;
import dev.parley.testsupport.TestDatabase;
import dev.parley.testsupport.http.ActuatorProbe;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;

/**
 * The suite on a PostgreSQL of the user's own ({@code PARLEY_DB_URL}): no embedded server starts, one
 * port answers for every service, and the demo is set up once.
 */
@RealInfrastructure
class StandaloneOnPostgresIT {

    private final HttpClient http = HttpClient.newHttpClient();
    @TempDir
    Path dataDirectory;

    @Test
    void servesEveryServiceOnOnePortAndKeepsTheDemoAcrossRestarts(TestDatabase database) throws Exception {
        String inboxKey;
        try (var suite = Suite.onPostgres(database, dataDirectory)) {
            assertThat(suite.has(EmbeddedDatabase.class)).as("no embedded server").isFalse();
            assertThat(dataDirectory.resolve("postgres")).doesNotExist();
            assertThat(ActuatorProbe.onLocalPort(suite.port).health("readiness").healthStatus()).isEqualTo("UP");
            assertThat(suite.has(ReactiveRedisConnectionFactory.class)).as("no Redis connection").isFalse();
            var demo = suite.demo();
            inboxKey = demo.inboxKey();
            assertThat(get(suite.url("/demo.json")).body()).contains(inboxKey);
            assertThat(demo.agents()).hasSize(2).allSatisfy(agent -> assertThat(agent.newPassword()).isPresent());
        }
        try (var suite = Suite.onPostgres(database, dataDirectory)) {
            var demo = suite.demo();
            assertThat(demo.inboxKey()).as("the same inbox, not a second one").isEqualTo(inboxKey);
            assertThat(demo.agents()).as("existing agents keep their passwords")
                    .hasSize(2).allSatisfy(agent -> assertThat(agent.newPassword()).isEmpty());
        }
    }

    private HttpResponse<String> get(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
