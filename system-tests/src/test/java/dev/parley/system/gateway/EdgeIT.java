package dev.parley.system.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.parley.testsupport.RealInfrastructure;
import dev.parley.testsupport.TestDatabase;
import dev.parley.testsupport.TestKafka;
import dev.parley.testsupport.TestRedis;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocketHandshakeException;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The gateway's edge checks on two real nodes: the page's Origin at the hello, and the budgets per
 * client address and per user, shared by the nodes through Redis. Each test connects from its own
 * client address, passed as a trusted proxy would in {@code X-Forwarded-For}.
 */
@RealInfrastructure
class EdgeIT {

    private static final UUID SHOP_INBOX = UUID.fromString("00000000-0000-0000-0000-00000005e0b0");
    private static final String SHOP_KEY = "shop-widget-key";
    private static final String SHOP_ORIGIN = "https://shop.example";
    private static final int CONNECTS = 4;
    private static final int HELLO_FAILURES = 3;
    private static final int COMMANDS_PER_USER = 20;
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration IDLE_TIMEOUT = Duration.ofSeconds(3);

    private static Stack stack;
    private static Tokens tokens;
    private final List<Client> clients = new ArrayList<>();

    @BeforeAll
    static void start(TestDatabase database, TestKafka kafka, TestRedis redis) {
        stack = Stack.start(database, kafka, redis,
                "parley.client-address.header=X-Forwarded-For",
                "parley.client-address.trusted-proxies=127.0.0.0/8,::1/128",
                "parley.gateway.limits.connects-per-address=" + CONNECTS,
                "parley.gateway.limits.hello-failures-per-address=" + HELLO_FAILURES,
                "parley.gateway.limits.commands-per-user=" + COMMANDS_PER_USER,
                "parley.gateway.limits.commands-per-user-period=10m",
                "parley.gateway.commands-per-second=1000", "parley.gateway.command-burst=1000",
                "parley.gateway.ping-interval=1s", "parley.gateway.idle-timeout=" + IDLE_TIMEOUT.toSeconds() + "s");
        Cast.seed(database);
        seedShop(database);
        tokens = new Tokens(stack.servicePort);
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    @AfterEach
    void closeClients() {
        clients.forEach(Client::close);
    }

    @Test
    void aCustomerSocketOpensOnlyFromAPageOnItsInboxsOrigins() {
        String token = shopCustomerToken();

        Client fromTheShop = hello(stack.gatewayPort, token, Map.of("Origin", SHOP_ORIGIN));
        Client fromElsewhere = sayHello(connect(stack.gatewayPort, Map.of("Origin", "https://evil.example")), token);
        Client fromNoPage = sayHello(connect(stack.otherGatewayPort, Map.of()), token);

        assertThat(fromTheShop.frames).anyMatch(frame -> "welcome".equals(Client.type(frame)));
        assertThat(fromElsewhere.closedWith).succeedsWithin(Client.PATIENCE).isEqualTo(4403);
        assertThat(fromElsewhere.frames).singleElement().satisfies(frame -> {
            assertThat(Client.type(frame)).isEqualTo("error");
            assertThat(frame.path("code").asString()).isEqualTo("hello.origin_not_allowed");
            assertThat(frame.path("ref").asString()).isEqualTo("hello");
        });
        assertThat(fromNoPage.closedWith).succeedsWithin(Client.PATIENCE).isEqualTo(4403);
        assertThat(fromTheShop.call("ping", Map.of()).isObject()).isTrue();
    }

    @Test
    void anInboxWithoutOriginsLetsItsCustomersConnectFromAnyPage() {
        String token = tokens.newCustomer().path("token").asString();

        Client client = hello(stack.gatewayPort, token, Map.of("Origin", "https://anywhere.example"));

        assertThat(client.call("ping", Map.of()).isObject()).isTrue();
    }

    @Test
    void anAgentSocketOpensFromTheConsoleTheGatewayServesOrFromNoPageAtAll() {
        String bob = tokens.bob();

        Client sameSite = hello(stack.gatewayPort, bob, Map.of("Origin", "http://127.0.0.1:" + stack.gatewayPort));
        Client noPage = hello(stack.gatewayPort, bob, Map.of());
        Client otherSite = sayHello(connect(stack.gatewayPort, Map.of("Origin", "https://evil.example")), bob);

        assertThat(sameSite.call("ping", Map.of()).isObject()).isTrue();
        assertThat(noPage.call("ping", Map.of()).isObject()).isTrue();
        assertThat(otherSite.closedWith).succeedsWithin(Client.PATIENCE).isEqualTo(4403);
    }

    @Test
    void connectsFromOneAddressAreCountedAcrossNodesThenRefusedWith429() {
        String address = address();
        for (int i = 0; i < CONNECTS; i++) {
            connect(i % 2 == 0 ? stack.gatewayPort : stack.otherGatewayPort, Map.of("X-Forwarded-For", address));
        }

        assertRefusedWith429(stack.gatewayPort, address);
        assertRefusedWith429(stack.otherGatewayPort, address);
        assertThat(connect(stack.gatewayPort, Map.of("X-Forwarded-For", address())).closedWith).isNotDone();
    }

    @Test
    void failedHellosFromOneAddressRefuseItsNextConnects() {
        String address = address();
        for (int i = 0; i < HELLO_FAILURES; i++) {
            Client guesser = connect(i % 2 == 0 ? stack.gatewayPort : stack.otherGatewayPort, Map.of("X-Forwarded-For", address));
            guesser.sendText("{\"type\":\"hello\",\"token\":\"guess-" + i + "\"}");
            assertThat(guesser.closedWith).succeedsWithin(Client.PATIENCE).isEqualTo(4401);
        }

        assertRefusedWith429(stack.gatewayPort, address);
        assertThat(CONNECTS).as("the connect budget alone would still allow one").isGreaterThan(HELLO_FAILURES);
    }

    /**
     * The user's budget is counted on each node, in memory (a command costs no Redis round trip):
     * two sockets on one node share it, a node of its own counts afresh.
     */
    @Test
    void commandsOfOneUserAreCountedAcrossTheirSocketsOnTheNode() {
        String token = tokens.newCustomer().path("token").asString();
        Client first = hello(stack.gatewayPort, token, Map.of());
        Client second = hello(stack.gatewayPort, token, Map.of());
        int each = COMMANDS_PER_USER;

        List<String> refs = new ArrayList<>();
        for (int i = 0; i < each; i++) {
            refs.add("1" + first.send("ping", Map.of()));
            refs.add("2" + second.send("ping", Map.of()));
        }
        List<JsonNode> replies = new ArrayList<>();
        for (String ref : refs) {
            Client side = ref.startsWith("1") ? first : second;
            replies.add(side.awaitFrame(frame -> ref.substring(1).equals(frame.path("ref").asString(null))));
        }

        assertThat(replies).filteredOn(reply -> "ack".equals(Client.type(reply))).hasSize(COMMANDS_PER_USER);
        assertThat(replies).filteredOn(reply -> "error".equals(Client.type(reply)))
                .hasSize(2 * each - COMMANDS_PER_USER)
                .allSatisfy(reply -> assertThat(reply.path("code").asString()).isEqualTo("frame.rate_limited"));
        assertThat(hello(stack.otherGatewayPort, token, Map.of()).call("ping", Map.of()).isObject())
                .as("the other node counts the user's commands on its own").isTrue();
        String someoneElse = tokens.newCustomer().path("token").asString();
        assertThat(hello(stack.gatewayPort, someoneElse, Map.of()).call("ping", Map.of()).isObject()).isTrue();
    }

    /**
     * The upgrade is answered after an asynchronous budget check in Redis; a hello sent the instant
     * the {@code 101} arrives must still reach the socket (it once raced the pipeline's switch to
     * WebSocket frames and was dropped, leaving the client to a 4408 close).
     */
    @Test
    void aHelloSentTheInstantTheUpgradeIsAnsweredIsNeverLost() throws Exception {
        String token = tokens.newCustomer().path("token").asString();
        List<String> firstFrames = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            int port = i % 2 == 0 ? stack.gatewayPort : stack.otherGatewayPort;
            try (Socket socket = RawWebSocket.upgrade(port, null, Map.of("X-Forwarded-For", address()))) {
                socket.setSoTimeout((int) Client.PATIENCE.toMillis());
                firstFrames.add(RawWebSocket.hello(socket, token));
            }
        }

        assertThat(firstFrames).hasSize(60).allSatisfy(frame -> assertThat(frame).contains("\"type\":\"welcome\""));
    }

    /** A client that is gone, or stopped reading, answers no ping: its connection is cut. */
    @Test
    void aSocketThatAnswersNoPingIsCutAfterTheIdleTimeout() throws Exception {
        String token = tokens.newCustomer().path("token").asString();
        try (Socket socket = RawWebSocket.upgrade(stack.gatewayPort, null, Map.of("X-Forwarded-For", address()))) {
            assertThat(RawWebSocket.hello(socket, token)).contains("\"type\":\"welcome\"");
            socket.setSoTimeout((int) IDLE_TIMEOUT.multipliedBy(5).toMillis());

            RawWebSocket.Ending ending = RawWebSocket.readUntilClosed(socket);

            assertThat(ending.pings()).isPositive();
            assertThat(ending.closeCode()).isIn(1001, -1);
        }
    }

    /** The JDK's client answers pings as browsers do: a quiet but live socket stays. */
    @Test
    void aQuietSocketThatAnswersPingsOutlivesTheIdleTimeout() {
        Client quiet = hello(stack.gatewayPort, tokens.newCustomer().path("token").asString(), Map.of());

        await().during(IDLE_TIMEOUT.multipliedBy(2)).atMost(IDLE_TIMEOUT.multipliedBy(3))
                .until(() -> !quiet.closedWith.isDone());

        assertThat(quiet.call("ping", Map.of()).isObject()).isTrue();
    }

    private void assertRefusedWith429(int port, String address) {
        assertThatThrownBy(() -> connect(port, Map.of("X-Forwarded-For", address)))
                .isInstanceOf(CompletionException.class)
                .cause().isInstanceOfSatisfying(WebSocketHandshakeException.class,
                        refused -> assertThat(refused.getResponse().statusCode()).isEqualTo(429));
    }

    /** Connects from the address in {@code headers}, or else from one of its own. */
    private Client connect(int port, Map<String, String> headers) {
        Map<String, String> withAddress = new HashMap<>(headers);
        withAddress.putIfAbsent("X-Forwarded-For", address());
        Client client = Client.connect(port, withAddress);
        clients.add(client);
        return client;
    }

    private Client hello(int port, String token, Map<String, String> headers) {
        Client client = sayHello(connect(port, headers), token);
        client.awaitFrame(frame -> "welcome".equals(Client.type(frame)));
        return client;
    }

    private static Client sayHello(Client client, String token) {
        client.sendText(JSON.createObjectNode().put("type", "hello").put("ref", "hello").put("token", token).toString());
        return client;
    }

    /** A client address of this test alone. */
    private static String address() {
        UUID random = UUID.randomUUID();
        return "10." + (random.hashCode() & 0x7f) + "." + (random.getLeastSignificantBits() & 0xff) + "."
                + (random.getMostSignificantBits() & 0xff);
    }

    /** A visitor of the shop's widget, whose session is started from the shop's pages. */
    private static String shopCustomerToken() {
        try {
            var response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + stack.servicePort + "/api/v1/widget/sessions"))
                    .header("Content-Type", "application/json").header("Origin", SHOP_ORIGIN)
                    .POST(HttpRequest.BodyPublishers.ofString("{\"inboxKey\":\"" + SHOP_KEY + "\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            return JSON.readTree(response.body()).path("token").asString();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** An inbox whose widget may run on {@link #SHOP_ORIGIN} only. */
    private static void seedShop(TestDatabase database) {
        try (var connection = database.openConnection(); var statement = connection.prepareStatement("""
                INSERT INTO inbox (id, name, public_key, allowed_origins, hmac_secret, default_department_id, created_at)
                VALUES (?, 'Shop', ?, ?, 'shop-hmac-secret', ?, ?) ON CONFLICT DO NOTHING""")) {
            statement.setObject(1, SHOP_INBOX);
            statement.setString(2, SHOP_KEY);
            statement.setArray(3, connection.createArrayOf("text", new Object[] {SHOP_ORIGIN}));
            statement.setObject(4, Cast.SUPPORT);
            statement.setTimestamp(5, Timestamp.from(Instant.now()));
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not seed the shop's inbox", e);
        }
    }
}
