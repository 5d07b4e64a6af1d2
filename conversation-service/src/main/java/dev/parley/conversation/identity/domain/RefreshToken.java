package dev.parley.conversation.identity.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * One refresh token of a login. Every use rotates it: it is marked rotated and a successor of
 * the same {@code familyId} is issued. A rotated token presented again means two parties hold
 * the family (a stolen token), so the whole family is revoked and both must log in again.
 */
public record RefreshToken(UUID id, UUID familyId, UUID agentId, Instant expiresAt,
                           Optional<Instant> rotatedAt, Optional<Instant> revokedAt) {

    public RefreshToken {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(familyId, "familyId");
        Objects.requireNonNull(agentId, "agentId");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(rotatedAt, "rotatedAt");
        Objects.requireNonNull(revokedAt, "revokedAt");
    }

    /** What presenting this token at {@code now} amounts to. */
    public Use use(Instant now) {
        if (revokedAt.isPresent()) {
            return Use.REVOKED;
        }
        if (rotatedAt.isPresent()) {
            return Use.REUSED;
        }
        return now.isBefore(expiresAt) ? Use.VALID : Use.EXPIRED;
    }

    public enum Use {
        /** May be exchanged for a successor. */
        VALID,
        EXPIRED,
        /** Its family was logged out or caught being reused. */
        REVOKED,
        /** Already exchanged once: the family is compromised. */
        REUSED
    }
}
