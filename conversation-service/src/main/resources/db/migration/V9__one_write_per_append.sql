-- The append path writes a message in one statement (docs/architecture.md, "The append"): the
-- conversation row is updated under a guard on its last seq, and the event log, outbox and message
-- rows are inserted from the updated row in the same statement. This migration shapes the tables
-- for that: fewer index entries and no trigger on every append, smaller outbox rows, updates that
-- PostgreSQL can keep on the same page (HOT).

-- The outbox keeps only what is not yet published: the relay deletes a row once the bus confirmed
-- it (the event itself stays in conversation_event). Marking rows published rewrote each one with
-- new entries in every index; a delete writes one small WAL record. Rows already published go now.
DELETE FROM event_outbox WHERE published_at IS NOT NULL;
DROP INDEX event_outbox_unpublished;
ALTER TABLE event_outbox DROP COLUMN published_at;
-- The event id is inside the bytes; its unique index only cost an entry per row.
ALTER TABLE event_outbox DROP COLUMN event_id;
-- A sequenced event's bytes are stored once, in conversation_event; its outbox row points at them.
-- Unsequenced events (read watermarks, agent status, queue positions) keep their bytes here.
ALTER TABLE event_outbox ADD COLUMN conversation_id UUID;
ALTER TABLE event_outbox ADD COLUMN seq BIGINT;
ALTER TABLE event_outbox ALTER COLUMN payload DROP NOT NULL;
ALTER TABLE event_outbox ADD CONSTRAINT event_outbox_bytes_or_pointer
    CHECK ((payload IS NOT NULL) OR (conversation_id IS NOT NULL AND seq IS NOT NULL));
-- A queue table: rows live for milliseconds, so vacuum it by row count, not by table size.
ALTER TABLE event_outbox SET (autovacuum_vacuum_scale_factor = 0, autovacuum_vacuum_threshold = 10000,
    autovacuum_vacuum_insert_scale_factor = 0, autovacuum_vacuum_insert_threshold = 10000);

-- No trigger: a transaction that notifies takes a database-wide lock through its commit, so every
-- appending transaction committed one after another, each waiting for its own WAL flush. The
-- writer wakes its own relay in-process; an instance that does not lead sends one NOTIFY after
-- its commits (OutboxWakeUps), outside the appending transaction.
DROP TRIGGER event_outbox_notify ON event_outbox;
DROP FUNCTION event_outbox_notify();

-- Unique by (conversation_id, seq) already; the event id index was never read.
ALTER TABLE conversation_event DROP CONSTRAINT conversation_event_event_id_key;

-- Children of the append are inserted from the conversation row the same statement updates, and
-- conversations are never deleted, so these foreign keys can never fail; their checks cost one
-- query and one row lock per inserted row.
ALTER TABLE message DROP CONSTRAINT message_conversation_id_fkey;
ALTER TABLE conversation_event DROP CONSTRAINT conversation_event_conversation_id_fkey;

-- The first agent reply, kept on the conversation so an append needs no look back through the
-- messages to know whether this is it (the first-response meter).
ALTER TABLE conversation ADD COLUMN first_response_at TIMESTAMPTZ;
UPDATE conversation c SET first_response_at = (
    SELECT min(m.created_at) FROM message m
    WHERE m.conversation_id = c.id AND m.sender_kind = 'AGENT' AND m.kind = 'TEXT');

-- Room on each page for the new version of a row, so updates that touch no indexed column (the
-- last seq; the last activity, which the append moves at most every activity-resolution; read
-- watermarks) stay on the page without new index entries.
ALTER TABLE conversation SET (fillfactor = 70);
ALTER TABLE participant SET (fillfactor = 70);

-- Rows the relay could not publish (not an event, or pointing at none), kept for an operator with
-- the reason; counted in parley.outbox.quarantined and alerted on (docs/operations.md).
CREATE TABLE event_outbox_quarantine (
    id              BIGINT PRIMARY KEY,
    topic           TEXT        NOT NULL,
    event_key       TEXT        NOT NULL,
    conversation_id UUID,
    seq             BIGINT,
    payload         BYTEA,
    created_at      TIMESTAMPTZ NOT NULL,
    quarantined_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    reason          TEXT        NOT NULL
);
