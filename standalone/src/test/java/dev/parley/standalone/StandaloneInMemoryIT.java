package dev.parley.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.testsupport.http.ActuatorProbe;
import org.junit.jupiter.api.Test;
import org.springframework.core.env.Environment;

/** A first start with nothing installed: in memory, ready, with the demo. */
class StandaloneInMemoryIT {

    @Test
    void startsWithoutADatabaseAndSaysSo() {
        try (var suite = Suite.inMemory()) {
            assertThat(suite.bean(Environment.class).getProperty("parley.conversation.store")).isEqualTo("memory");
            assertThat(ActuatorProbe.onLocalPort(suite.port).health("readiness").healthStatus()).isEqualTo("UP");
            assertThat(suite.demo().agents()).hasSize(2).allSatisfy(agent -> assertThat(agent.newPassword()).isPresent());
        }
    }
}
