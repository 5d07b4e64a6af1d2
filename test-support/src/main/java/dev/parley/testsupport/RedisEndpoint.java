package dev.parley.testsupport;

import java.util.Objects;

/**
 * A Redis server the tests may use, shared by every test class in the JVM. Tests keep to their own
 * keys through a {@link TestRedis} prefix.
 *
 * @param uri    {@code redis://host:port} (with credentials or a database index if it was given so)
 * @param host   host name or address
 * @param port   TCP port
 * @param source where this server came from, for logs
 */
public record RedisEndpoint(String uri, String host, int port, String source) {

    public RedisEndpoint {
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(source, "source");
    }

    static RedisEndpoint of(String host, int port, String source) {
        return new RedisEndpoint("redis://" + Hosts.forUrl(host) + ":" + port, host, port, source);
    }

    @Override
    public String toString() {
        return "RedisEndpoint[" + host + ":" + port + ", from " + source + "]";
    }
}
