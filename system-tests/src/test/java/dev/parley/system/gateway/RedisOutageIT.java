package dev.parley.system.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.parley.bench.infra.RedisServer;
import dev.parley.bench.process.JvmProcess;
import dev.parley.testsupport.RealInfrastructure;
import dev.parley.testsupport.TestDatabase;
import dev.parley.testsupport.TestKafka;
import dev.parley.testsupport.TestRedis;
import dev.parley.testsupport.http.ActuatorProbe;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Redis goes away under two gateway nodes and comes back (issue 15, defect 2: Redis was in the
 * readiness group, so every node went unready at once; its commands queued for the timeout, so
 * hellos stalled). The nodes run on a Redis server of this test's own, which it stops and starts
 * again on the same port, empty, as a restarted Redis without persistence is.
 */
@RealInfrastructure
class RedisOutageIT {

    private static final String[] SETTINGS = {"parley.gateway.registration-ttl=3s"};
    private static final Pattern ROUTING_FAILURES = Pattern.compile(
            "parley_gateway_routing_failures_total\\{[^}]*what=\"event\"[^}]*} ([0-9.E]+)");

    private static Path directory;
    private static int redisPort;
    private static RedisServer redis;
    private static Stack stack;
    private static Tokens tokens;

    @BeforeAll
    static void start(TestDatabase database, TestKafka kafka) throws Exception {
        directory = Files.createTempDirectory("parley-redis-outage");
        redisPort = JvmProcess.freePort();
        redis = RedisServer.start("redis-server", directory, redisPort);
        stack = Stack.start(database, kafka, TestRedis.onOwnServer("127.0.0.1", redisPort), SETTINGS);
        Cast.seed(database);
        tokens = new Tokens(stack.servicePort);
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
        if (redis != null) {
            redis.close();
        }
    }

    @Test
    void socketsAreServedWhileRedisIsAwayAndRoutingComesBackWithIt() {
        String customerToken = tokens.newCustomer().path("token").asString();
        Client customer = Client.hello(stack.gatewayPort, customerToken, Map.of());
        Client bob = Client.hello(stack.otherGatewayPort, tokens.bob(), Map.of());
        UUID conversation = UUID.fromString(customer.call("conversation.start", Map.of()).path("id").asString());
        bob.call("conversation.join", Map.of("conversationId", conversation));
        customer.call("message.send", Client.message(conversation, "c-before", "TEXT"));
        await().atMost(Client.PATIENCE).until(() -> bob.messageBodies().contains("c-before"));
        String newcomerToken = tokens.newCustomer().path("token").asString(); // conversation-service's business

        redis.close();

        for (int port : new int[] {stack.gatewayPort, stack.otherGatewayPort}) {
            assertThat(ActuatorProbe.onLocalPort(port).health("readiness").healthStatus())
                    .as("node on %d stays ready", port).isEqualTo("UP");
        }
        Client newcomer = Client.hello(stack.gatewayPort, newcomerToken, Map.of());
        assertThat(newcomer.call("conversation.start", Map.of()).path("id").asString())
                .as("a new socket is served: hello, budget checks and commands go on without Redis").isNotBlank();
        assertThat(customer.call("message.send", Client.message(conversation, "c-during", "TEXT")).path("seq").asLong())
                .as("a send is acknowledged, committed").isPositive();
        await().atMost(Client.PATIENCE).until(() -> routingFailures() > 0);

        redis = RedisServer.start("redis-server", directory, redisPort);

        await().atMost(Client.PATIENCE.multipliedBy(2)).pollInterval(Duration.ofMillis(500)).until(() -> {
            customer.send("message.send", Client.message(conversation, "c-after-" + UUID.randomUUID(), "TEXT"));
            return bob.messageBodies().stream().anyMatch(body -> body.startsWith("c-after-"));
        });
        Client resumed = Client.hello(stack.otherGatewayPort, tokens.bob(), Map.of(conversation, 0L));
        await().atMost(Client.PATIENCE).until(() -> resumed.messageBodies().contains("c-during"));
    }

    /** Events the nodes could not route, summed over both (whichever owns the conversation's partition counts). */
    private static double routingFailures() {
        double total = 0;
        for (int port : new int[] {stack.gatewayPort, stack.otherGatewayPort}) {
            Matcher found = ROUTING_FAILURES.matcher(ActuatorProbe.onLocalPort(port).prometheus().body());
            while (found.find()) {
                total += Double.parseDouble(found.group(1));
            }
        }
        return total;
    }
}
