"""Per-page extraction limits; a hostile batch: bad inputs rejected, the rest stored once."""

from __future__ import annotations

import json
import os
import sqlite3
import time
from pathlib import Path

from ingest_helpers import page, split
from loopback import LOOPBACK, Loopback

from storytrace.ingest import ReadOptions, read_inputs, read_options
from storytrace.pipeline import RunSummary, ingest_into
from storytrace.store import open_store

BODY = (
    "The harbour authority said the new ferry terminal would open in June, two months "
    "later than planned, after storms delayed work on the pier through the winter."
)


def _tags(count: int) -> str:
    """A page of many small nested tags, the shape that makes extraction super-linear."""
    return "<html><body><article>" + "<div><span><b>x</b></span></div>" * count + "</article>"


def _write_pages(folder: Path) -> None:
    folder.mkdir()
    (folder / "a-first.html").write_text(page("Ferry terminal", BODY), encoding="utf-8")
    (folder / "b-tags.html").write_text(_tags(30_000), encoding="utf-8")
    (folder / "c-last.html").write_text(page("Pier repairs", BODY + " Repairs go on."))


def test_a_page_over_the_time_budget_is_rejected_and_the_next_is_read(tmp_path: Path) -> None:
    _write_pages(tmp_path / "in")
    started = time.monotonic()
    articles, (rejected,) = split(
        read_inputs([str(tmp_path / "in")], options=ReadOptions(extract_timeout=0.25))
    )
    assert [a.title for a in articles] == ["Ferry terminal", "Pier repairs"]
    assert rejected.source == str(tmp_path / "in" / "b-tags.html")
    assert rejected.reason == (
        "text extraction took longer than 0.25 s, the per-page limit; "
        "raise --extract-timeout or save the article text as .txt"
    )
    assert time.monotonic() - started < 15  # includes starting the worker twice


def test_a_page_over_the_memory_budget_is_rejected(tmp_path: Path) -> None:
    path = tmp_path / "tags.html"
    path.write_text(_tags(100_000), encoding="utf-8")  # 3 MB: hundreds of MB to extract
    good = tmp_path / "good.html"
    good.write_text(page("Ferry terminal", BODY), encoding="utf-8")
    options = ReadOptions(extract_memory=40_000_000, extract_timeout=60)
    articles, (rejected,) = split(read_inputs([str(path), str(good)], options=options))
    assert [a.title for a in articles] == ["Ferry terminal"]
    assert rejected.source == str(path)
    assert rejected.reason == (
        "text extraction needed more than 40 MB of memory, the per-page limit; "
        "raise --extract-memory or save the text as .txt"
    )


def test_a_hostile_batch_stores_every_good_input_once(tmp_path: Path, web: Loopback) -> None:
    """Each bad input is rejected alone; a re-run stores nothing twice."""
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a-good.txt").write_text(f"Ferry terminal\n\n{BODY}", encoding="utf-8")
    name = os.path.join(os.fsencode(folder), b"b-caf\xe9\nrejected.txt")
    Path(os.fsdecode(name)).write_text(f"Pier repairs\n\n{BODY} Repairs go on.")
    (folder / "c-lines.jsonl").write_bytes(
        json.dumps(
            {"text": f"Harbour dues\n\n{BODY} Dues rise in Tromsø."}, ensure_ascii=False
        ).encode("utf-8")
        + b'\n{"text": "bad \xff byte"}\n'
    )
    (folder / "d-meta.html").write_text(
        page("Tides", BODY + " Tides.").replace("utf-8", "zlib_codec"), encoding="utf-8"
    )
    os.mkfifo(folder / "e-fifo.txt")
    (folder / "f-leak.txt").symlink_to("/etc/hostname")
    secret = web.add("/secret", page("Internal", BODY + " Internal.").encode())
    feed = web.add(
        "/feed.xml",
        f'<?xml version="1.0"?><rss version="2.0"><channel><title>Courier</title>'
        f"<item><title>Inside</title><link>{secret}</link></item></channel></rss>".encode(),
        content_type="application/rss+xml",
    )
    (folder / "g-feed.rss").write_text(
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Courier</title>'
        "<item><title>Meta</title><link>http://169.254.169.254/latest/meta-data/</link></item>"
        "</channel></rss>",
        encoding="utf-8",
    )
    db = tmp_path / "st.db"
    inputs = [str(folder), feed]
    with read_options(ReadOptions()):  # the defaults: loopback refused
        first = _ingest(inputs, db)
        second = _ingest(inputs, db)
    assert (first.stored, first.duplicates) == (4, 0)
    assert (second.stored, second.duplicates) == (0, 4)
    reasons = {r.source.removeprefix(f"{folder}/"): r.reason for r in first.rejected}
    assert set(reasons) == {"c-lines.jsonl:2", "e-fifo.txt", "f-leak.txt", "g-feed.rss#1", feed}
    assert reasons[feed].startswith("refused: 127.0.0.1 is a loopback address")
    assert "169.254.169.254 is a link-local address" in reasons["g-feed.rss#1"]
    assert web.hits == []
    with sqlite3.connect(db) as conn:
        sources = [row[0] for row in conn.execute("SELECT source FROM article_sources")]
    assert f"{folder}/b-caf\\xe9\nrejected.txt" in sources
    assert len(sources) == len(set(sources)) == 4
    assert LOOPBACK == ("127.0.0.1",)


def _ingest(inputs: list[str], db: Path) -> RunSummary:
    summary = RunSummary()
    store = open_store(db)
    try:
        ingest_into(store, inputs, summary, lambda *_: None, db=db)
    finally:
        store.close()
    return summary
