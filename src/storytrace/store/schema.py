"""The SQLite schema steps that :mod:`storytrace.store.migrations` applies.

Version 1 (frozen, as released) kept claims and stories as JSON; version 2
(:func:`to_relational`) moves them into the tables derived from ``records.py``.

Every table that feeds a full-text index has an ``INTEGER PRIMARY KEY`` named
``seq``: it is the rowid the external-content FTS5 tables point at (stable
across ``VACUUM``) and it records insertion order. The content hash ``id`` is
the key every other table references.
"""

from __future__ import annotations

import json
import sqlite3

from storytrace.records import Claim, Story, from_dict
from storytrace.store import ddl, relational

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

#: Full-text search over the claims of the relational schema (version 2 on): only an
#: article's own claims are indexed, not the copies that claim groups hold.
CLAIMS_FTS = """
CREATE VIRTUAL TABLE claims_fts USING fts5 (
    text, content = 'claims', content_rowid = 'seq'
);

CREATE TRIGGER claims_fts_insert AFTER INSERT ON claims WHEN new.root LIKE 'article:%' BEGIN
    INSERT INTO claims_fts (rowid, text) VALUES (new.seq, new.text);
END;

CREATE TRIGGER claims_fts_delete AFTER DELETE ON claims WHEN old.root LIKE 'article:%' BEGIN
    INSERT INTO claims_fts (claims_fts, rowid, text) VALUES ('delete', old.seq, old.text);
END;

CREATE TRIGGER claims_fts_update AFTER UPDATE OF text ON claims
WHEN old.root LIKE 'article:%' BEGIN
    INSERT INTO claims_fts (claims_fts, rowid, text) VALUES ('delete', old.seq, old.text);
    INSERT INTO claims_fts (rowid, text) VALUES (new.seq, new.text);
END;
"""


def to_relational(conn: sqlite3.Connection) -> None:
    """Version 2: move claims and stories out of their JSON into the relational tables.

    Runs inside the migration's transaction: the old ``claims`` and ``stories`` tables
    (and the claims' full-text index) are read, dropped, created anew from
    :mod:`storytrace.store.relational`, and filled with the same records.
    """
    from storytrace.store.migrations import split_statements

    claims = conn.execute("SELECT article_id, data FROM claims ORDER BY seq").fetchall()
    stories = conn.execute("SELECT id, data FROM stories ORDER BY id").fetchall()
    members = conn.execute(
        "SELECT article_id, story_id, position FROM story_articles ORDER BY story_id, position"
    ).fetchall()
    for statement in (
        "DROP TRIGGER claims_fts_insert",
        "DROP TRIGGER claims_fts_delete",
        "DROP TRIGGER claims_fts_update",
        "DROP TABLE claims_fts",
        "DROP TABLE claims",
        "DROP TABLE story_articles",
        "DROP TABLE stories",
    ):
        conn.execute(statement)
    for statement in ddl.create_statements(ddl.SQLITE):
        conn.execute(statement)
    for statement in split_statements(CLAIMS_FTS):
        conn.execute(statement)
    for statement in ddl.views_sql(ddl.SQLITE):
        conn.execute(statement)
    rows: relational.Rows = {}
    for article_id, data in claims:
        claim = from_dict(Claim, json.loads(data))
        relational.flatten(claim, key=claim.id, root=f"article:{article_id}", rows=rows)
    ddl.insert_rows(conn, ddl.SQLITE, Claim, rows)
    rows = {}
    for story_id, data in stories:
        story = from_dict(Story, {**json.loads(data), "article_ids": []})
        relational.flatten(story, key=story_id, root=f"story:{story_id}", rows=rows)
    ddl.insert_rows(conn, ddl.SQLITE, Story, rows)
    conn.executemany(
        "INSERT INTO story_articles (article_id, story_id, position) VALUES (?, ?, ?)", members
    )
