package dev.parley.gateway.socket.adapter.ws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

import dev.parley.testsupport.RealInfrastructure;
import dev.parley.testsupport.TestKafka;
import dev.parley.testsupport.TestRedis;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Issue 15, defect 6: a node holds at most {@code parley.gateway.max-sockets}; the next upgrade is
 * answered 503 with {@code Retry-After}, so the balancer tries another node before this one's
 * memory runs out, and a closed socket frees its slot. Sockets that have not said hello count too
 * (the hello timeout is long here so they stay open without a conversation-service).
 */
@RealInfrastructure
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "parley.gateway.node-id=gw-cap-test", "parley.gateway.max-sockets=" + NodeSocketCapIT.CAP,
        "parley.gateway.hello-timeout=2m"})
@DirtiesContext
class NodeSocketCapIT {

    static final int CAP = 3;

    private static TestRedis redis;
    private static TestKafka kafka;
    private final HttpClient http = HttpClient.newHttpClient();
    private final List<WebSocket> open = new ArrayList<>();

    @LocalServerPort
    private int port;

    @BeforeAll
    static void servers(TestRedis testRedis, TestKafka testKafka) {
        redis = testRedis;
        kafka = testKafka;
    }

    @DynamicPropertySource
    static void pointAtServers(DynamicPropertyRegistry registry) {
        registry.add("spring.data.redis.url", () -> redis.uri());
        registry.add("parley.events.kafka.bootstrap-servers", () -> kafka.bootstrapServers());
        registry.add("parley.events.topic-prefix", () -> kafka.topicPrefix());
    }

    @AfterEach
    void closeSockets() {
        open.forEach(WebSocket::abort);
    }

    @Test
    void theSocketBeyondTheCapIsRefusedWith503AndAClosedSocketFreesItsSlot() {
        for (int i = 0; i < CAP; i++) {
            open.add(connect());
        }

        WebSocketHandshakeException refused = refusal();
        assertThat(refused.getResponse().statusCode()).isEqualTo(503);
        assertThat(refused.getResponse().headers().firstValue("Retry-After")).hasValue(SocketRoute.RETRY_AFTER_SECONDS);

        open.remove(0).sendClose(WebSocket.NORMAL_CLOSURE, "bye").join();
        WebSocket next = await().atMost(Duration.ofSeconds(10)).ignoreExceptions().until(this::connect, socket -> true);
        open.add(next);
        assertThat(refusal().getResponse().statusCode()).as("full again").isEqualTo(503);
    }

    private WebSocket connect() {
        return http.newWebSocketBuilder().buildAsync(URI.create("ws://127.0.0.1:" + port + "/ws"), new WebSocket.Listener() {
        }).join();
    }

    private WebSocketHandshakeException refusal() {
        Throwable thrown = catchThrowable(this::connect);
        assertThat(thrown).isInstanceOf(CompletionException.class).hasCauseInstanceOf(WebSocketHandshakeException.class);
        return (WebSocketHandshakeException) thrown.getCause();
    }
}
