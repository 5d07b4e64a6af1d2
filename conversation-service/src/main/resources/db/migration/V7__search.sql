-- Message search. The 'simple' configuration (no stemming, no stop words) because one support
-- team's chats come in many languages; exact words match in all of them.
ALTER TABLE message ADD COLUMN search tsvector
    GENERATED ALWAYS AS (to_tsvector('simple', coalesce(body, ''))) STORED;
CREATE INDEX message_search ON message USING GIN (search);
CREATE INDEX customer_by_email ON customer (lower(email));
