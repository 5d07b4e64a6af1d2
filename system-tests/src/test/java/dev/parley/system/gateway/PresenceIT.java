package dev.parley.system.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.parley.testsupport.RealInfrastructure;
import dev.parley.testsupport.TestDatabase;
import dev.parley.testsupport.TestKafka;
import dev.parley.testsupport.TestRedis;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Presence across two gateway nodes: agents see their customers come and go, ask for last seen,
 * and an agent left without sockets is reported OFFLINE to conversation-service after the grace.
 */
@RealInfrastructure
class PresenceIT {

    private static Stack stack;
    private static Tokens tokens;
    private static TestDatabase db;
    private final List<Client> clients = new ArrayList<>();

    @BeforeAll
    static void start(TestDatabase database, TestKafka kafka, TestRedis redis) {
        stack = Stack.start(database, kafka, redis, "parley.gateway.presence.grace=1s",
                "parley.gateway.presence.sweep-interval=200ms");
        Cast.seed(database);
        tokens = new Tokens(stack.servicePort);
        db = database;
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

    private Client track(Client client) {
        clients.add(client);
        return client;
    }

    @Test
    void bobSeesHisCustomerComeAndGoAcrossNodesAndAsksForTheirLastSeen() {
        JsonNode visitor = tokens.newCustomer();
        UUID customerId = UUID.fromString(visitor.path("customerId").asString());
        Client customer = track(Client.hello(stack.gatewayPort, visitor.path("token").asString(), Map.of()));
        Client bob = track(Client.hello(stack.otherGatewayPort, tokens.bob(), Map.of()));
        UUID conversationId = UUID.fromString(customer.call("conversation.start", Map.of()).path("id").asString());
        bob.call("conversation.join", Map.of("conversationId", conversationId));

        customer.close();
        JsonNode gone = bob.awaitFrame(frame -> isPresence(frame, customerId, false));
        assertThat(gone.path("lastSeenAt").asString()).isNotBlank();
        JsonNode asked = bob.call("presence.get", Map.of("conversationId", conversationId,
                "userIds", List.of(customerId.toString())));
        assertThat(asked.path("presence").get(0).path("online").asBoolean()).isFalse();
        assertThat(asked.path("presence").get(0).path("lastSeenAt").asString()).isEqualTo(gone.path("lastSeenAt").asString());

        Client back = track(Client.hello(stack.otherGatewayPort, visitor.path("token").asString(), Map.of()));
        bob.awaitFrame(frame -> isPresence(frame, customerId, true));
        assertThat(bob.call("presence.get", Map.of("conversationId", conversationId, "userIds", List.of(customerId.toString())))
                .path("presence").get(0).path("online").asBoolean()).isTrue();
        assertThat(back.frames).noneMatch(frame -> "presence".equals(Client.type(frame)));
    }

    /**
     * Issue 15, defect 4: {@code presence.get} answered about any user id, so an agent could watch
     * any customer come and go. Only the participants of a conversation the agent may read are answered.
     */
    @Test
    void anAgentIsAnsweredOnlyAboutTheParticipantsOfTheConversationAsked() {
        JsonNode visitor = tokens.newCustomer();
        UUID customerId = UUID.fromString(visitor.path("customerId").asString());
        JsonNode stranger = tokens.newCustomer();
        UUID strangerId = UUID.fromString(stranger.path("customerId").asString());
        Client customer = track(Client.hello(stack.gatewayPort, visitor.path("token").asString(), Map.of()));
        track(Client.hello(stack.otherGatewayPort, stranger.path("token").asString(), Map.of()));
        Client bob = track(Client.hello(stack.otherGatewayPort, tokens.bob(), Map.of()));
        UUID conversationId = UUID.fromString(customer.call("conversation.start", Map.of()).path("id").asString());
        bob.call("conversation.join", Map.of("conversationId", conversationId));

        JsonNode asked = bob.call("presence.get", Map.of("conversationId", conversationId,
                "userIds", List.of(strangerId.toString(), customerId.toString())));

        assertThat(asked.path("presence")).hasSize(1);
        assertThat(asked.path("presence").get(0).path("userId").asString()).isEqualTo(customerId.toString());
        assertThat(asked.path("presence").get(0).path("online").asBoolean()).isTrue();
    }

    @Test
    void presenceOutsideAConversationOrInOneTheAgentMayNotReadIsRefused() {
        Client bob = track(Client.hello(stack.gatewayPort, tokens.bob(), Map.of()));

        String withoutConversation = bob.send("presence.get", Map.of("userIds", List.of(Cast.BOB.toString())));
        String unknownConversation = bob.send("presence.get", Map.of("conversationId", UUID.randomUUID(),
                "userIds", List.of(Cast.BOB.toString())));

        assertThat(bob.awaitFrame(frame -> withoutConversation.equals(frame.path("ref").asString(null)))
                .path("code").asString()).isEqualTo("frame.invalid");
        JsonNode refused = bob.awaitFrame(frame -> unknownConversation.equals(frame.path("ref").asString(null)));
        assertThat(Client.type(refused)).isEqualTo("error");
        assertThat(refused.path("code").asString()).startsWith("conversation.");
    }

    @Test
    void aCustomerMayNotAskForPresenceAndBadUserIdsAreRefused() {
        Client customer = track(Client.hello(stack.gatewayPort, tokens.newCustomer().path("token").asString(), Map.of()));
        Client bob = track(Client.hello(stack.gatewayPort, tokens.bob(), Map.of()));

        String refused = customer.send("presence.get", Map.of("userIds", List.of(Cast.BOB.toString())));
        String invalid = bob.send("presence.get", Map.of("userIds", List.of("not-a-uuid")));

        assertThat(customer.awaitFrame(frame -> refused.equals(frame.path("ref").asString(null))).path("code").asString())
                .isEqualTo("presence.forbidden");
        assertThat(bob.awaitFrame(frame -> invalid.equals(frame.path("ref").asString(null))).path("code").asString())
                .isEqualTo("frame.invalid");
    }

    @Test
    void anAgentWhoseLastSocketOnAnyNodeClosedIsReportedOfflineAfterTheGrace() {
        Client first = track(Client.hello(stack.gatewayPort, tokens.bob(), Map.of()));
        Client second = track(Client.hello(stack.otherGatewayPort, tokens.bob(), Map.of()));
        first.call("agent.status", Map.of("status", "ONLINE"));
        assertThat(status(Cast.BOB)).isEqualTo("ONLINE");

        first.close();
        second.close();

        await().atMost(Client.PATIENCE).until(() -> "OFFLINE".equals(status(Cast.BOB)));
    }

    private static boolean isPresence(JsonNode frame, UUID userId, boolean online) {
        return "presence".equals(Client.type(frame)) && userId.toString().equals(frame.path("userId").asString(null))
                && frame.path("online").asBoolean() == online;
    }

    private static String status(UUID agentId) {
        return status(db, agentId);
    }

    /** The agent's status as conversation-service stored it. */
    static String status(TestDatabase database, UUID agentId) {
        try (var connection = database.openConnection();
             var statement = connection.prepareStatement("SELECT status FROM agent WHERE id = ?")) {
            statement.setObject(1, agentId);
            try (var rows = statement.executeQuery()) {
                return rows.next() ? rows.getString(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
