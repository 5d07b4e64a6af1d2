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

    /** A GET with the caller's bearer token. */
    HttpResponse<String> get(String path, String token) {
        return send(HttpRequest.newBuilder(URI.create(suite.url(path))).header("Authorization", "Bearer " + token)
                .GET().build());
    }

    /** The bytes at a path, without a token (signed attachment links need none). */
    HttpResponse<byte[]> bytes(String path) {
        return send(HttpRequest.newBuilder(URI.create(suite.url(path))).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** A JSON POST with the caller's bearer token, answered 200 or 201: its body. */
    JsonNode post(String path, String token, String body) {
        return ok(send(HttpRequest.newBuilder(URI.create(suite.url(path)))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .header("Origin", suite.origin())
                .POST(HttpRequest.BodyPublishers.ofString(body)).build()), path);
    }

    /** A file uploaded as the widget uploads it: multipart, the file as the part named {@code file}. */
    JsonNode upload(String path, String token, String fileName, String contentType, byte[] content) {
        String boundary = "parley-test-boundary";
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: " + contentType + "\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        var body = new java.io.ByteArrayOutputStream();
        body.writeBytes(head);
        body.writeBytes(content);
        body.writeBytes(tail);
        return ok(send(HttpRequest.newBuilder(URI.create(suite.url(path)))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header("Origin", suite.origin())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build()), path);
    }

    static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    private static JsonNode ok(HttpResponse<String> response, String path) {
        if (response.statusCode() != 200 && response.statusCode() != 201) {
            throw new AssertionError("POST " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }

    private static HttpResponse<String> send(HttpRequest request) {
        return send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
        try {
            return CLIENT.send(request, handler);
        } catch (IOException e) {
            throw new IllegalStateException(request.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
