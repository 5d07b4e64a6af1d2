package dev.parley.system.faults;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.UUID;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The suite's cast and conversation-service's HTTP API as clients call it: inbox {@link #INBOX_KEY}
 * (any origin, no bot) routing to department Support, where agent Bob works; customers get their
 * tokens from the widget-session endpoint and open conversations over HTTP before their sockets
 * connect, so every event a customer's socket sees is of a conversation it knows.
 */
final class Api {

    static final UUID SUPPORT = UUID.fromString("00000000-0000-0000-0000-0000000fa001");
    static final UUID INBOX = UUID.fromString("00000000-0000-0000-0000-0000000fa0b0");
    static final String INBOX_KEY = "faults-widget-key";
    static final UUID BOB = UUID.fromString("00000000-0000-0000-0000-0000000fab0b");
    static final String BOB_EMAIL = "bob@faults.example";
    static final String BOB_PASSWORD = "bob-fault-tolerant-staple";
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String base;

    Api(String base) {
        this.base = base;
    }

    /** The cast, in the service's (migrated) database. Bob holds any number of conversations: he answers the whole load. */
    static void seed(Connection connection) throws SQLException {
        try (connection) {
            try (var statement = connection.prepareStatement("INSERT INTO department (id, name, created_at) VALUES (?, 'Support', now())")) {
                statement.setObject(1, SUPPORT);
                statement.executeUpdate();
            }
            try (var statement = connection.prepareStatement("""
                    INSERT INTO inbox (id, name, public_key, allowed_origins, hmac_secret, default_department_id, created_at)
                    VALUES (?, 'Faults', ?, '{}', 'faults-hmac-secret', ?, now())""")) {
                statement.setObject(1, INBOX);
                statement.setString(2, INBOX_KEY);
                statement.setObject(3, SUPPORT);
                statement.executeUpdate();
            }
            try (var statement = connection.prepareStatement("""
                    INSERT INTO agent (id, name, email, role, max_concurrent, status_changed_at, created_at)
                    VALUES (?, 'Bob', ?, 'AGENT', 100000, now(), now())""")) {
                statement.setObject(1, BOB);
                statement.setString(2, BOB_EMAIL);
                statement.executeUpdate();
            }
            try (var statement = connection.prepareStatement("INSERT INTO agent_department (agent_id, department_id) VALUES (?, ?)")) {
                statement.setObject(1, BOB);
                statement.setObject(2, SUPPORT);
                statement.executeUpdate();
            }
            try (var statement = connection.prepareStatement(
                    "INSERT INTO agent_password (agent_id, password_hash, changed_at) VALUES (?, ?, now())")) {
                statement.setObject(1, BOB);
                statement.setString(2, new BCryptPasswordEncoder(4).encode(BOB_PASSWORD));
                statement.executeUpdate();
            }
        }
    }

    /** A new visitor: {token, customerId}. */
    JsonNode newCustomer() {
        return post("/api/v1/widget/sessions", null, "{\"inboxKey\":\"" + INBOX_KEY + "\"}");
    }

    String bobToken() {
        return post("/api/v1/auth/login", null, "{\"email\":\"" + BOB_EMAIL + "\",\"password\":\"" + BOB_PASSWORD + "\"}")
                .path("accessToken").asString();
    }

    /** Starts a conversation as the customer; returns its id. */
    String startConversation(String customerToken) {
        return post("/api/v1/conversations", customerToken, "{}").path("id").asString();
    }

    void join(String agentToken, String conversationId) {
        post("/api/v1/conversations/" + conversationId + "/join", agentToken, "");
    }

    JsonNode post(String path, String token, String body) {
        HttpResponse<String> response = send(path, token, body, "application/json");
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException(path + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(response.body());
    }

    HttpResponse<String> send(String path, String token, String body, String contentType) {
        var request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(path + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
