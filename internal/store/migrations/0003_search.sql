-- Full-text search (SQLite FTS5) over articles and story quotes, and the
-- indexes the story listing orders and filters by.

-- Articles: an external-content index over articles(title, body), kept in
-- step by triggers. Porter stemming over unicode61 with diacritics folded.
CREATE VIRTUAL TABLE articles_fts USING fts5(
    title, body,
    content = 'articles', content_rowid = 'seq',
    tokenize = 'porter unicode61 remove_diacritics 2'
);
INSERT INTO articles_fts (articles_fts) VALUES ('rebuild');

CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
    INSERT INTO articles_fts (rowid, title, body) VALUES (new.seq, new.title, new.body);
END;
CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
    INSERT INTO articles_fts (articles_fts, rowid, title, body) VALUES ('delete', old.seq, old.title, old.body);
END;
CREATE TRIGGER articles_fts_update AFTER UPDATE ON articles BEGIN
    INSERT INTO articles_fts (articles_fts, rowid, title, body) VALUES ('delete', old.seq, old.title, old.body);
    INSERT INTO articles_fts (rowid, title, body) VALUES (new.seq, new.title, new.body);
END;

-- Quotes of each story, as the pipeline indexes them after building the
-- story's brief (Store.IndexQuotes replaces a story's quotes). They go with
-- their story when it is deleted or re-clustered.
CREATE TABLE story_quotes (
    id         INTEGER PRIMARY KEY,
    story_id   TEXT NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
    article_id TEXT REFERENCES articles(id) ON DELETE CASCADE, -- NULL when unknown
    speaker    TEXT NOT NULL DEFAULT '',
    text       TEXT NOT NULL
);
CREATE INDEX story_quotes_story ON story_quotes(story_id);

CREATE VIRTUAL TABLE quotes_fts USING fts5(
    speaker, text,
    content = 'story_quotes', content_rowid = 'id',
    tokenize = 'porter unicode61 remove_diacritics 2'
);
CREATE TRIGGER quotes_fts_insert AFTER INSERT ON story_quotes BEGIN
    INSERT INTO quotes_fts (rowid, speaker, text) VALUES (new.id, new.speaker, new.text);
END;
CREATE TRIGGER quotes_fts_delete AFTER DELETE ON story_quotes BEGIN
    INSERT INTO quotes_fts (quotes_fts, rowid, speaker, text) VALUES ('delete', old.id, old.speaker, old.text);
END;
CREATE TRIGGER quotes_fts_update AFTER UPDATE ON story_quotes BEGIN
    INSERT INTO quotes_fts (quotes_fts, rowid, speaker, text) VALUES ('delete', old.id, old.speaker, old.text);
    INSERT INTO quotes_fts (rowid, speaker, text) VALUES (new.id, new.speaker, new.text);
END;

-- The story listing: newest activity first, undated stories last, by ID
-- (the order of Store.Stories), and its outlet and storyline filters.
CREATE INDEX stories_activity ON stories(COALESCE(last_seen, '') DESC, id);
CREATE INDEX stories_storyline ON stories(storyline);
CREATE INDEX articles_outlet ON articles(outlet COLLATE NOCASE);
