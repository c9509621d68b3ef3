"""A SQLite file of schema version 1 (JSON records) migrates in place to the relational one."""

from __future__ import annotations

import json
import sqlite3

from storytrace.records import to_dict
from storytrace.store import SQLiteStore, migrations


def _version_1_file(path, articles, claims, story):
    """A file as storytrace wrote it before the relational schema: the released step 1."""
    conn = sqlite3.connect(path, isolation_level=None)
    migrations.migrate(conn, str(path), steps=migrations.MIGRATIONS[:1])
    for a in articles:
        conn.execute(
            "INSERT INTO articles (id, text, outlet, title, url, author, published, language,"
            " source) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (a.id, a.text, a.outlet, a.title, a.url, a.author, a.published, a.language, a.source),
        )
        conn.execute(
            "INSERT INTO article_sources (article_id, source) VALUES (?, ?)", (a.id, a.source)
        )
    for c in claims:
        conn.execute("UPDATE articles SET claims_saved = 1 WHERE id = ?", (c.article_id,))
        conn.execute(
            "INSERT INTO claims (id, article_id, span_start, span_end, text, data)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            (c.id, c.article_id, c.span[0], c.span[1], c.text, json.dumps(to_dict(c))),
        )
    data = to_dict(story)
    del data["article_ids"]
    # Version 1 wrote an event's count as the dict the events stage built.
    data["events"][0]["count"] = {"values": [60, 60], "conservative": 60}
    conn.execute(
        "INSERT INTO stories (id, title, data) VALUES (?, ?, ?)",
        (story.id, story.title, json.dumps(data)),
    )
    for n, article_id in enumerate(story.article_ids):
        conn.execute(
            "INSERT INTO story_articles (article_id, story_id, position) VALUES (?, ?, ?)",
            (article_id, story.id, n),
        )
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 1
    conn.close()


def test_a_version_1_file_migrates_in_place_and_reads_back_the_same_records(
    db_path, sofrep, ibt, sofrep_claim, ibt_claim, mutiny_story
):
    _version_1_file(db_path, [sofrep, ibt], [sofrep_claim, ibt_claim], mutiny_story)

    with SQLiteStore(db_path) as store:
        assert store.get_articles() == [sofrep, ibt]
        assert store.article_sources(ibt.id) == [ibt.source]
        assert store.get_claims([sofrep.id, ibt.id]) == [sofrep_claim, ibt_claim]
        assert store.get_stories() == [mutiny_story]
        assert store.story_of(ibt.id) == mutiny_story.id
        assert store.search("servicemen") == [mutiny_story.id]

    conn = sqlite3.connect(db_path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == migrations.LATEST
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    columns = {row[1] for row in conn.execute("PRAGMA table_info(claims)")}
    assert "data" not in columns and {"span_start", "certainty", "article_id"} <= columns
    verdicts = conn.execute("SELECT verdict FROM claim_groups").fetchall()
    assert verdicts == [("echoed",)]
    conn.close()
