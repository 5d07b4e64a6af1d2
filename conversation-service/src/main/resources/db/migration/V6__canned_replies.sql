-- Canned replies: an agent types /shortcut and gets the text with the conversation's variables filled.
-- Team replies belong to a department (or to everyone when department_id is NULL); personal ones to one agent.
CREATE TABLE canned_reply (
    id            UUID PRIMARY KEY,
    shortcut      TEXT        NOT NULL CHECK (shortcut ~ '^[a-z0-9][a-z0-9_-]{0,39}$'),
    body          TEXT        NOT NULL,
    owner_id      UUID REFERENCES agent (id) ON DELETE CASCADE,
    department_id UUID REFERENCES department (id) ON DELETE CASCADE,
    created_at    TIMESTAMPTZ NOT NULL,
    CHECK (owner_id IS NULL OR department_id IS NULL)
);
-- One shortcut per scope: per agent, per department, and once globally.
CREATE UNIQUE INDEX canned_reply_personal ON canned_reply (owner_id, shortcut) WHERE owner_id IS NOT NULL;
CREATE UNIQUE INDEX canned_reply_team ON canned_reply (department_id, shortcut) WHERE department_id IS NOT NULL;
CREATE UNIQUE INDEX canned_reply_global ON canned_reply (shortcut) WHERE owner_id IS NULL AND department_id IS NULL;
