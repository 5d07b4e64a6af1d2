package dev.parley.system.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.testsupport.RealInfrastructure;
import dev.parley.testsupport.TestDatabase;
import dev.parley.testsupport.TestKafka;
import dev.parley.testsupport.TestRedis;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A socket outlives its token only if the client renews it: conversation-service issues visitor
 * tokens of {@value #LIFETIME_SECONDS} s here, and the gateway warns {@value #WARNING_SECONDS} s
 * before they expire.
 */
@RealInfrastructure
class TokenExpiryIT {

    private static final int LIFETIME_SECONDS = 6;
    private static final int WARNING_SECONDS = 3;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static Stack stack;
    private static Tokens tokens;
    private final List<Client> clients = new ArrayList<>();

    @BeforeAll
    static void start(TestDatabase database, TestKafka kafka, TestRedis redis) {
        stack = Stack.start(database, kafka, redis, List.of("parley.identity.tokens.visitor=" + LIFETIME_SECONDS + "s"),
                "parley.gateway.token-expiry-warning=" + WARNING_SECONDS + "s");
        Cast.seed(database);
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
    void aTokenNotRenewedIsWarnedOfThenItsSocketIsClosedWith4401AtExpiry() {
        JsonNode session = tokens.newCustomer();
        Client customer = track(Client.hello(stack.gatewayPort, session.path("token").asString(), Map.of()));

        JsonNode warning = customer.awaitFrame(frame -> "auth.expiring".equals(Client.type(frame)));
        assertThat(customer.closedWith).succeedsWithin(Client.PATIENCE).isEqualTo(4401);

        assertThat(Instant.parse(warning.path("expiresAt").asString())).isEqualTo(Instant.parse(session.path("expiresAt").asString()));
        JsonNode last = customer.frames.get(customer.frames.size() - 1);
        assertThat(Client.type(last)).isEqualTo("error");
        assertThat(last.path("code").asString()).isEqualTo("auth.expired");
        assertThat(customer.frames.indexOf(warning)).isLessThan(customer.frames.indexOf(last));
    }

    @Test
    void aRenewedTokenKeepsTheSocketOpenPastTheOldExpiry() {
        JsonNode first = tokens.newCustomer();
        Client customer = track(Client.hello(stack.gatewayPort, first.path("token").asString(), Map.of()));
        customer.awaitFrame(frame -> "auth.expiring".equals(Client.type(frame)));

        JsonNode renewed = renew(first.path("token").asString());
        JsonNode ack = customer.call("auth", Map.of("token", renewed.path("token").asString()));

        Instant oldExpiry = Instant.parse(first.path("expiresAt").asString());
        assertThat(renewed.path("customerId").asString()).isEqualTo(first.path("customerId").asString());
        assertThat(Instant.parse(ack.path("expiresAt").asString())).isAfter(oldExpiry);
        // the next warning is about the new token and comes no earlier than the old one's expiry
        customer.awaitFrame(frame -> "auth.expiring".equals(Client.type(frame))
                && Instant.parse(frame.path("expiresAt").asString()).isAfter(oldExpiry));
        assertThat(Instant.now()).isAfterOrEqualTo(oldExpiry);
        assertThat(customer.call("conversation.start", Map.of()).path("id").isString()).isTrue();
        assertThat(customer.closedWith).isNotDone();
    }

    @Test
    void anAuthFrameWithAnotherUsersOrAnInvalidTokenIsRefusedAndTheSocketKeepsItsOwn() {
        Client customer = track(Client.hello(stack.gatewayPort, tokens.newCustomer().path("token").asString(), Map.of()));
        String someoneElse = tokens.newCustomer().path("token").asString();

        String mismatch = customer.send("auth", Map.of("token", someoneElse));
        String invalid = customer.send("auth", Map.of("token", "not-a-token"));

        assertThat(customer.awaitFrame(frame -> mismatch.equals(frame.path("ref").asString(null))).path("code").asString())
                .isEqualTo("auth.mismatch");
        assertThat(customer.awaitFrame(frame -> invalid.equals(frame.path("ref").asString(null))).path("code").asString())
                .isEqualTo("auth.invalid");
        assertThat(customer.call("ping", Map.of()).isObject()).isTrue();
    }

    private Client track(Client client) {
        clients.add(client);
        return client;
    }

    /** What the widget does on a page load: a new session with its visitor token, for the same customer. */
    private static JsonNode renew(String visitorToken) {
        try {
            var response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + stack.servicePort + "/api/v1/widget/sessions"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.createObjectNode().put("inboxKey", Cast.INBOX_KEY)
                            .put("visitorToken", visitorToken).toString())).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            return JSON.readTree(response.body());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
