package dev.parley.testsupport;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds the Redis server for this JVM: the one named by {@code PARLEY_TEST_REDIS_URL}, else a
 * Testcontainers one, else the local server on 127.0.0.1:6379. A variable that is set but points
 * nowhere is an error, not a reason to quietly test against something else.
 */
final class RedisLocator {

    private static final InfrastructureKind KIND = InfrastructureKind.REDIS;
    private static final int DEFAULT_PORT = 6379;

    private RedisLocator() {
    }

    static Resolution<RedisEndpoint> locate() {
        List<String> attempts = new ArrayList<>();
        String url = System.getenv(KIND.variable());
        if (url != null && !url.isBlank()) {
            try {
                RedisEndpoint endpoint = parse(url.trim());
                Optional<String> noListener = Probes.tcp(endpoint.host(), endpoint.port());
                if (noListener.isEmpty()) {
                    return Resolution.found(endpoint, attempts);
                }
                attempts.add(KIND.variable() + " is set but " + noListener.get());
            } catch (IllegalArgumentException e) {
                attempts.add(KIND.variable() + " is set but unusable: " + Probes.describe(e));
            }
            return Resolution.none(attempts);
        }
        attempts.add(KIND.variable() + " is not set");

        Optional<String> noDocker = DockerEngine.unavailableReason();
        if (noDocker.isEmpty()) {
            try {
                return Resolution.found(Containers.redis(), attempts);
            } catch (RuntimeException e) {
                attempts.add("Testcontainers " + KIND.image() + " did not start: " + Probes.describe(e));
            }
        } else {
            attempts.add(noDocker.get());
        }

        Optional<String> noRedis = Probes.redisPing(Hosts.LOOPBACK, DEFAULT_PORT);
        if (noRedis.isPresent()) {
            attempts.add(noRedis.get());
            return Resolution.none(attempts);
        }
        return Resolution.found(RedisEndpoint.of(Hosts.LOOPBACK, DEFAULT_PORT, "local server"), attempts);
    }

    static RedisEndpoint parse(String url) {
        URI uri = URI.create(url);
        if (!"redis".equals(uri.getScheme()) && !"rediss".equals(uri.getScheme())) {
            throw new IllegalArgumentException("expected redis://host:port, got a '" + uri.getScheme() + "' URL");
        }
        if (uri.getHost() == null) {
            throw new IllegalArgumentException("expected redis://host:port, found no host");
        }
        String host = uri.getHost().startsWith("[") ? uri.getHost().substring(1, uri.getHost().length() - 1) : uri.getHost();
        return new RedisEndpoint(url, host, uri.getPort() < 0 ? DEFAULT_PORT : uri.getPort(), "env " + KIND.variable());
    }
}
