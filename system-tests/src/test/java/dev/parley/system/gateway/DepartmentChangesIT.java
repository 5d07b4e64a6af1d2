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
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import tools.jackson.databind.JsonNode;

/**
 * Issue 15, defect 4: an agent's departments were read at the hello (and at {@code auth}) only, so
 * an agent an admin removed from a department kept receiving its traffic on the open socket. Now
 * conversation-service records {@code agent.departments_changed} and the gateway applies it to
 * the agent's sockets on whichever node they are.
 */
@RealInfrastructure
class DepartmentChangesIT {

    private static final UUID ADA = UUID.fromString("00000000-0000-0000-0000-0000000000ad");
    private static final String ADA_EMAIL = "ada@parley.example";
    private static final String ADA_PASSWORD = "ada-correct-horse";

    private static Stack stack;
    private static Tokens tokens;
    private static TestDatabase db;
    private final List<Client> clients = new ArrayList<>();

    @BeforeAll
    static void start(TestDatabase database, TestKafka kafka, TestRedis redis) {
        stack = Stack.start(database, kafka, redis);
        Cast.seed(database);
        seedAda(database);
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
    void closeClientsAndPutBobBack() {
        clients.forEach(Client::close);
        Cast.seed(db);
    }

    private Client track(Client client) {
        clients.add(client);
        return client;
    }

    @Test
    void anAgentRemovedFromADepartmentStopsReceivingItsTrafficWithoutReconnecting() {
        // on one node with Ada: an event for both is queued on both sockets at once (see the ping below)
        Client bob = track(Client.hello(stack.gatewayPort, tokens.bob(), Map.of()));
        String adaToken = tokens.login(ADA_EMAIL, ADA_PASSWORD);
        Client ada = track(Client.hello(stack.gatewayPort, adaToken, Map.of()));
        UUID before = startConversation();
        bob.awaitFrame(frame -> isEvent(frame, "conversation.queued", before));

        editAgent(adaToken, Cast.BOB, List.of());
        JsonNode changed = bob.awaitFrame(frame -> isEvent(frame, "agent.departments_changed", null));
        assertThat(changed.path("event").path("data").path("departmentIds")).isEmpty();

        UUID after = startConversation();
        ada.awaitFrame(frame -> isEvent(frame, "conversation.queued", after));
        ada.call("conversation.join", Map.of("conversationId", after));
        ada.call("message.send", Client.message(after, "checking this one", "NOTE"));
        ada.awaitFrame(frame -> isEvent(frame, "message.created", after));
        // Bob's socket answers in order: whatever was queued for him before this ack has arrived by then
        bob.call("ping", Map.of());
        assertThat(bob.events()).as("Bob's events about the conversation queued after his removal")
                .noneMatch(event -> after.toString().equals(event.path("conversationId").asString(null)));
    }

    private static boolean isEvent(JsonNode frame, String type, UUID conversationId) {
        JsonNode event = frame.path("event");
        return "event".equals(Client.type(frame)) && type.equals(event.path("type").asString(null))
                && (conversationId == null || conversationId.toString().equals(event.path("conversationId").asString(null)));
    }

    /** A visitor's conversation, queued in Support (the cast's inbox has no bot). */
    private UUID startConversation() {
        Client customer = track(Client.hello(stack.gatewayPort, tokens.newCustomer().path("token").asString(), Map.of()));
        UUID id = UUID.fromString(customer.call("conversation.start", Map.of()).path("id").asString());
        customer.call("message.send", Client.message(id, "hello?", "TEXT"));
        return id;
    }

    /** As the admin screens do: PUT the agent with their new departments. */
    private static void editAgent(String adminToken, UUID agentId, List<UUID> departments) {
        String body = "{\"name\":\"Bob\",\"role\":\"AGENT\",\"maxConcurrent\":50,\"departmentIds\":"
                + departments.stream().map(id -> "\"" + id + "\"").toList() + "}";
        try {
            var response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + stack.servicePort + "/api/v1/admin/agents/" + agentId))
                    .header("Authorization", "Bearer " + adminToken).header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Ada, an admin in Support: she edits Bob and keeps receiving Support's traffic. */
    private static void seedAda(TestDatabase database) {
        Timestamp now = Timestamp.from(Instant.now());
        try (var connection = database.openConnection()) {
            try (var statement = connection.prepareStatement("""
                    INSERT INTO agent (id, name, email, role, max_concurrent, status_changed_at, created_at)
                    VALUES (?, 'Ada', ?, 'ADMIN', 50, ?, ?) ON CONFLICT DO NOTHING""")) {
                statement.setObject(1, ADA);
                statement.setString(2, ADA_EMAIL);
                statement.setTimestamp(3, now);
                statement.setTimestamp(4, now);
                statement.executeUpdate();
            }
            try (var statement = connection.prepareStatement(
                    "INSERT INTO agent_department (agent_id, department_id) VALUES (?, ?) ON CONFLICT DO NOTHING")) {
                statement.setObject(1, ADA);
                statement.setObject(2, Cast.SUPPORT);
                statement.executeUpdate();
            }
            try (var statement = connection.prepareStatement(
                    "INSERT INTO agent_password (agent_id, password_hash, changed_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING")) {
                statement.setObject(1, ADA);
                statement.setString(2, new BCryptPasswordEncoder(4).encode(ADA_PASSWORD));
                statement.setTimestamp(3, now);
                statement.executeUpdate();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not seed Ada", e);
        }
    }
}
