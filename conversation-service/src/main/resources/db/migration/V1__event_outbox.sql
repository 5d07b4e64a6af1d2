-- The transactional outbox (ARCHITECTURE §3): every state change inserts its events here in the
-- same transaction; the relay publishes them to the EventBus in id order and marks them published.
CREATE TABLE event_outbox (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    event_id     UUID        NOT NULL UNIQUE,
    topic        TEXT        NOT NULL,
    event_key    TEXT        NOT NULL,
    -- The encoded envelope (EventCodec). The relay decodes it for the EventBus port, which takes
    -- envelopes and encodes them again with the same codec; unknown types survive as Unknown.
    payload      BYTEA       NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    published_at TIMESTAMPTZ
);

-- The relay's hot query: the oldest unpublished rows. Partial, so it stays small however large
-- the table grows between prunes.
CREATE INDEX event_outbox_unpublished ON event_outbox (id) WHERE published_at IS NULL;
