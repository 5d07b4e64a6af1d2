-- The host page the customer's widget last reported (issue 16, B): shown to agents in the customer
-- sidebar. Latest wins; no history is kept. Lengths are bounded by CurrentPage, checked here too.
ALTER TABLE customer
    ADD COLUMN current_page_url   TEXT CHECK (char_length(current_page_url) <= 2048),
    ADD COLUMN current_page_title TEXT CHECK (char_length(current_page_title) <= 300),
    ADD COLUMN current_page_at    TIMESTAMPTZ;
