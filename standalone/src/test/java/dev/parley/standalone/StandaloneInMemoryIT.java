package dev.parley.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.testsupport.http.ActuatorProbe;
import org.junit.jupiter.api.Test;
import io.r2dbc.spi.ConnectionFactory;
import org.springframework.core.env.Environment;
import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;

/** A first start with nothing installed: no database, no Redis, ready, with the demo. */
class StandaloneInMemoryIT {

    @Test
    void startsWithoutADatabaseOrRedis() {
        try (var suite = Suite.inMemory()) {
            assertThat(suite.bean(Environment.class).getProperty("parley.conversation.store")).isEqualTo("memory");
            assertThat(suite.has(ConnectionFactory.class)).as("no database connection").isFalse();
            assertThat(suite.has(ReactiveRedisConnectionFactory.class)).as("no Redis connection").isFalse();
            assertThat(ActuatorProbe.onLocalPort(suite.port).health("readiness").healthStatus()).isEqualTo("UP");
            assertThat(suite.demo().agents()).hasSize(2).allSatisfy(agent -> assertThat(agent.newPassword()).isPresent());
        }
    }
}
