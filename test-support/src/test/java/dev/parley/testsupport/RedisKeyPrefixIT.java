package dev.parley.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RedisKeyPrefixIT {

    /** Sample class name -> every key prefix its tests were given. */
    static final Map<String, Set<String>> GIVEN = new ConcurrentHashMap<>();

    private RedisEndpoint server;

    @BeforeEach
    void findServer() {
        server = Infrastructure.redis();
        GIVEN.clear();
    }

    @Test
    void eachClassGetsItsOwnPrefixWhoseKeysAreDeletedAfterTheClass() {
        String outside = "t:outside-" + UniqueNames.random(8) + ":survivor";
        redis(server, commands -> commands.set(outside, "must survive"));
        try {
            SampleRun.runSuccessfully(WritingSample.class, OtherSample.class);

            Set<String> writing = GIVEN.get(WritingSample.class.getSimpleName());
            Set<String> other = GIVEN.get(OtherSample.class.getSimpleName());
            assertThat(writing).as("one prefix shared by all of a class's tests").hasSize(1);
            assertThat(other).hasSize(1);
            assertThat(writing).doesNotContainAnyElementsOf(other);
            String prefix = writing.iterator().next();
            assertThat(prefix).matches("t:[a-z0-9]{10}:");
            assertThat(RedisKeys.countWithPrefix(server, prefix)).as("keys left under " + prefix).isZero();
            String survivor = redis(server, commands -> commands.get(outside));
            assertThat(survivor).isEqualTo("must survive");
        } finally {
            redis(server, commands -> commands.del(outside));
        }
    }

    static <T> T redis(RedisEndpoint server, Function<RedisCommands<String, String>, T> work) {
        RedisClient client = RedisClient.create(server.uri());
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            return work.apply(connection.sync());
        } finally {
            client.shutdown(Duration.ZERO, Duration.ofSeconds(5));
        }
    }

    static void record(Class<?> sample, TestRedis redis) {
        GIVEN.computeIfAbsent(sample.getSimpleName(), key -> ConcurrentHashMap.newKeySet()).add(redis.keyPrefix());
    }

    @RealInfrastructure
    static class WritingSample {

        @Test
        void writesPlainKeys(TestRedis redis) {
            record(WritingSample.class, redis);
            // More keys than one SCAN batch, so cleanup has to follow the cursor.
            redis(redis.server(), commands -> {
                for (int i = 0; i < 1_200; i++) {
                    commands.set(redis.key("conversation:" + i), "open");
                }
                return null;
            });
            assertThat(RedisKeys.countWithPrefix(redis.server(), redis.key("conversation:"))).isEqualTo(1_200);
        }

        @Test
        void writesStructures(TestRedis redis) {
            record(WritingSample.class, redis);
            redis(redis.server(), commands -> commands.hset(redis.key("agent:7"), "status", "online"));
            redis(redis.server(), commands -> commands.sadd(redis.key("queue"), "c1", "c2"));
            Long existing = redis(redis.server(), commands -> commands.exists(redis.key("agent:7")));
            assertThat(existing).isEqualTo(1L);
        }
    }

    @RealInfrastructure
    static class OtherSample {

        @Test
        void seesNoneOfTheOtherClassKeys(TestRedis redis) {
            record(OtherSample.class, redis);
            assertThat(redis.countKeys()).isZero();
            assertThat(redis.uri()).isEqualTo("redis://" + redis.host() + ":" + redis.port());
        }
    }
}
