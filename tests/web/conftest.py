"""Fixtures for the web tests: a store analysed from the seeds plus a hostile article, the
app over it in-process, a real uvicorn server on loopback, and Debian's Chromium."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from storytrace.store import SQLiteStore
from storytrace.web import create_app
from storytrace_testkit import SEEDS
from web.browsing import CHROMIUM, CHROMIUM_ARGS, PageWatch, serve

HOSTILE_TEXT = """\
Police said <script>alert("text")</script> the fire at the Harmon depot started at 9 pm on Tuesday.
Officials said <img src=x onerror="alert('img')"> two guards were hurt in the blaze.
A witness posted <a href="javascript:alert('link')">photos of the depot</a> on social media.
<svg onload=alert('svg')></svg> The mayor said the area around the depot was safe.
"<b onmouseover=alert('b')>Nobody</b> was evacuated from the depot," the fire chief told reporters.
"""
HOSTILE_META = {
    "outlet": "<script>alert('outlet')</script>Evil Times",
    "title": "<img src=x onerror=alert('title')>Depot <b>fire</b>",
    "url": "javascript:alert('url')",
}


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "browser: drives Debian's Chromium with Playwright")


class WebRun:
    """One analysed store: the seeds and a hostile article, with its stories.json."""

    def __init__(self, db: Path, out: Path) -> None:
        self.db = db
        self.document: dict[str, Any] = json.loads((out / "stories.json").read_text("utf-8"))
        self.articles = {a["id"]: a for a in self.document["articles"]}

    def article_of(self, stem: str) -> dict[str, Any]:
        (found,) = [a for a in self.articles.values() if Path(a["source"]).name.startswith(stem)]
        return found

    def story_of(self, article_id: str) -> dict[str, Any]:
        (found,) = [s for s in self.document["stories"] if article_id in s["article_ids"]]
        return found


@pytest.fixture(scope="session")
def web_run(tmp_path_factory: pytest.TempPathFactory) -> WebRun:
    from storytrace.pipeline import analyze

    folder = tmp_path_factory.mktemp("web")
    hostile = folder / "hostile"
    hostile.mkdir()
    (hostile / "hostile.txt").write_text(HOSTILE_TEXT, encoding="utf-8")
    (hostile / "hostile.meta.json").write_text(json.dumps(HOSTILE_META), encoding="utf-8")
    analyze([str(SEEDS), str(hostile)], db=folder / "st.db", out=folder / "out")
    return WebRun(folder / "st.db", folder / "out")


@pytest.fixture(scope="session")
def web_store(web_run: WebRun) -> Iterator[SQLiteStore]:
    with SQLiteStore(web_run.db) as store:
        yield store


@pytest.fixture(scope="session")
def client(web_store: SQLiteStore) -> Iterator[TestClient]:
    with TestClient(create_app(web_store), raise_server_exceptions=False) as test_client:
        yield test_client


@pytest.fixture(scope="session")
def live_server(web_store: SQLiteStore) -> Iterator[str]:
    """A uvicorn server on 127.0.0.1 and a free port, stopped when the session ends."""
    yield from serve(web_store)


@pytest.fixture(scope="session")
def chromium() -> Iterator[Any]:
    """Debian's Chromium driven by Playwright (never a downloaded browser)."""
    from playwright.sync_api import sync_playwright

    assert CHROMIUM.is_file(), "install Debian's browser: apt-get install -y chromium"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def watched(chromium: Any, live_server: str) -> Iterator[PageWatch]:
    """A fresh desktop-sized page whose dialogs and console errors are recorded."""
    context = chromium.new_context(viewport={"width": 1280, "height": 900}, base_url=live_server)
    watch = PageWatch(context.new_page())
    yield watch
    context.close()
