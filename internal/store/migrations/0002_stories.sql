-- Stories (events), their members with the reason each joined, the
-- storylines that link related stories, and the reuse graph.
CREATE TABLE stories (
    id          TEXT PRIMARY KEY,
    storyline   TEXT NOT NULL DEFAULT '',
    title       TEXT NOT NULL DEFAULT '',
    first_seen  TEXT,                  -- earliest member publish date (RFC 3339)
    last_seen   TEXT,                  -- latest member publish date
    updated_at  TEXT NOT NULL,         -- when membership last changed
    brief       TEXT,                  -- JSON story object, NULL until built
    brief_at    TEXT
);
CREATE INDEX stories_last_seen ON stories(last_seen);

CREATE TABLE story_members (
    article_id TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    story_id   TEXT NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
    score      REAL NOT NULL,
    reason     TEXT NOT NULL
);
CREATE INDEX story_members_story ON story_members(story_id);

CREATE TABLE reuse (
    article_id  TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    from_id     TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    shared      REAL NOT NULL,         -- fraction of article_id's text found in from_id
    shared_from REAL NOT NULL,         -- fraction of from_id's text found in article_id
    kind        TEXT NOT NULL,         -- duplicate, near-duplicate, passage
    detail      TEXT NOT NULL DEFAULT '{}',
    PRIMARY KEY (article_id, from_id)
);
