"""Opening a file: migrations, schema versions, WAL, foreign keys, and files that are not ours."""

from __future__ import annotations

import sqlite3
import threading
import time
from contextlib import contextmanager

import pytest

from storytrace.errors import StoreError
from storytrace.store import SQLiteStore, migrations


@pytest.fixture
def store(sqlite_store):
    """These tests are about the SQLite file itself."""
    return sqlite_store


TABLES = {
    "articles",
    "article_sources",
    "claims",
    "vectors",
    "stories",
    "story_articles",
    "articles_fts",
    "claims_fts",
}


def _raw(path):
    return sqlite3.connect(path, isolation_level=None)


def test_a_new_file_gets_the_latest_schema_version(db_path, store):
    store.close()
    conn = _raw(db_path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == migrations.LATEST >= 1
    names = {row[0] for row in conn.execute("SELECT name FROM sqlite_master")}
    conn.close()
    assert names >= TABLES


def test_reopening_keeps_the_data_and_the_version(db_path, store, sofrep):
    store.add_article(sofrep)
    store.close()
    with SQLiteStore(db_path) as again:
        assert again.get_articles() == [sofrep]
    with SQLiteStore(db_path) as third:
        assert third.get_articles() == [sofrep]
    conn = _raw(db_path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == migrations.LATEST
    conn.close()


def test_a_database_newer_than_the_code_is_refused_untouched(db_path, store, sofrep):
    store.add_article(sofrep)
    store.close()
    newer = migrations.LATEST + 1
    conn = _raw(db_path)
    conn.execute(f"PRAGMA user_version = {newer}")
    conn.close()

    with pytest.raises(StoreError) as caught:
        SQLiteStore(db_path)
    message = str(caught.value)
    assert str(db_path) in message
    assert f"schema version {newer} is newer" in message
    assert "upgrade storytrace" in message

    conn = _raw(db_path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == newer
    assert conn.execute("SELECT count(*) FROM articles").fetchone()[0] == 1
    conn.close()


def test_a_file_that_is_not_a_database_is_refused_and_left_alone(tmp_path):
    notes = tmp_path / "notes.db"
    content = b"These are my interview notes, not a database.\n" * 200
    notes.write_bytes(content)

    with pytest.raises(StoreError) as caught:
        SQLiteStore(notes)
    assert str(notes) in str(caught.value)
    assert "not a usable SQLite database" in str(caught.value)
    assert "file is not a database" in str(caught.value)
    assert notes.read_bytes() == content


def test_a_folder_is_refused(tmp_path):
    with pytest.raises(StoreError, match="cannot open the database"):
        SQLiteStore(tmp_path)


def test_journal_mode_is_wal(db_path, store, sofrep):
    store.add_article(sofrep)
    conn = _raw(db_path)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    conn.close()


def test_foreign_keys_are_enforced(store, sofrep):
    with pytest.raises(StoreError, match="FOREIGN KEY"):
        store.save_vector(sofrep.id, b"\x00\x00\x80?")
    assert store.get_vectors() == {}


@contextmanager
def _write_lock_held_elsewhere(path, seconds):
    """Another connection holds the write lock for ``seconds`` while the body runs."""
    locked = threading.Event()

    def hold() -> None:
        other = _raw(path)
        other.execute("BEGIN IMMEDIATE")
        locked.set()
        time.sleep(seconds)
        other.execute("COMMIT")
        other.close()

    holder = threading.Thread(target=hold)
    holder.start()
    try:
        assert locked.wait(timeout=10)
        yield
    finally:
        holder.join()


def test_a_write_waits_for_another_writer_instead_of_failing(db_path, store, sofrep):
    with _write_lock_held_elsewhere(db_path, 0.3):
        assert store.add_article(sofrep) is True  # waits (busy_timeout), then writes
    assert store.get_articles() == [sofrep]


def test_the_busy_timeout_is_the_one_asked_for(db_path, store, sofrep):
    store.close()
    with SQLiteStore(db_path, busy_timeout=0.01) as impatient:
        with _write_lock_held_elsewhere(db_path, 0.5), pytest.raises(StoreError, match="locked"):
            impatient.add_article(sofrep)
        assert impatient.get_articles() == []


def test_steps_apply_in_order_each_recorded(tmp_path):
    conn = _raw(tmp_path / "m.db")
    steps = [
        (1, "CREATE TABLE notes (body TEXT);"),
        (2, "ALTER TABLE notes ADD COLUMN author TEXT;\nINSERT INTO notes VALUES ('a', 'b');"),
    ]
    assert migrations.migrate(conn, "m.db", steps=steps[:1]) == 1
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 1
    assert migrations.migrate(conn, "m.db", steps=steps) == 2
    assert migrations.migrate(conn, "m.db", steps=steps) == 2  # nothing left to do
    assert conn.execute("SELECT body, author FROM notes").fetchall() == [("a", "b")]
    conn.close()


def test_a_failing_step_is_rolled_back_whole(tmp_path):
    conn = _raw(tmp_path / "m.db")
    steps = [
        (1, "CREATE TABLE notes (body TEXT);"),
        (2, "CREATE TABLE extra (a);\nINSERT INTO missing VALUES (1);"),
    ]
    with pytest.raises(StoreError, match=r"m\.db: could not migrate to schema version 2"):
        migrations.migrate(conn, "m.db", steps=steps)

    assert conn.execute("PRAGMA user_version").fetchone()[0] == 1
    names = {row[0] for row in conn.execute("SELECT name FROM sqlite_master")}
    assert names == {"notes"}
    assert not conn.in_transaction
    conn.close()


def test_trigger_bodies_survive_statement_splitting(tmp_path):
    conn = _raw(tmp_path / "m.db")
    script = (
        "CREATE TABLE a (x); -- a comment; with a semicolon\n"
        "CREATE TABLE log (x);\n"
        "CREATE TRIGGER a_log AFTER INSERT ON a BEGIN\n"
        "    INSERT INTO log VALUES (new.x);\n"
        "    INSERT INTO log VALUES (new.x + 1);\n"
        "END;\n"
    )
    migrations.migrate(conn, "m.db", steps=[(1, script)])
    conn.execute("INSERT INTO a VALUES (1)")
    assert conn.execute("SELECT x FROM log ORDER BY x").fetchall() == [(1,), (2,)]
    conn.close()
