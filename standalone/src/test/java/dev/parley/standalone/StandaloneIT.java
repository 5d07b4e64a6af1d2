package dev.parley.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.standalone.database.DataDirectoryInUseException;
import dev.parley.standalone.database.EmbeddedDatabase;
import dev.parley.testsupport.http.ActuatorProbe;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.env.Environment;
import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;

/** A first start with nothing installed: an embedded PostgreSQL in a new data directory, no Redis, the demo. */
class StandaloneIT {

    @TempDir
    Path dataDirectory;

    @Test
    void aFirstStartCreatesThePrivateDataDirectoryAndRunsOnItWithoutRedis() throws Exception {
        Path data = dataDirectory.resolve("parley");
        try (var suite = Suite.embedded(data)) {
            assertThat(ActuatorProbe.onLocalPort(suite.port).health("readiness").healthStatus()).isEqualTo("UP");
            assertThat(suite.has(ReactiveRedisConnectionFactory.class)).as("no Redis connection").isFalse();
            var database = suite.bean(EmbeddedDatabase.class);
            assertThat(database.created()).as("initdb ran for this start").isTrue();
            assertThat(database.directory().root()).isEqualTo(data);
            assertThat(data.resolve("postgres").resolve("PG_VERSION")).exists();
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data))).as("its owner's only")
                    .isEqualTo("rwx------");
            assertThat(suite.bean(Environment.class).getProperty("parley.attachments.directory"))
                    .as("uploads kept beside the database").isEqualTo(data.resolve("attachments").toString());
            assertThat(suite.demo().agents()).hasSize(2).allSatisfy(agent -> assertThat(agent.newPassword()).isPresent());
        }
        assertThat(data.resolve("postgres").resolve("postmaster.pid")).as("stopped cleanly").doesNotExist();
    }

    @Test
    void aSecondSuiteOnTheSameDataDirectoryIsRefusedWithTheReasonAndTheFirstCarriesOn() {
        try (var first = Suite.embedded(dataDirectory)) {
            assertThatThrownBy(() -> Suite.embedded(dataDirectory).close())
                    .isInstanceOf(DataDirectoryInUseException.class)
                    .hasMessageContaining("The data directory " + dataDirectory + " is in use by another Parley (")
                    .hasMessageContaining("pid " + ProcessHandle.current().pid())
                    .hasMessageContaining("PARLEY_DATA_DIR");

            assertThat(ActuatorProbe.onLocalPort(first.port).health("readiness").healthStatus()).isEqualTo("UP");
            assertThat(new Http(first).widgetSession()).as("the first still writes to its database").isNotBlank();
        }
    }
}
