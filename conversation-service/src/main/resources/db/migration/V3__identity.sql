-- Authentication (ARCHITECTURE §7): the keys tokens are signed with, agents' passwords, refresh tokens.

-- The keys every instance signs its JWTs with: the first instance creates one, the others load it,
-- and /.well-known/jwks.json publishes the public halves so the gateway and worker verify locally.
-- `material` is the private JWK. With parley.identity.signing-keys.encryption-secret set it is
-- sealed (AES-256-GCM, the kid as associated data), so a database dump or backup alone cannot forge
-- tokens. Without it, it is plaintext and protected only by access to this database, like the rest
-- of its data (inbox HMAC secrets included); the service logs a warning at startup then.
CREATE TABLE signing_key (
    kid        TEXT PRIMARY KEY,
    material   BYTEA       NOT NULL,
    encrypted  BOOLEAN     NOT NULL,
    created_at TIMESTAMPTZ NOT NULL
);

-- Kept apart from agent (the directory): an agent who signs in through OIDC has no row here.
CREATE TABLE agent_password (
    agent_id      UUID PRIMARY KEY REFERENCES agent (id) ON DELETE CASCADE,
    -- BCrypt, with its cost and salt inside the string.
    password_hash TEXT        NOT NULL,
    changed_at    TIMESTAMPTZ NOT NULL
);

-- One row per refresh token ever issued, until it expires. Only the SHA-256 of the secret is kept.
-- A family is one login; each refresh rotates to a new row of the family, and reuse of a rotated
-- row revokes the family.
CREATE TABLE refresh_token (
    id         UUID PRIMARY KEY,
    family_id  UUID        NOT NULL,
    agent_id   UUID        NOT NULL REFERENCES agent (id) ON DELETE CASCADE,
    token_hash BYTEA       NOT NULL UNIQUE,
    issued_at  TIMESTAMPTZ NOT NULL,
    expires_at TIMESTAMPTZ NOT NULL,
    rotated_at TIMESTAMPTZ,
    revoked_at TIMESTAMPTZ
);
CREATE INDEX refresh_token_by_family ON refresh_token (family_id);
CREATE INDEX refresh_token_by_agent ON refresh_token (agent_id);
