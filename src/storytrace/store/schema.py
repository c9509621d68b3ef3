"""The SQLite schema, as the SQL scripts that :mod:`storytrace.store.migrations` applies.

Records are kept twice over where that pays: the columns that are searched,
joined or ordered on, and the full record as JSON (``records.to_dict``) so a
read gives back exactly what was written.

Every table that feeds a full-text index has an ``INTEGER PRIMARY KEY`` named
``seq``: it is the rowid the external-content FTS5 tables point at (stable
across ``VACUUM``) and it records insertion order. The content hash ``id`` is
the key every other table references.
"""

from __future__ import annotations

V1 = """
CREATE TABLE articles (
    seq INTEGER PRIMARY KEY,              -- insertion order; rowid of articles_fts
    id TEXT NOT NULL UNIQUE,              -- content hash
    outlet TEXT,
    title TEXT,
    url TEXT,
    author TEXT,
    published TEXT,
    language TEXT,
    text TEXT NOT NULL,
    source TEXT NOT NULL DEFAULT '',      -- where it was first read from
    claims_saved INTEGER NOT NULL DEFAULT 0 CHECK (claims_saved IN (0, 1))
);

CREATE TABLE article_sources (
    seq INTEGER PRIMARY KEY,              -- order first seen
    article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    source TEXT NOT NULL,
    UNIQUE (article_id, source)
);

CREATE TABLE claims (
    seq INTEGER PRIMARY KEY,              -- rowid of claims_fts
    id TEXT NOT NULL UNIQUE,
    article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    span_start INTEGER NOT NULL,
    span_end INTEGER NOT NULL,
    text TEXT NOT NULL,
    data TEXT NOT NULL                    -- the whole Claim as JSON
);
CREATE INDEX claims_by_article ON claims (article_id, span_start, span_end);

CREATE TABLE vectors (
    article_id TEXT PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
    vector BLOB NOT NULL                  -- float32 bytes
);

CREATE TABLE stories (
    id TEXT PRIMARY KEY,
    title TEXT NOT NULL,
    data TEXT NOT NULL                    -- the Story as JSON, without article_ids
);

CREATE TABLE story_articles (
    article_id TEXT PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
    story_id TEXT NOT NULL REFERENCES stories (id) ON DELETE CASCADE,
    position INTEGER NOT NULL             -- order within the story
);
CREATE INDEX story_articles_by_story ON story_articles (story_id, position);

CREATE VIRTUAL TABLE articles_fts USING fts5 (
    title, text, content = 'articles', content_rowid = 'seq'
);

CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
    INSERT INTO articles_fts (rowid, title, text) VALUES (new.seq, new.title, new.text);
END;

CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
    INSERT INTO articles_fts (articles_fts, rowid, title, text)
    VALUES ('delete', old.seq, old.title, old.text);
END;

CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, text ON articles BEGIN
    INSERT INTO articles_fts (articles_fts, rowid, title, text)
    VALUES ('delete', old.seq, old.title, old.text);
    INSERT INTO articles_fts (rowid, title, text) VALUES (new.seq, new.title, new.text);
END;

CREATE VIRTUAL TABLE claims_fts USING fts5 (
    text, content = 'claims', content_rowid = 'seq'
);

CREATE TRIGGER claims_fts_insert AFTER INSERT ON claims BEGIN
    INSERT INTO claims_fts (rowid, text) VALUES (new.seq, new.text);
END;

CREATE TRIGGER claims_fts_delete AFTER DELETE ON claims BEGIN
    INSERT INTO claims_fts (claims_fts, rowid, text) VALUES ('delete', old.seq, old.text);
END;

CREATE TRIGGER claims_fts_update AFTER UPDATE OF text ON claims BEGIN
    INSERT INTO claims_fts (claims_fts, rowid, text) VALUES ('delete', old.seq, old.text);
    INSERT INTO claims_fts (rowid, text) VALUES (new.seq, new.text);
END;
"""

# An article a stage could not read is kept, marked with why, and not read again.
V2 = """
ALTER TABLE articles ADD COLUMN failed TEXT;
"""
