package dev.parley.standalone;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Plain HTTP on the suite's port, as the widget's page and the console send it. */
final class Http {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    private final Suite suite;

    Http(Suite suite) {
        this.suite = suite;
    }

    HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(suite.url(path))).GET().build());
    }

    /** A JSON POST from the suite's own page (its Origin), answered 200. */
    JsonNode post(String path, String body) {
        var response = send(HttpRequest.newBuilder(URI.create(suite.url(path)))
                .header("Content-Type", "application/json")
                .header("Origin", suite.origin())
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
        if (response.statusCode() != 200) {
            throw new AssertionError("POST " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }

    /** A new visitor of the demo inbox, as the widget starts one: its token. */
    String widgetSession() {
        return post("/api/v1/widget/sessions", "{\"inboxKey\":\"" + suite.demo().inboxKey() + "\"}").path("token").asString();
    }

    String login(String email, String password) {
        return post("/api/v1/auth/login", JSON.createObjectNode().put("email", email).put("password", password).toString())
                .path("accessToken").asString();
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(request.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
