package dev.parley.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.testsupport.RealInfrastructure;
import dev.parley.testsupport.TestDatabase;
import dev.parley.testsupport.http.ActuatorProbe;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;

/** The suite on PostgreSQL: one port answers for every service, and the demo is set up once. */
@RealInfrastructure
class StandaloneOnPostgresIT {

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void servesEveryServiceOnOnePortAndKeepsTheDemoAcrossRestarts(TestDatabase database) throws Exception {
        String inboxKey;
        try (var suite = Suite.onPostgres(database)) {
            assertThat(ActuatorProbe.onLocalPort(suite.port).health("readiness").healthStatus()).isEqualTo("UP");
            assertThat(suite.has(ReactiveRedisConnectionFactory.class)).as("no Redis connection").isFalse();
            var demo = suite.demo();
            inboxKey = demo.inboxKey();
            assertThat(get(suite.url("/demo.json")).body()).contains(inboxKey);
            assertThat(demo.agents()).hasSize(2).allSatisfy(agent -> assertThat(agent.newPassword()).isPresent());
        }
        try (var suite = Suite.onPostgres(database)) {
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
