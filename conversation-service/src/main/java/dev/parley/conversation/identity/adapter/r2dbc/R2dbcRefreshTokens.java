package dev.parley.conversation.identity.adapter.r2dbc;

import dev.parley.conversation.identity.application.RefreshTokens;
import dev.parley.conversation.identity.domain.RefreshToken;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/** The refresh_token table. */
public final class R2dbcRefreshTokens implements RefreshTokens {

    private final DatabaseClient db;
    private final TransactionalOperator transactions;
    private final Clock clock;

    public R2dbcRefreshTokens(DatabaseClient db, TransactionalOperator transactions, Clock clock) {
        this.db = db;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public Mono<Void> save(RefreshToken token, byte[] secretHash) {
        return db.sql("""
                        INSERT INTO refresh_token (id, family_id, agent_id, token_hash, issued_at, expires_at)
                        VALUES (:id, :family, :agent, :hash, :issued, :expires)""")
                .bind("id", token.id())
                .bind("family", token.familyId())
                .bind("agent", token.agentId())
                .bind("hash", secretHash)
                .bind("issued", clock.instant())
                .bind("expires", token.expiresAt())
                .then();
    }

    @Override
    public Mono<RefreshToken> findByHash(byte[] secretHash) {
        return db.sql("""
                        SELECT id, family_id, agent_id, expires_at, rotated_at, revoked_at
                        FROM refresh_token WHERE token_hash = :hash""")
                .bind("hash", secretHash)
                .map((row, meta) -> new RefreshToken(
                        row.get("id", UUID.class),
                        row.get("family_id", UUID.class),
                        row.get("agent_id", UUID.class),
                        row.get("expires_at", Instant.class),
                        Optional.ofNullable(row.get("rotated_at", Instant.class)),
                        Optional.ofNullable(row.get("revoked_at", Instant.class))))
                .one();
    }

    @Override
    public Mono<Boolean> rotate(RefreshToken used, Instant at, RefreshToken successor, byte[] successorHash) {
        Mono<Boolean> rotation = db.sql("""
                        UPDATE refresh_token SET rotated_at = :at
                        WHERE id = :id AND rotated_at IS NULL AND revoked_at IS NULL""")
                .bind("at", at)
                .bind("id", used.id())
                .fetch()
                .rowsUpdated()
                .flatMap(updated -> updated == 1
                        ? save(successor, successorHash).thenReturn(true)
                        : Mono.just(false));
        return transactions.transactional(rotation);
    }

    @Override
    public Mono<Void> revokeFamily(UUID familyId, Instant at) {
        return db.sql("UPDATE refresh_token SET revoked_at = :at WHERE family_id = :family AND revoked_at IS NULL")
                .bind("at", at)
                .bind("family", familyId)
                .then();
    }

    @Override
    public Mono<Void> revokeAll(UUID agentId, Instant at) {
        return db.sql("UPDATE refresh_token SET revoked_at = :at WHERE agent_id = :agent AND revoked_at IS NULL")
                .bind("at", at)
                .bind("agent", agentId)
                .then();
    }

    @Override
    public Mono<Void> deleteExpired(UUID agentId, Instant now) {
        return db.sql("DELETE FROM refresh_token WHERE agent_id = :agent AND expires_at < :now")
                .bind("agent", agentId)
                .bind("now", now)
                .then();
    }
}
