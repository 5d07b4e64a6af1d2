package dev.parley.conversation.identity.adapter.memory;

import dev.parley.conversation.identity.application.RefreshTokens;
import dev.parley.conversation.identity.domain.RefreshToken;
import dev.parley.conversation.shared.adapter.memory.MemoryDatabase;
import dev.parley.conversation.shared.adapter.memory.MemoryTransaction;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import reactor.core.publisher.Mono;

/** Refresh tokens in memory, found by the hash of their secret. */
public final class MemoryRefreshTokens implements RefreshTokens {

    /** A stored token; {@code hash} is hex, so rows compare by value. */
    public record TokenRow(RefreshToken token, String hash, Instant issuedAt) {
    }

    public static final MemoryDatabase.Table<UUID, TokenRow> TOKENS = new MemoryDatabase.Table<>("refresh_token");

    private final MemoryDatabase db;
    private final Clock clock;

    public MemoryRefreshTokens(MemoryDatabase db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    @Override
    public Mono<Void> save(RefreshToken token, byte[] secretHash) {
        return db.statement(tx -> {
            insert(tx, token, secretHash);
            return null;
        });
    }

    @Override
    public Mono<RefreshToken> findByHash(byte[] secretHash) {
        String hash = HexFormat.of().formatHex(secretHash);
        return db.statement(tx -> db.table(TOKENS).where(row -> row.hash().equals(hash)).stream().findFirst()
                .map(TokenRow::token).orElse(null));
    }

    @Override
    public Mono<Boolean> rotate(RefreshToken used, Instant at, RefreshToken successor, byte[] successorHash) {
        return db.statement(tx -> {
            RefreshToken current = db.table(TOKENS).get(used.id()).map(TokenRow::token).orElse(null);
            if (current == null || current.rotatedAt().isPresent() || current.revokedAt().isPresent()) {
                return false;
            }
            db.table(TOKENS).update(tx, used.id(), row -> new TokenRow(new RefreshToken(current.id(), current.familyId(),
                    current.agentId(), current.expiresAt(), Optional.of(at), current.revokedAt()), row.hash(), row.issuedAt()));
            insert(tx, successor, successorHash);
            return true;
        });
    }

    @Override
    public Mono<Void> revokeFamily(UUID familyId, Instant at) {
        return revokeWhere(token -> token.familyId().equals(familyId), at);
    }

    @Override
    public Mono<Void> revokeAll(UUID agentId, Instant at) {
        return revokeWhere(token -> token.agentId().equals(agentId), at);
    }

    @Override
    public Mono<Void> deleteExpired(UUID agentId, Instant now) {
        return db.statement(tx -> {
            db.table(TOKENS).where(row -> row.token().agentId().equals(agentId) && row.token().expiresAt().isBefore(now))
                    .forEach(row -> db.table(TOKENS).remove(tx, row.token().id()));
            return null;
        });
    }

    private Mono<Void> revokeWhere(Predicate<RefreshToken> which, Instant at) {
        return db.statement(tx -> {
            db.table(TOKENS).where(row -> which.test(row.token()) && row.token().revokedAt().isEmpty()).forEach(row -> {
                RefreshToken t = row.token();
                db.table(TOKENS).put(tx, t.id(), new TokenRow(new RefreshToken(t.id(), t.familyId(), t.agentId(),
                        t.expiresAt(), t.rotatedAt(), Optional.of(at)), row.hash(), row.issuedAt()));
            });
            return null;
        });
    }

    private void insert(MemoryTransaction tx, RefreshToken token, byte[] secretHash) {
        String hash = HexFormat.of().formatHex(secretHash);
        if (db.table(TOKENS).contains(token.id()) || !db.table(TOKENS).where(row -> row.hash().equals(hash)).isEmpty()) {
            throw new IllegalStateException("refresh token " + token.id() + " violates a unique key");
        }
        db.table(TOKENS).put(tx, token.id(), new TokenRow(new RefreshToken(token.id(), token.familyId(), token.agentId(),
                token.expiresAt(), Optional.empty(), Optional.empty()), hash, clock.instant()));
    }
}
