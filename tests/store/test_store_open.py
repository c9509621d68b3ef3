"""open_store(): paths open SQLite, postgresql:// URLs open PostgreSQL."""

from __future__ import annotations

import dataclasses
import sqlite3
import threading
from pathlib import Path

import pytest

import storytrace.store
from storytrace.errors import ConfigError, StoreError
from storytrace.store import SQLiteStore, open_store


def test_a_path_opens_sqlite_creating_its_folders(tmp_path, sofrep):
    path = tmp_path / "runs" / "2022" / "storytrace.db"
    store = open_store(path)
    try:
        assert isinstance(store, SQLiteStore)
        store.add_article(sofrep)
    finally:
        store.close()
    assert path.is_file()
    with open_store(str(path)) as again:  # a str works as well as a Path
        assert again.get_articles() == [sofrep]


def _hold_a_new_file_mid_creation(path: Path) -> sqlite3.Connection:
    """Another process's view: a new rollback-journal file with a write under way.

    While it lasts, SQLite refuses a switch to WAL at once ("database is locked"),
    without waiting on its busy timeout.
    """
    other = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    other.execute("BEGIN IMMEDIATE")
    other.execute("CREATE TABLE somebody_elses (x)")
    return other


def test_a_new_file_another_process_is_creating_is_waited_for(tmp_path, sofrep):
    path = tmp_path / "st.db"
    other = _hold_a_new_file_mid_creation(path)
    threading.Timer(0.3, other.execute, ["COMMIT"]).start()
    with open_store(path) as store:
        store.add_article(sofrep)
        assert store.get_articles() == [sofrep]
    other.close()


def test_a_lock_held_past_the_busy_timeout_is_a_store_error_naming_the_file(tmp_path):
    path = tmp_path / "st.db"
    other = _hold_a_new_file_mid_creation(path)
    try:
        with pytest.raises(StoreError, match=r"st\.db.*locked"):
            SQLiteStore(path, busy_timeout=0.2)
    finally:
        other.close()


@pytest.mark.parametrize(
    "url",
    [
        "postgresql://storytrace:secret@127.0.0.1:1/newsroom",
        "postgres://user:secret@127.0.0.1:1/stories",
        "PostgreSQL://desk:secret@127.0.0.1:1/x",
    ],
)
def test_an_unreachable_postgresql_server_is_a_store_error_without_the_password(
    tmp_path, monkeypatch, url
):
    monkeypatch.chdir(tmp_path)
    with pytest.raises(StoreError) as caught:
        open_store(url)
    message = str(caught.value)
    assert "cannot connect" in message
    assert "127.0.0.1" in message
    assert "secret" not in message  # never echo credentials
    assert list(Path().iterdir()) == []  # nothing was created


@pytest.mark.postgres
def test_a_postgresql_url_opens_the_team_store(pg_url, sofrep):
    from storytrace.store.postgres import PostgresStore

    with open_store(pg_url) as store:
        assert isinstance(store, PostgresStore)
        store.add_article(sofrep)
    with open_store(pg_url, read_only=True) as again:
        assert again.get_articles() == [sofrep]
        with pytest.raises(StoreError, match="read-only"):
            again.add_article(dataclasses.replace(sofrep, source="other.txt"))


def test_other_urls_are_refused(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    with pytest.raises(ConfigError, match="unsupported database URL scheme 'mysql'"):
        open_store("mysql://localhost/news")
    assert list(Path().iterdir()) == []


def test_public_names():
    assert storytrace.store.__all__ == sorted(storytrace.store.__all__)
    assert set(storytrace.store.__all__) == {"SQLiteStore", "Store", "open_store"}
    for name in storytrace.store.__all__:
        assert getattr(storytrace.store, name) is not None


def test_a_connection_keeps_a_page_cache_the_corpus_index_fits_in_longer(tmp_path):
    """SQLite's 2 MB default made every corpus-index insert a cache miss past a few
    thousand articles (issue #18); a store's connection asks for 64 MB."""
    from storytrace.store.sqlite import CACHE_KIB

    store = open_store(tmp_path / "st.db")
    try:
        assert store._conn.execute("PRAGMA cache_size").fetchone()[0] == -CACHE_KIB
        assert CACHE_KIB >= 65_536
    finally:
        store.close()
