"""The web app over the stores it is given: merged stories redirect, read-only files serve,
and a PostgreSQL store serves the same pages and API."""

from __future__ import annotations

import dataclasses
import hashlib
import os
import shutil
import stat
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from fastapi.testclient import TestClient

from storytrace.store import open_store
from storytrace.web.app import create_app


@contextmanager
def _client(db: str) -> Iterator[TestClient]:
    store = open_store(db, read_only=True)
    try:
        with TestClient(create_app(store), follow_redirects=False) as client:
            yield client
    finally:
        store.close()


def test_a_merged_away_story_redirects_to_its_successor(web_run, tmp_path):
    db = tmp_path / "st.db"
    shutil.copy(web_run.db, db)
    with open_store(db) as store:
        stories = store.get_stories()
        assert len(stories) >= 2
        keep, gone = stories[0], stories[1]
        merged = [
            dataclasses.replace(keep, article_ids=keep.article_ids + gone.article_ids),
            *stories[2:],
        ]
        assert store.replace_stories(merged) == {gone.id: keep.id}

    with _client(str(db)) as client:
        page = client.get(f"/stories/{gone.id}")
        assert page.status_code == 301
        assert page.headers["location"] == f"/stories/{keep.id}"
        api = client.get(f"/api/stories/{gone.id}")
        assert api.status_code == 301
        assert api.headers["location"] == f"/api/stories/{keep.id}"
        assert client.get(page.headers["location"]).status_code == 200
        listed = client.get("/api/stories", params={"limit": 200}).json()
        assert gone.id not in {s["id"] for s in listed}
        assert all(s["article_ids"] for s in listed)
        assert client.get("/stories/no-such-story").status_code == 404


def test_serve_and_export_read_a_read_only_file_and_never_write_to_it(web_run, tmp_path):
    from storytrace.cli.main import main

    db = tmp_path / "st.db"
    shutil.copy(web_run.db, db)
    os.chmod(db, stat.S_IRUSR | stat.S_IRGRP | stat.S_IROTH)
    before = hashlib.sha256(db.read_bytes()).hexdigest()

    with _client(str(db)) as client:
        listed = client.get("/api/stories").json()
        assert listed
        assert client.get(f"/stories/{listed[0]['id']}").status_code == 200
        assert client.get("/", params={"q": "Pskov"}).status_code == 200
        store = client.app.state.store  # type: ignore[attr-defined]
        with pytest.raises(Exception, match=r"(?i)read.?only"):
            store.add_article(store.get_articles()[0].__class__(id="x", text="x"))
    assert (
        main(["export", "--db", str(db), "--format", "json", "--out", str(tmp_path / "s.json")])
        == 0
    )
    assert (tmp_path / "s.json").stat().st_size > 0
    assert hashlib.sha256(db.read_bytes()).hexdigest() == before


@pytest.mark.postgres
def test_a_postgresql_store_serves_the_same_stories(web_run, pg_url):
    with open_store(web_run.db, read_only=True) as source, open_store(pg_url) as team:
        for article in source.get_articles():
            team.add_article(article)
            team.save_claims(article.id, source.get_claims([article.id]))
        stories = source.get_stories()
        team.replace_stories(stories)

    with _client(str(web_run.db)) as local, _client(pg_url) as shared:
        for path in ("/api/stories", f"/api/stories/{stories[0].id}"):
            assert shared.get(path).json() == local.get(path).json()
        assert shared.get(f"/stories/{stories[0].id}").status_code == 200
        assert shared.get("/api/stories", params={"q": "Pskov"}).json()
