package dev.parley.testsupport.http;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a running service's actuator over real HTTP, as Kubernetes and Prometheus would. Plain JDK
 * client, so it works for any service whatever its web stack.
 */
public final class ActuatorProbe {

    private static final Pattern STATUS = Pattern.compile("\"status\"\\s*:\\s*\"([A-Z_]+)\"");

    private final URI base;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private ActuatorProbe(URI base) {
        this.base = base;
    }

    public static ActuatorProbe onLocalPort(int port) {
        return new ActuatorProbe(URI.create("http://127.0.0.1:" + port + "/actuator/"));
    }

    /** The reply to {@code GET /actuator/health[/group]}. */
    public Reply health(String group) {
        return get(group.isEmpty() ? "health" : "health/" + group);
    }

    /** The Prometheus exposition text. */
    public Reply prometheus() {
        return get("prometheus");
    }

    private Reply get(String path) {
        try {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(base.resolve(path))
                    .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new IllegalStateException("GET " + base.resolve(path) + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** An HTTP status and body. */
    public record Reply(int status, String body) {

        /** The {@code status} field of a health reply ({@code UP}, {@code DOWN}, ...). */
        public String healthStatus() {
            Matcher matcher = STATUS.matcher(body);
            return matcher.find() ? matcher.group(1) : "(no status in " + body + ")";
        }
    }
}
