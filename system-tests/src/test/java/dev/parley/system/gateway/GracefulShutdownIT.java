package dev.parley.system.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.parley.testsupport.RealInfrastructure;
import dev.parley.testsupport.TestDatabase;
import dev.parley.testsupport.TestKafka;
import dev.parley.testsupport.TestRedis;
import io.lettuce.core.RedisClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A rolling update: the customer's node shuts down gracefully while the agent, on the other node,
 * keeps sending. The customer is told to reconnect, is closed with 1012, resumes on the other node
 * and ends with every message exactly once, in order.
 */
@RealInfrastructure
class GracefulShutdownIT {

    private static final int MESSAGES = 120;

    private static Stack stack;
    private static TestRedis redis;
    private static Tokens tokens;
    private static final List<Client> clients = new ArrayList<>();

    @BeforeAll
    static void start(TestDatabase database, TestKafka kafka, TestRedis testRedis) {
        redis = testRedis;
        stack = Stack.start(database, kafka, redis, "parley.gateway.shutdown-spread=1s",
                "parley.gateway.shutdown-timeout=10s", "parley.gateway.commands-per-second=1000",
                "parley.gateway.command-burst=1000");
        Cast.seed(database);
        tokens = new Tokens(stack.servicePort);
    }

    @AfterAll
    static void stop() {
        clients.forEach(Client::close);
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void clientsOfANodeShuttingDownAreToldToLeaveAndResumeElsewhereWithNoGap() {
        JsonNode session = tokens.newCustomer();
        String customerToken = session.path("token").asString();
        Client customer = track(Client.hello(stack.gatewayPort, customerToken, Map.of()));
        String shutDownNode = customer.frames.get(0).path("node").asString();
        Client bob = track(Client.hello(stack.otherGatewayPort, tokens.bob(), Map.of()));
        UUID conversationId = UUID.fromString(customer.call("conversation.start", Map.of()).path("id").asString());
        bob.call("conversation.join", Map.of("conversationId", conversationId));

        CompletableFuture<Void> shutdown = null;
        for (int i = 0; i < MESSAGES; i++) {
            bob.call("message.send", Client.message(conversationId, "b-" + i, "TEXT"));
            if (i == MESSAGES / 3) {
                shutdown = CompletableFuture.runAsync(() -> stack.shutDownGracefully(0));
            }
        }
        assertThat(customer.closedWith).succeedsWithin(Client.PATIENCE).isEqualTo(1012);
        JsonNode last = customer.frames.get(customer.frames.size() - 1);
        assertThat(Client.type(last)).isEqualTo("reconnect");
        List<Long> seen = customer.seqs();
        Client resumed = track(Client.hello(stack.otherGatewayPort, customerToken,
                Map.of(conversationId, seen.isEmpty() ? 0L : seen.get(seen.size() - 1))));
        await().atMost(Client.PATIENCE).until(() -> resumed.messageBodies().contains("b-" + (MESSAGES - 1)));

        List<String> everything = Stream.concat(customer.messageBodies().stream(), resumed.messageBodies().stream())
                .filter(body -> body.matches("b-\\d+")).toList();
        assertThat(everything).containsExactlyElementsOf(IntStream.range(0, MESSAGES).mapToObj(i -> "b-" + i).toList());
        assertThat(Stream.concat(customer.seqs().stream(), resumed.seqs().stream()).toList()).isSorted().doesNotHaveDuplicates();
        assertThat(shutdown).succeedsWithin(Client.PATIENCE);
        assertThat(nodesOf(session.path("customerId").asString()))
                .doesNotContain(shutDownNode).contains(resumed.frames.get(0).path("node").asString());
    }

    /** The nodes the Redis registry names for a user. */
    private static List<String> nodesOf(String userId) {
        RedisClient client = RedisClient.create(redis.uri());
        try (var connection = client.connect()) {
            return connection.sync().zrange(redis.keyPrefix() + "gateway:user:" + userId, 0, -1);
        } finally {
            client.shutdown();
        }
    }

    private static Client track(Client client) {
        clients.add(client);
        return client;
    }

}
