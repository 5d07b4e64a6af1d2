-- Wakes the outbox relay: every statement that inserts into event_outbox notifies channel
-- parley_outbox, which the leading relay LISTENs on (ARCHITECTURE §3 "Deliver").
--
-- A trigger rather than pg_notify in the writer: it also covers rows written by any other path
-- (a repair script, a future writer), and the writer cannot forget it. PostgreSQL delivers a
-- notification only when the transaction commits (never on rollback) and folds identical ones
-- sent within one transaction, so a transaction that appends several events wakes the relay
-- once, after its rows are visible. Statement level, so a multi-row insert also notifies once.
-- The payload is empty: the relay reads what is unpublished; polling covers a missed wake-up.
CREATE FUNCTION event_outbox_notify() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    PERFORM pg_notify('parley_outbox', '');
    RETURN NULL;
END;
$$;

CREATE TRIGGER event_outbox_notify
    AFTER INSERT ON event_outbox
    FOR EACH STATEMENT
EXECUTE FUNCTION event_outbox_notify();
