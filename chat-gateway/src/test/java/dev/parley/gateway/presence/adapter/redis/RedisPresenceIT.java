package dev.parley.gateway.presence.adapter.redis;

import dev.parley.gateway.presence.application.Presence;
import dev.parley.gateway.presence.application.PresenceContract;
import dev.parley.testsupport.RealInfrastructure;
import dev.parley.testsupport.TestRedis;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

/** Each {@link #presence()} is a new adapter, as on another node, over one Redis key prefix. */
@RealInfrastructure
class RedisPresenceIT extends PresenceContract {

    private static LettuceConnectionFactory connections;
    private static String prefix;

    @BeforeAll
    static void connect(TestRedis redis) {
        connections = new LettuceConnectionFactory(new RedisStandaloneConfiguration(redis.host(), redis.port()));
        connections.afterPropertiesSet();
        connections.start();
        prefix = redis.keyPrefix() + "presence:";
    }

    @AfterAll
    static void disconnect() {
        connections.destroy();
    }

    @Override
    protected Presence presence() {
        return new RedisPresence(connections, prefix, Duration.ofMinutes(5));
    }
}
