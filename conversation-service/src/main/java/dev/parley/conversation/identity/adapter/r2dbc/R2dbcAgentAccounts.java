package dev.parley.conversation.identity.adapter.r2dbc;

import dev.parley.conversation.identity.application.AgentAccounts;
import dev.parley.conversation.identity.domain.AgentCredentials;
import dev.parley.conversation.identity.domain.Caller;
import io.r2dbc.spi.Readable;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/** The agent table, with the password hashes kept beside it in agent_password. */
public final class R2dbcAgentAccounts implements AgentAccounts {

    /** A deactivated agent is, to authentication, no agent: no login, no refresh, no OIDC sign-in. */
    private static final String SELECT_CREDENTIALS = """
            SELECT a.id, a.role, p.password_hash
            FROM agent a LEFT JOIN agent_password p ON p.agent_id = a.id
            WHERE a.deactivated_at IS NULL AND\s""";
    /**
     * Serializes first-admin creation across instances: without it, two instances configured with
     * different emails could each see "no admin yet" and both insert one. Any constant unique to
     * this purpose works: "parley" in ASCII, then 01.
     */
    private static final long BOOTSTRAP_LOCK = 0x7061726c6579_01L;

    private final DatabaseClient db;
    private final TransactionalOperator transactions;
    private final Clock clock;

    public R2dbcAgentAccounts(DatabaseClient db, TransactionalOperator transactions, Clock clock) {
        this.db = db;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public Mono<AgentCredentials> findByEmail(String email) {
        return db.sql(SELECT_CREDENTIALS + "lower(a.email) = lower(:email)")
                .bind("email", email)
                .map(R2dbcAgentAccounts::credentials)
                .one();
    }

    @Override
    public Mono<AgentCredentials> findById(UUID agentId) {
        return db.sql(SELECT_CREDENTIALS + "a.id = :id")
                .bind("id", agentId)
                .map(R2dbcAgentAccounts::credentials)
                .one();
    }

    @Override
    public Mono<Void> setPasswordHash(UUID agentId, String passwordHash) {
        return db.sql("""
                        INSERT INTO agent_password (agent_id, password_hash, changed_at) VALUES (:id, :hash, :now)
                        ON CONFLICT (agent_id) DO UPDATE SET password_hash = excluded.password_hash, changed_at = excluded.changed_at""")
                .bind("id", agentId)
                .bind("hash", passwordHash)
                .bind("now", clock.instant())
                .then();
    }

    @Override
    public Mono<UUID> createFirstAdmin(String email, String name, String passwordHash) {
        Instant now = clock.instant();
        Mono<UUID> create = db.sql("""
                        WITH created AS (
                            INSERT INTO agent (id, name, email, role, status_changed_at, created_at)
                            SELECT :id, :name, :email, 'ADMIN', :now, :now
                            WHERE NOT EXISTS (SELECT 1 FROM agent WHERE role = 'ADMIN')
                            ON CONFLICT DO NOTHING
                            RETURNING id)
                        INSERT INTO agent_password (agent_id, password_hash, changed_at)
                        SELECT id, :hash, :now FROM created
                        RETURNING agent_id""")
                .bind("id", UUID.randomUUID())
                .bind("name", name)
                .bind("email", email)
                .bind("now", now)
                .bind("hash", passwordHash)
                .map((row, meta) -> row.get("agent_id", UUID.class))
                .one();
        return transactions.transactional(db.sql("SELECT pg_advisory_xact_lock(:lock)")
                .bind("lock", BOOTSTRAP_LOCK).then().then(create));
    }

    private static AgentCredentials credentials(Readable row, Object meta) {
        return new AgentCredentials(row.get("id", UUID.class),
                Caller.AgentRole.valueOf(row.get("role", String.class)),
                Optional.ofNullable(row.get("password_hash", String.class)));
    }
}
