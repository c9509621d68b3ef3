"""open_store(): paths open SQLite, PostgreSQL URLs say they are not available yet."""

from __future__ import annotations

from pathlib import Path

import pytest

import storytrace.store
from storytrace.errors import ConfigError
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


@pytest.mark.parametrize(
    "url",
    [
        "postgresql://storytrace@localhost/newsroom",
        "postgres://user:secret@db.example.org:5432/stories",
        "PostgreSQL://localhost/x",
    ],
)
def test_postgresql_urls_are_not_available_yet(tmp_path, monkeypatch, url):
    monkeypatch.chdir(tmp_path)
    with pytest.raises(ConfigError) as caught:
        open_store(url)
    message = str(caught.value)
    assert "PostgreSQL store is not available yet" in message
    assert "SQLite path" in message
    assert "secret" not in message  # never echo credentials
    assert list(Path().iterdir()) == []  # nothing was created


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
