package dev.parley.system.gateway;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Tokens got the way clients get them: the widget's session endpoint and the agents' login. */
final class Tokens {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final int servicePort;

    Tokens(int servicePort) {
        this.servicePort = servicePort;
    }

    /** A new visitor of the cast's inbox: {token, customerId}. */
    JsonNode newCustomer() {
        return post("/api/v1/widget/sessions", "{\"inboxKey\":\"" + Cast.INBOX_KEY + "\"}");
    }

    String bob() {
        return login(Cast.BOB_EMAIL, Cast.BOB_PASSWORD);
    }

    String login(String email, String password) {
        return post("/api/v1/auth/login", "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}")
                .path("accessToken").asString();
    }

    private JsonNode post(String path, String body) {
        try {
            var response = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + servicePort + path))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(path + " answered " + response.statusCode() + ": " + response.body());
            }
            return JSON.readTree(response.body());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
