package dev.parley.conversation.identity.application;

import dev.parley.conversation.identity.domain.RefreshToken;
import java.time.Instant;
import java.util.UUID;
import reactor.core.publisher.Mono;

/** Stored refresh tokens, by the SHA-256 of their secret (the secret itself is never stored). */
public interface RefreshTokens {

    Mono<Void> save(RefreshToken token, byte[] secretHash);

    Mono<RefreshToken> findByHash(byte[] secretHash);

    /**
     * Marks {@code used} rotated and saves {@code successor}, in one transaction, only if
     * {@code used} is still neither rotated nor revoked. {@code false}, changing nothing, when
     * another use got there first: the caller must treat that as reuse.
     */
    Mono<Boolean> rotate(RefreshToken used, Instant at, RefreshToken successor, byte[] successorHash);

    /** Revokes every token of the family that is not revoked yet. */
    Mono<Void> revokeFamily(UUID familyId, Instant at);

    /** Revokes every token of the agent: all their sessions end at their next refresh. */
    Mono<Void> revokeAll(UUID agentId, Instant at);

    /** Forgets the agent's tokens that expired before {@code now}; expired ones are refused anyway. */
    Mono<Void> deleteExpired(UUID agentId, Instant now);
}
