package dev.parley.bench.infra;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PostgresServerTest {

    @Test
    void backendsAreTheProcessesServingAConnection() {
        assertThat(PostgresServer.isBackend("postgres: postgres parley 127.0.0.1(43512) idle")).isTrue();
        assertThat(PostgresServer.isBackend("postgres: postgres parley 127.0.0.1(43512) INSERT")).isTrue();
        assertThat(PostgresServer.isBackend("postgres: postgres parley [local] idle")).isTrue();
        assertThat(PostgresServer.isBackend("postgres: checkpointer")).isFalse();
        assertThat(PostgresServer.isBackend("postgres: walwriter")).isFalse();
        assertThat(PostgresServer.isBackend("postgres: autovacuum worker parley")).isFalse();
        assertThat(PostgresServer.isBackend("postgres: logical replication launcher")).isFalse();
    }
}
