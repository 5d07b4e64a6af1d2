-- Directory: who and what conversations belong to.
CREATE TABLE department (
    id         UUID PRIMARY KEY,
    name       TEXT        NOT NULL UNIQUE,
    created_at TIMESTAMPTZ NOT NULL
);

-- An inbox is one website's widget.
CREATE TABLE inbox (
    id                    UUID PRIMARY KEY,
    name                  TEXT        NOT NULL,
    public_key            TEXT        NOT NULL UNIQUE,
    allowed_origins       TEXT[]      NOT NULL DEFAULT '{}',
    -- Proves a host site's logged-in user: userHash = HMAC-SHA256(hmac_secret, userId).
    hmac_secret           TEXT        NOT NULL,
    bot_enabled           BOOLEAN     NOT NULL DEFAULT FALSE,
    default_department_id UUID        NOT NULL REFERENCES department (id),
    pre_chat_form         JSONB,
    created_at            TIMESTAMPTZ NOT NULL
);

CREATE TABLE agent (
    id                UUID PRIMARY KEY,
    name              TEXT        NOT NULL,
    email             TEXT        NOT NULL,
    role              TEXT        NOT NULL CHECK (role IN ('AGENT', 'ADMIN')),
    max_concurrent    INT         NOT NULL DEFAULT 3 CHECK (max_concurrent >= 0),
    status            TEXT        NOT NULL DEFAULT 'OFFLINE' CHECK (status IN ('ONLINE', 'AWAY', 'BUSY', 'OFFLINE')),
    status_changed_at TIMESTAMPTZ NOT NULL,
    -- Conversations this agent owns that are not resolved or closed. Kept in step with
    -- conversation.owner_id in the same transactions; assign takes a seat only while
    -- open_count < max_concurrent, which the row lock on the agent makes race-free.
    open_count        INT         NOT NULL DEFAULT 0 CHECK (open_count >= 0),
    created_at        TIMESTAMPTZ NOT NULL
);
CREATE UNIQUE INDEX agent_email ON agent (lower(email));

CREATE TABLE agent_department (
    agent_id      UUID NOT NULL REFERENCES agent (id) ON DELETE CASCADE,
    department_id UUID NOT NULL REFERENCES department (id) ON DELETE CASCADE,
    PRIMARY KEY (agent_id, department_id)
);
CREATE INDEX agent_department_by_department ON agent_department (department_id);

CREATE TABLE customer (
    id           UUID PRIMARY KEY,
    inbox_id     UUID        NOT NULL REFERENCES inbox (id),
    -- Set once the host site proved the user with an HMAC; then the customer is that user on any device.
    external_id  TEXT,
    name         TEXT,
    email        TEXT,
    metadata     JSONB       NOT NULL DEFAULT '{}',
    created_at   TIMESTAMPTZ NOT NULL,
    last_seen_at TIMESTAMPTZ,
    UNIQUE (inbox_id, external_id)
);

-- Conversations and what happens in them.
CREATE TABLE conversation (
    id               UUID PRIMARY KEY,
    inbox_id         UUID        NOT NULL REFERENCES inbox (id),
    customer_id      UUID        NOT NULL REFERENCES customer (id),
    department_id    UUID        NOT NULL REFERENCES department (id),
    status           TEXT        NOT NULL CHECK (status IN ('BOT', 'QUEUED', 'ACTIVE', 'WAITING_ON_CUSTOMER', 'RESOLVED', 'CLOSED')),
    owner_id         UUID REFERENCES agent (id),
    -- The last seq handed out; the next event takes last_seq + 1 under this row's lock.
    last_seq         BIGINT      NOT NULL DEFAULT 0,
    queued_at        TIMESTAMPTZ,
    queue_priority   BOOLEAN     NOT NULL DEFAULT FALSE,
    created_at       TIMESTAMPTZ NOT NULL,
    last_activity_at TIMESTAMPTZ NOT NULL,
    resolved_at      TIMESTAMPTZ,
    closed_at        TIMESTAMPTZ
);
-- FIFO per department, requeued (priority) first.
CREATE INDEX conversation_queue ON conversation (department_id, queue_priority DESC, queued_at, id) WHERE status = 'QUEUED';
CREATE INDEX conversation_by_customer ON conversation (customer_id, last_activity_at DESC, id);
CREATE INDEX conversation_by_owner ON conversation (owner_id, last_activity_at DESC, id) WHERE owner_id IS NOT NULL;
CREATE INDEX conversation_open ON conversation (last_activity_at DESC, id) WHERE status NOT IN ('RESOLVED', 'CLOSED');

CREATE TABLE participant (
    conversation_id    UUID        NOT NULL REFERENCES conversation (id),
    user_id            UUID        NOT NULL,
    role               TEXT        NOT NULL CHECK (role IN ('CUSTOMER', 'AGENT')),
    joined_at          TIMESTAMPTZ NOT NULL,
    left_at            TIMESTAMPTZ,
    -- Read state as watermarks: "who has read message N" is every participant with last_read_seq >= N.
    last_delivered_seq BIGINT      NOT NULL DEFAULT 0,
    delivered_at       TIMESTAMPTZ,
    last_read_seq      BIGINT      NOT NULL DEFAULT 0,
    read_at            TIMESTAMPTZ,
    PRIMARY KEY (conversation_id, user_id)
);
CREATE INDEX participant_by_user ON participant (user_id);

CREATE TABLE message (
    id              UUID PRIMARY KEY,
    conversation_id UUID        NOT NULL REFERENCES conversation (id),
    seq             BIGINT      NOT NULL,
    sender_id       UUID,
    sender_kind     TEXT        NOT NULL CHECK (sender_kind IN ('CUSTOMER', 'AGENT', 'BOT', 'SYSTEM')),
    kind            TEXT        NOT NULL CHECK (kind IN ('TEXT', 'SYSTEM', 'BOT', 'NOTE')),
    body            TEXT,
    reply_to        UUID REFERENCES message (id),
    client_msg_id   TEXT,
    created_at      TIMESTAMPTZ NOT NULL,
    edited_at       TIMESTAMPTZ,
    -- A tombstone: body is gone, the seq stays.
    deleted_at      TIMESTAMPTZ,
    UNIQUE (conversation_id, seq),
    -- A retry with the same client message id returns the original message.
    UNIQUE (conversation_id, sender_id, client_msg_id)
);

CREATE TABLE reaction (
    message_id UUID        NOT NULL REFERENCES message (id),
    user_id    UUID        NOT NULL,
    emoji      TEXT        NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (message_id, user_id, emoji)
);

-- Every persisted event of a conversation, by seq, kept for resume ("since seq N") after the
-- outbox row that carried it to Kafka is pruned.
CREATE TABLE conversation_event (
    conversation_id UUID        NOT NULL REFERENCES conversation (id),
    seq             BIGINT      NOT NULL,
    event_id        UUID        NOT NULL UNIQUE,
    type            TEXT        NOT NULL,
    agents_only     BOOLEAN     NOT NULL,
    payload         BYTEA       NOT NULL,
    occurred_at     TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (conversation_id, seq)
);
