package dev.parley.gateway.routing.adapter.redis;

import dev.parley.gateway.routing.application.Routing;
import dev.parley.gateway.routing.application.RoutingContract;
import dev.parley.testsupport.RealInfrastructure;
import dev.parley.testsupport.TestRedis;
import java.time.Clock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

@RealInfrastructure
class RedisRoutingIT extends RoutingContract {

    private static LettuceConnectionFactory connections;
    private static String prefix;

    @BeforeAll
    static void connect(TestRedis redis) {
        connections = new LettuceConnectionFactory(new RedisStandaloneConfiguration(redis.host(), redis.port()));
        connections.afterPropertiesSet();
        connections.start();
        prefix = redis.keyPrefix();
    }

    @AfterAll
    static void disconnect() {
        connections.destroy();
    }

    @Override
    protected Routing newNode(String nodeId) {
        return new RedisRouting(connections, prefix, nodeId, Clock.systemUTC(), TTL);
    }
}
