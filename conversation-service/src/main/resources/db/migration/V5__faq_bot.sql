-- The FAQ bot: entries per inbox, searched with PostgreSQL full-text search in the inbox's language.
ALTER TABLE inbox ADD COLUMN faq_language regconfig NOT NULL DEFAULT 'english';

-- array_to_string is only STABLE (it could depend on settings for some element types), so a
-- generated column cannot call it; for text[] the result never varies, hence this wrapper.
CREATE FUNCTION faq_words(words TEXT[]) RETURNS TEXT LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$ SELECT array_to_string(words, ' ') $$;

CREATE TABLE faq_entry (
    id         UUID PRIMARY KEY,
    inbox_id   UUID        NOT NULL REFERENCES inbox (id) ON DELETE CASCADE,
    question   TEXT        NOT NULL,
    answer     TEXT        NOT NULL,
    keywords   TEXT[]      NOT NULL DEFAULT '{}',
    position   INT         NOT NULL DEFAULT 0,
    active     BOOLEAN     NOT NULL DEFAULT TRUE,
    language   regconfig   NOT NULL DEFAULT 'english',
    created_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL,
    -- Question and keywords weigh most; the answer helps (it often holds the words customers use).
    search     tsvector GENERATED ALWAYS AS (
                   setweight(to_tsvector(language, question), 'A')
                || setweight(to_tsvector(language, faq_words(keywords)), 'A')
                || setweight(to_tsvector(language, answer), 'C')) STORED
);
CREATE INDEX faq_entry_search ON faq_entry USING GIN (search);
CREATE INDEX faq_entry_by_inbox ON faq_entry (inbox_id, position) WHERE active;

-- A bot message offers quick replies: other likely questions and "Talk to an agent".
ALTER TABLE message ADD COLUMN quick_replies TEXT[];
