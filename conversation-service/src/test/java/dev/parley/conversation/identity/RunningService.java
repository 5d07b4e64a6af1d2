package dev.parley.conversation.identity;

import dev.parley.conversation.fixtures.StoreFixture;
import dev.parley.conversation.fixtures.ClassDatabase;
import dev.parley.testsupport.ThreadsOnTimeout;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.netty.http.client.HttpClient;

/**
 * The conversation service running on a PostgreSQL database of the test class's own
 * ({@link ClassDatabase}), with the {@link IdentityCast} seeded before each test, called over real HTTP.
 * A call that times out fails with where every thread was ({@link ThreadsOnTimeout}): one such hang
 * was seen twice in CI and never here.
 */
@ExtendWith({ClassDatabase.class, ThreadsOnTimeout.class})
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        // No Kafka needed: identity publishes no events.
        "parley.engine=memory",
        "parley.identity.passwords.bcrypt-strength=4",
        "parley.identity.services.gateway.secret=" + RunningService.GATEWAY_SECRET,
})
@DirtiesContext
public abstract class RunningService {

    public static final String GATEWAY_SECRET = "gateway-secret-for-tests-0123456789";

    @LocalServerPort
    protected int port;
    /** What the tests check of the store beyond the API. */
    protected StoreFixture store;

    protected WebTestClient http;

    @DynamicPropertySource
    static void pointAtTheStore(DynamicPropertyRegistry registry) {
        ClassDatabase.pointAt(registry);
    }

    @BeforeEach
    void seedAndConnect() {
        store = StoreFixture.onClassDatabase();
        store.seedCast();
        // a connection of its own per request: none kept in the JVM-wide pool from one test, or one
        // class's server, to the next
        http = WebTestClient.bindToServer(new ReactorClientHttpConnector(HttpClient.newConnection()))
                .baseUrl("http://127.0.0.1:" + port).responseTimeout(Duration.ofSeconds(20)).build();
    }

    /** A token grant as the API returns it. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Grant(String accessToken, String tokenType, long expiresIn, String refreshToken) {
    }

    /** Logs the agent in with their password. */
    protected Grant login(IdentityCast.Agent agent) {
        return http.post().uri("/api/v1/auth/login")
                .bodyValue(Map.of("email", agent.email(), "password", agent.password()))
                .exchange()
                .expectStatus().isOk()
                .expectBody(Grant.class).returnResult().getResponseBody();
    }

    /** {@code GET /api/v1/auth/me} with this bearer token. */
    protected WebTestClient.ResponseSpec me(String token) {
        return http.get().uri("/api/v1/auth/me").header(HttpHeaders.AUTHORIZATION, "Bearer " + token).exchange();
    }
}
