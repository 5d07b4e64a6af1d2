package dev.parley.conversation.directory.adapter.r2dbc;

import dev.parley.conversation.directory.application.AgentLinks;
import java.time.Instant;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

/** The agent_link table. */
public final class R2dbcAgentLinks implements AgentLinks {

    private final DatabaseClient db;

    public R2dbcAgentLinks(DatabaseClient db) {
        this.db = db;
    }

    @Override
    public Mono<Void> issue(byte[] tokenHash, UUID agentId, Purpose purpose, Instant at, Instant expiresAt) {
        return db.sql("""
                        WITH spent AS (UPDATE agent_link SET used_at = :at WHERE agent_id = :agent AND used_at IS NULL)
                        INSERT INTO agent_link (token_hash, agent_id, purpose, created_at, expires_at)
                        VALUES (:hash, :agent, :purpose, :at, :expires)""")
                .bind("hash", tokenHash).bind("agent", agentId).bind("purpose", purpose.name())
                .bind("at", at).bind("expires", expiresAt)
                .then();
    }

    @Override
    public Mono<UUID> consume(byte[] tokenHash, Instant now) {
        return db.sql("""
                        UPDATE agent_link SET used_at = :now
                        WHERE token_hash = :hash AND used_at IS NULL AND expires_at > :now
                        RETURNING agent_id""")
                .bind("hash", tokenHash).bind("now", now)
                .map(row -> row.get("agent_id", UUID.class)).one();
    }
}
