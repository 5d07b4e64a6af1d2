package dev.parley.testsupport;

/**
 * A key namespace on the shared Redis that belongs to one test class: every key the class writes
 * should start with {@link #keyPrefix()} ({@code t:<random>:}). When the class is done
 * ({@link #close()}), every key with that prefix is deleted; keys outside it are never touched.
 *
 * <p>The database index is shared, so commands that span the whole keyspace ({@code FLUSHDB},
 * {@code KEYS *}, {@code DBSIZE}) are not for tests. Make the code under test take the prefix from
 * configuration.
 */
public final class TestRedis implements AutoCloseable {

    private final RedisEndpoint server;
    private final String keyPrefix;
    private boolean closed; // guarded by this

    private TestRedis(RedisEndpoint server, String keyPrefix) {
        this.server = server;
        this.keyPrefix = keyPrefix;
    }

    /** A namespace on a server the test started itself, one it may stop and start again (fault tests). */
    public static TestRedis onOwnServer(String host, int port) {
        return on(RedisEndpoint.of(host, port, "the test's own server"));
    }

    static TestRedis on(RedisEndpoint server) {
        return new TestRedis(server, "t:" + UniqueNames.random(10) + ":");
    }

    /** {@code redis://host:port}. */
    public String uri() {
        return server.uri();
    }

    public String host() {
        return server.host();
    }

    public int port() {
        return server.port();
    }

    /** {@code t:<random>:}, unique to this test class. */
    public String keyPrefix() {
        return keyPrefix;
    }

    /** {@code keyPrefix() + name}. */
    public String key(String name) {
        return keyPrefix + name;
    }

    /** The server this namespace lives on. */
    public RedisEndpoint server() {
        return server;
    }

    /** How many keys currently start with {@link #keyPrefix()} (a SCAN, not for large keyspaces). */
    public long countKeys() {
        return RedisKeys.countWithPrefix(server, keyPrefix);
    }

    /** Deletes every key starting with {@link #keyPrefix()}. Idempotent. */
    @Override
    public synchronized void close() {
        if (!closed) {
            RedisKeys.deleteWithPrefix(server, keyPrefix);
            closed = true;
        }
    }

    @Override
    public String toString() {
        return "TestRedis[" + keyPrefix + "* on " + server + "]";
    }
}
