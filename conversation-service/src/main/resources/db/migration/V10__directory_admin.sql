-- Admin screens (docs/architecture.md, "Directory administration").

-- How a department's queue is assigned, as data the admin sets, read by the assignment worker.
-- skills_fallback_seconds: under SKILLS, how long a conversation waits for its own department before
-- anyone may take it; NULL keeps the worker's parley.assignment.skills-fallback-after.
ALTER TABLE department
    ADD COLUMN routing_strategy        TEXT NOT NULL DEFAULT 'LEAST_BUSY'
        CHECK (routing_strategy IN ('LEAST_BUSY', 'ROUND_ROBIN', 'SKILLS')),
    ADD COLUMN skills_fallback_seconds INT CHECK (skills_fallback_seconds >= 0);

-- What the widget shows; NULL means the widget's own default.
ALTER TABLE inbox
    ADD COLUMN widget_title     TEXT,
    ADD COLUMN widget_colour    TEXT,
    ADD COLUMN greeting         TEXT,
    ADD COLUMN pre_chat_enabled BOOLEAN NOT NULL DEFAULT FALSE;

-- A deactivated agent cannot sign in, is OFFLINE and gets no conversations; the row stays so
-- history keeps its author.
ALTER TABLE agent ADD COLUMN deactivated_at TIMESTAMPTZ;

-- One-time links an admin hands to an agent (an invitation, a password reset); following one sets
-- the password. Only the SHA-256 of the token is kept; a link is spent once, or when a newer link
-- of the agent is made.
CREATE TABLE agent_link (
    token_hash BYTEA PRIMARY KEY,
    agent_id   UUID        NOT NULL REFERENCES agent (id) ON DELETE CASCADE,
    purpose    TEXT        NOT NULL CHECK (purpose IN ('INVITE', 'RESET')),
    created_at TIMESTAMPTZ NOT NULL,
    expires_at TIMESTAMPTZ NOT NULL,
    used_at    TIMESTAMPTZ
);
CREATE INDEX agent_link_by_agent ON agent_link (agent_id);
