package dev.parley.gateway.limits.adapter.redis;

import dev.parley.gateway.limits.application.RateLimits;
import dev.parley.gateway.limits.application.RateLimitsContract;
import dev.parley.testsupport.RealInfrastructure;
import dev.parley.testsupport.TestRedis;
import io.lettuce.core.RedisClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

@RealInfrastructure
class RedisRateLimitsIT extends RateLimitsContract {

    private static RedisClient client;
    private static String prefix;

    @BeforeAll
    static void connect(TestRedis redis) {
        client = RedisClient.create(redis.uri());
        prefix = redis.keyPrefix();
    }

    @AfterAll
    static void disconnect() {
        client.shutdown();
    }

    /** Each node has its own connection, as each gateway node does. */
    @Override
    protected RateLimits newNode() {
        return new RedisRateLimits(client, prefix);
    }
}
