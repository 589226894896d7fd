-- Articles as cleaned, with the original bytes kept beside them.
CREATE TABLE articles (
    seq         INTEGER PRIMARY KEY AUTOINCREMENT, -- ingest order
    id          TEXT    NOT NULL UNIQUE,           -- short ID derived from the URL, else the hash
    hash        TEXT    NOT NULL,                  -- SHA-256 of the folded body
    url         TEXT,                              -- NULL when unknown
    source      TEXT    NOT NULL,                  -- path or URL it came from
    format      TEXT    NOT NULL,
    title       TEXT    NOT NULL DEFAULT '',
    outlet      TEXT    NOT NULL DEFAULT '',
    byline      TEXT    NOT NULL DEFAULT '',
    wire        TEXT    NOT NULL DEFAULT '',
    dateline    TEXT    NOT NULL DEFAULT '',
    published   TEXT,                              -- RFC 3339, NULL when unknown
    body        TEXT    NOT NULL,
    asides      TEXT    NOT NULL DEFAULT '[]',     -- JSON [{kind,text}]
    notes       TEXT    NOT NULL DEFAULT '[]',     -- JSON [string]: the cleaner's decisions
    ingested_at TEXT    NOT NULL
);
CREATE UNIQUE INDEX articles_url ON articles(url) WHERE url IS NOT NULL;
CREATE INDEX articles_hash ON articles(hash);
CREATE INDEX articles_published ON articles(published);

CREATE TABLE originals (
    article_id TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    bytes      BLOB NOT NULL
);

-- Which stage versions have processed each article.
CREATE TABLE stages (
    article_id TEXT    NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    stage      TEXT    NOT NULL,
    version    INTEGER NOT NULL,
    done_at    TEXT    NOT NULL,
    PRIMARY KEY (article_id, stage)
);
