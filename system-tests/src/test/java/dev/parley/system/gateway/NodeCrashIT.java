package dev.parley.system.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.parley.gateway.routing.adapter.redis.RedisRouting;
import dev.parley.testsupport.RealInfrastructure;
import dev.parley.testsupport.TestDatabase;
import dev.parley.testsupport.TestKafka;
import dev.parley.testsupport.TestRedis;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import tools.jackson.databind.JsonNode;

/**
 * A gateway node dies mid-stream (its process is killed: no shutdown, no unregistering, no leaving
 * the consumer group). Its customer reconnects to another node with {@code lastSeqs} and ends with
 * every message exactly once, in order; the registry forgets the dead node by itself.
 */
@RealInfrastructure
class NodeCrashIT {

    private static final int MESSAGES = 300;
    /** Short, so the dead node's registrations and group membership expire within the test. */
    private static final String[] SETTINGS = {
            "parley.gateway.registration-ttl=3s", "parley.gateway.presence.grace=1s",
            "parley.gateway.commands-per-second=1000", "parley.gateway.command-burst=1000",
            "parley.gateway.limits.commands-per-user=100000",
            "parley.events.kafka.properties.session.timeout.ms=6000",
            "parley.events.kafka.properties.heartbeat.interval.ms=1000"};

    private static final UUID CAROL = UUID.fromString("00000000-0000-0000-0000-0000000ca201");
    private static final String CAROL_EMAIL = "carol@parley.example";
    private static final String CAROL_PASSWORD = "carol-correct-horse";

    private static Stack stack;
    private static TestDatabase db;
    private static ServiceProcess nodeA;
    private static Tokens tokens;
    private static LettuceConnectionFactory redisConnections;
    private static String registryPrefix;

    @BeforeAll
    static void start(TestDatabase database, TestKafka kafka, TestRedis redis) {
        stack = Stack.start(database, kafka, redis, SETTINGS);
        Cast.seed(database);
        seedCarol(database);
        db = database;
        tokens = new Tokens(stack.servicePort);
        nodeA = ServiceProcess.gateway(Stack.gatewayArguments(stack.servicePort, 3, kafka, redis, SETTINGS), "node-crash-gateway");
        redisConnections = new LettuceConnectionFactory(new RedisStandaloneConfiguration(redis.host(), redis.port()));
        redisConnections.afterPropertiesSet();
        redisConnections.start();
        registryPrefix = redis.keyPrefix() + "gateway:";
    }

    @AfterAll
    static void stop() {
        if (nodeA != null) {
            nodeA.close();
        }
        if (redisConnections != null) {
            redisConnections.destroy();
        }
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void theCustomerOfADeadNodeResumesOnAnotherWithEveryMessageOnceInOrder() throws Exception {
        JsonNode visitor = tokens.newCustomer();
        UUID customerId = UUID.fromString(visitor.path("customerId").asString());
        Client onA = Client.hello(nodeA.port, visitor.path("token").asString(), Map.of());
        Client bob = Client.hello(stack.otherGatewayPort, tokens.bob(), Map.of());
        UUID conversationId = UUID.fromString(onA.call("conversation.start", Map.of()).path("id").asString());
        bob.call("conversation.join", Map.of("conversationId", conversationId));
        String nodeAId = welcomeNode(onA);
        Client carol = Client.hello(nodeA.port, tokens.login(CAROL_EMAIL, CAROL_PASSWORD), Map.of());
        carol.call("agent.status", Map.of("status", "ONLINE"));
        assertThat(PresenceIT.status(db, CAROL)).isEqualTo("ONLINE");

        Thread sender = new Thread(() -> IntStream.range(0, MESSAGES)
                .forEach(i -> bob.send("message.send", Client.message(conversationId, "b-" + i, "TEXT"))), "bob-sends");
        sender.start();
        await().atMost(Client.PATIENCE.multipliedBy(2)).until(() -> onA.messageBodies().contains("b-20"));
        nodeA.crash();
        onA.closedWith.get();

        long lastSeq = onA.seqs().stream().mapToLong(Long::longValue).max().orElse(0);
        Client onB = Client.hello(stack.otherGatewayPort, visitor.path("token").asString(), Map.of(conversationId, lastSeq));
        sender.join();
        onB.call("message.send", Client.message(conversationId, "after-the-crash", "TEXT"));

        await().atMost(Client.PATIENCE.multipliedBy(4)).until(() -> onB.messageBodies().contains("b-" + (MESSAGES - 1))
                && onB.messageBodies().contains("after-the-crash"));
        List<Long> seen = Stream.concat(onA.seqs().stream(), onB.seqs().stream()).toList();
        List<String> bodies = Stream.concat(onA.messageBodies().stream(), onB.messageBodies().stream()).filter(body -> body.startsWith("b-")).toList();
        assertThat(onA.messageBodies()).doesNotContain("b-" + (MESSAGES - 1));
        assertThat(bodies).containsExactlyElementsOf(IntStream.range(0, MESSAGES).mapToObj(i -> "b-" + i).toList());
        assertThat(seen).isSorted().doesNotHaveDuplicates().containsExactlyElementsOf(visibleSeqs(onB, conversationId));
        await().atMost(Client.PATIENCE).until(() -> bob.messageBodies().contains("after-the-crash"));
        assertThat(bob.messageBodies()).filteredOn("after-the-crash"::equals).hasSize(1);

        String nodeBId = welcomeNode(onB);
        try (RedisRouting registry = new RedisRouting(redisConnections, registryPrefix, "observer", Clock.systemUTC(),
                Duration.ofSeconds(3))) {
            await().atMost(Client.PATIENCE).until(() -> registry.nodesOf(List.of(customerId)).block().get(customerId)
                    .equals(Set.of(nodeBId)));
        }
        assertThat(nodeAId).isNotEqualTo(nodeBId);
        // Carol's only socket was on the dead node: no node saw it close, yet she is reported offline
        await().atMost(Client.PATIENCE).until(() -> "OFFLINE".equals(PresenceIT.status(db, CAROL)));
        onB.close();
        bob.close();
    }

    /** A second agent, whose only socket is on the node that dies. */
    private static void seedCarol(TestDatabase database) {
        try (var connection = database.openConnection()) {
            try (var statement = connection.prepareStatement("""
                    INSERT INTO agent (id, name, email, role, max_concurrent, status_changed_at, created_at)
                    VALUES (?, 'Carol', ?, 'AGENT', 5, now(), now())""")) {
                statement.setObject(1, CAROL);
                statement.setString(2, CAROL_EMAIL);
                statement.executeUpdate();
            }
            try (var statement = connection.prepareStatement(
                    "INSERT INTO agent_password (agent_id, password_hash, changed_at) VALUES (?, ?, now())")) {
                statement.setObject(1, CAROL);
                statement.setString(2, new BCryptPasswordEncoder(4).encode(CAROL_PASSWORD));
                statement.executeUpdate();
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String welcomeNode(Client client) {
        return client.awaitFrame(frame -> "welcome".equals(Client.type(frame))).path("node").asString();
    }


    /** Every seq the customer may see, from the start: what resume must have made complete. */
    private static List<Long> visibleSeqs(Client client, UUID conversationId) {
        List<Long> seqs = new ArrayList<>();
        long from = 0;
        while (true) {
            JsonNode page = client.call("events.since", Map.of("conversationId", conversationId, "since", from, "limit", 200));
            page.path("events").forEach(event -> seqs.add(event.path("seq").asLong()));
            if (!page.path("more").asBoolean() || page.path("throughSeq").asLong() <= from) {
                return seqs;
            }
            from = page.path("throughSeq").asLong();
        }
    }
}
