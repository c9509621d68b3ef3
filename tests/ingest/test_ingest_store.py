"""Ingest into a real SQLite store: one row per article, every provenance, counts, inert text."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from ingest_helpers import page
from loopback import Loopback

from storytrace.ingest import IngestCounts
from storytrace.pipeline import RunSummary, ingest_into
from storytrace.records import content_hash
from storytrace.store import open_store

BODY = (
    "Police in Aberdeen said on Friday that 14 people had been arrested after a protest "
    "outside the council offices turned violent late on Thursday evening."
)
HOSTILE = (
    "The suspect typed $(touch pwned) and `rm -rf ~` into the form, then "
    "'; DROP TABLE articles; -- and ../../etc/passwd, officials said. "
    "<script>alert('stored')</script> appeared on the page as text."
)


class Recorder:
    """A progress callback that also listens for ingest counts (a CountsListener)."""

    def __init__(self) -> None:
        self.calls: list[tuple[str, int, int]] = []
        self.counts: list[tuple[int, int, int, int]] = []

    def __call__(self, stage: str, done: int, total: int) -> None:
        self.calls.append((stage, done, total))

    def ingest_counts(self, counts: IngestCounts) -> None:
        self.counts.append((counts.inputs_done, counts.stored, counts.duplicates, counts.rejected))


def _ingest(inputs: list[str], db: Path, progress: object = None) -> RunSummary:
    summary = RunSummary()
    store = open_store(db)
    try:
        ingest_into(store, inputs, summary, progress or Recorder(), db=db)  # type: ignore[arg-type]
    finally:
        store.close()
    return summary


def test_one_article_from_four_inputs_is_stored_once_with_every_source(
    tmp_path: Path, web: Loopback
) -> None:
    html = page("Arrests after protest", BODY)
    (tmp_path / "a.html").write_text(html, encoding="utf-8")
    url = web.add("/protest", html.encode())
    (tmp_path / "b.jsonl").write_text(json.dumps({"text": f"Arrests after protest\n\n{BODY}"}))
    (tmp_path / "c.csv").write_text(f'text\n"Arrests after protest\n\n{BODY}"\n')
    db = tmp_path / "st.db"
    inputs = [str(tmp_path / "a.html"), url, str(tmp_path / "b.jsonl"), str(tmp_path / "c.csv")]
    summary = _ingest(inputs, db)
    assert (summary.stored, summary.duplicates, summary.rejected) == (1, 3, [])
    store = open_store(db)
    try:
        (article,) = store.get_articles()
        assert store.article_sources(article.id) == [
            inputs[0],
            url,
            f"{inputs[2]}:1",
            f"{inputs[3]}:2",
        ]
    finally:
        store.close()
    again = _ingest(inputs, db)
    assert (again.stored, again.duplicates) == (0, 4)


def test_progress_gets_inputs_and_counts(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(BODY, encoding="utf-8")
    (folder / "b.txt").write_text(BODY, encoding="utf-8")
    (folder / "c.txt").write_bytes(b"")
    (folder / "d.jsonl").write_text('{"text": "Another story entirely, told in one line."}\n{x\n')
    recorder = Recorder()
    _ingest([str(folder)], tmp_path / "st.db", recorder)
    assert recorder.calls == [("ingest", n, 4) for n in (1, 2, 3, 4)]
    assert recorder.counts == [(0, 1, 0, 0), (1, 1, 1, 0), (2, 1, 1, 1), (3, 2, 1, 1), (3, 2, 1, 2)]


def test_plain_progress_callbacks_still_work(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(BODY, encoding="utf-8")
    seen: list[tuple[str, int, int]] = []
    _ingest([str(tmp_path / "a.txt")], tmp_path / "st.db", lambda *args: seen.append(args))
    assert seen == [("ingest", 1, 1)]


def test_the_database_in_an_input_folder_is_not_an_input(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(BODY, encoding="utf-8")
    db = tmp_path / "st.db"
    _ingest([str(tmp_path)], db)
    summary = _ingest([str(tmp_path)], db)
    assert (summary.stored, summary.duplicates, summary.rejected) == (0, 1, [])


def test_hostile_text_is_stored_verbatim_and_never_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    meta = {
        "title": "x'); DROP TABLE articles; --",
        "outlet": "$(touch outlet-pwned)",
        "url": "file:///etc/passwd",
    }
    (tmp_path / "evil.txt").write_text(HOSTILE, encoding="utf-8")
    (tmp_path / "evil.meta.json").write_text(json.dumps(meta), encoding="utf-8")
    (tmp_path / "evil.html").write_text(
        page("Evil page", BODY, "&lt;script&gt;alert(1)&lt;/script&gt; was shown as text.").replace(
            "<h1>", "<script>document.write('RAN')</script><h1>"
        ),
        encoding="utf-8",
    )
    db = tmp_path / "st.db"
    summary = _ingest([str(tmp_path / "evil.txt"), str(tmp_path / "evil.html")], db)
    assert summary.stored == 2 and summary.rejected == []
    with sqlite3.connect(db) as conn:
        rows = dict(conn.execute("SELECT source, text FROM articles").fetchall())
        title, outlet, url = conn.execute(
            "SELECT title, outlet, url FROM articles WHERE source LIKE '%evil.txt'"
        ).fetchone()
    assert rows[str(tmp_path / "evil.txt")] == HOSTILE
    assert (title, outlet, url) == (meta["title"], meta["outlet"], meta["url"])
    html_text = rows[str(tmp_path / "evil.html")]
    assert "<script>alert(1)</script> was shown as text." in html_text
    assert "RAN" not in html_text and "document.write" not in html_text
    assert not any("pwned" in p.name for p in tmp_path.rglob("*"))  # no shell ever ran
    with sqlite3.connect(db) as conn:
        ids = {row[0] for row in conn.execute("SELECT id FROM articles")}
    assert content_hash(HOSTILE) in ids


def test_the_cli_progress_bar_shows_the_counts(capsys: pytest.CaptureFixture[str]) -> None:
    from storytrace.cli.progress import ProgressBar
    from storytrace.ingest import CountsListener

    bar = ProgressBar(enabled=True)
    assert isinstance(bar, CountsListener)
    counts = IngestCounts(inputs_done=3, inputs_total=9, stored=12, duplicates=3, rejected=1)
    with bar:
        bar("ingest", 3, 9)
        bar.ingest_counts(counts)
        bar("read", 1, 2)  # other stages keep the plain callback
    shown = capsys.readouterr().err
    assert "12 stored · 3 duplicate · 1 rejected" in shown
    assert "3/9" in shown and "1/2" in shown
