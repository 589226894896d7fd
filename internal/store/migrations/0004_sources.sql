-- Live sources: the feeds Parallax polls, and the items it has seen in each.
-- Times are UTC, fixed-width RFC 3339 with milliseconds, so that they sort
-- as text.
CREATE TABLE sources (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    url           TEXT    NOT NULL UNIQUE,
    title         TEXT    NOT NULL DEFAULT '',
    etag          TEXT    NOT NULL DEFAULT '',  -- validators of the last 200 answer,
    last_modified TEXT    NOT NULL DEFAULT '',  -- sent back for a conditional GET
    last_polled   TEXT,                         -- NULL until first polled
    next_poll     TEXT    NOT NULL,             -- due when <= now; pushed back after errors
    failures      INTEGER NOT NULL DEFAULT 0,   -- consecutive failed polls
    last_error    TEXT    NOT NULL DEFAULT '',
    added_at      TEXT    NOT NULL
);
CREATE INDEX sources_next_poll ON sources(next_poll);

-- Items seen in a source's feed: by GUID (or link when the item has none).
-- article_id is the article the item became; NULL when it could not be used.
CREATE TABLE source_items (
    source_id  INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
    guid       TEXT    NOT NULL,
    link       TEXT    NOT NULL DEFAULT '',
    seen_at    TEXT    NOT NULL,
    article_id TEXT    REFERENCES articles(id) ON DELETE SET NULL,
    PRIMARY KEY (source_id, guid)
);
CREATE INDEX source_items_link ON source_items(link) WHERE link <> '';
CREATE INDEX source_items_article ON source_items(article_id) WHERE article_id IS NOT NULL;
