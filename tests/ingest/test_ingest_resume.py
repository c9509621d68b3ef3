"""The command line, killed with SIGKILL mid-ingest and run again, over good and hostile input.

One folder holds small articles on both sides of a slow page (trafilatura takes a couple
of seconds over its 8,000 navigation links, which holds the ingest open long enough to
kill it), plus one input of every hostile kind. The first run is killed once some
articles are stored; the second runs to the end. Every article must then be stored
exactly once and whole, and every hostile input named on stderr, with exit status 1.
"""

from __future__ import annotations

import io
import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
import zlib
from dataclasses import dataclass
from pathlib import Path

import pytest
from ingest_helpers import page
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from storytrace.records import content_hash

MAX_BYTES = 1_000_000
TOWNS = ["Alloa", "Brechin", "Crieff", "Dunoon", "Elgin", "Forfar"]
LATER = ["Girvan", "Huntly", "Irvine", "Jedburgh", "Keith", "Lanark"]


def _story(town: str) -> str:
    return (
        f"Library reopens in {town}\n\n"
        f"The public library in {town} reopened on Saturday after a two-year refit, "
        f"the council said, and 300 people visited on the first day."
    )


def _slow_page() -> str:
    links = "".join(f"<li><a href='/s/{n}'>Section {n}</a></li>" for n in range(8000))
    return page("Ferry terminal opens", _story("Oban").split("\n\n")[1]).replace(
        "<main>", f"<nav><ul>{links}</ul></nav><main>"
    )


def _warc_page(path: Path, *, cut: int = 0) -> None:
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=True)
    for town in ("Portree", "Tain"):
        payload = page(f"Library reopens in {town}", _story(town).split("\n\n")[1]).encode()
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], "HTTP/1.1")
        writer.write_record(
            writer.create_warc_record(
                f"https://news.example/{town}",
                "response",
                payload=io.BytesIO(payload),
                http_headers=headers,
                length=len(payload),
            )
        )
    data = buffer.getvalue()
    path.write_bytes(data[: len(data) - cut] if cut else data)


HOSTILE = {
    "b_binary.html": "binary data, not text: NUL byte at offset",
    "c_empty.txt": "empty file (0 bytes); remove it or add the article text",
    "d_huge.txt": f"over the size cap of {MAX_BYTES}; raise --max-bytes",
    "e_lines.jsonl:2": "not valid JSON (column 2: Expecting property name",
    "f_laughs.xml": "declares XML entities (<!ENTITY ...>)",
    "g_bomb.warc.gz": "expands more than 100-fold when decompressed (a gzip bomb?)",
    "h_cut.warc.gz": "truncated",
    "i_rows.csv:5": "fields but the header has 2 columns",  # the quoted story fills lines 2-4
}


def _build(folder: Path) -> int:
    """Write the inputs; return how many articles they hold."""
    folder.mkdir()
    for town in TOWNS:
        (folder / f"a_{town}.txt").write_text(_story(town), encoding="utf-8")
    (folder / "m_slow.html").write_text(_slow_page(), encoding="utf-8")
    for town in LATER:
        (folder / f"z_{town}.txt").write_text(_story(town), encoding="utf-8")
    (folder / "b_binary.html").write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01" * 10)
    (folder / "c_empty.txt").write_bytes(b"")
    (folder / "d_huge.txt").write_bytes(b"news " * (MAX_BYTES // 4))
    lines = [json.dumps({"text": _story("Nairn"), "outlet": "Nairn Post"}), "{oops"]
    (folder / "e_lines.jsonl").write_text("\n".join(lines), encoding="utf-8")
    laughs = "".join(f'<!ENTITY l{n} "{("&l" + str(n - 1) + ";") * 10}">' for n in range(1, 10))
    (folder / "f_laughs.xml").write_text(
        f'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY l0 "lol">{laughs}]>'
        '<rss version="2.0"><channel><item><description>&l9;</description></item></channel></rss>'
    )
    packer = zlib.compressobj(9, zlib.DEFLATED, 31)
    bomb = packer.compress(b"WARC/1.0\r\n" + b"\x00" * 50_000_000) + packer.flush()
    (folder / "g_bomb.warc.gz").write_bytes(bomb)
    _warc_page(folder / "h_cut.warc.gz", cut=100)  # the first page survives the cut
    (folder / "i_rows.csv").write_text(
        f'text,outlet\n"{_story("Wick")}",Wick Times\n"x",y,surplus\n', encoding="utf-8"
    )
    return len(TOWNS) + 1 + len(LATER) + 1 + 1 + 1  # + slow page, jsonl, warc, csv


def _storytrace(*args: str) -> subprocess.Popen[str]:
    env = {**os.environ, "HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1"}
    return subprocess.Popen(
        [sys.executable, "-m", "storytrace.cli.main", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )


def _count(db: Path) -> int:
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1) as conn:
            return int(conn.execute("SELECT count(*) FROM articles").fetchone()[0])
    except sqlite3.Error:
        return 0


@dataclass
class Runs:
    folder: Path
    db: Path
    expected: int
    at_kill: int
    second: subprocess.CompletedProcess[str]


@pytest.fixture(scope="module")
def runs(tmp_path_factory: pytest.TempPathFactory) -> Runs:
    """Run ``analyze`` once to a SIGKILL mid-ingest, then again to the end."""
    root = tmp_path_factory.mktemp("resume")
    folder, db = root / "in", root / "st.db"
    expected = _build(folder)
    args = [
        "analyze",
        str(folder),
        "--db",
        str(db),
        "--out",
        str(root / "out"),
        "--max-bytes",
        str(MAX_BYTES),
        "--no-progress",
    ]
    first = _storytrace(*args)
    deadline = time.monotonic() + 180
    while time.monotonic() < deadline and first.poll() is None and _count(db) < 3:
        time.sleep(0.01)
    first.send_signal(signal.SIGKILL)
    _, err = first.communicate(timeout=30)
    assert first.returncode == -signal.SIGKILL, err
    at_kill = _count(db)  # counted once the process is gone: it may store more before dying
    assert 0 < at_kill < expected, f"killed with {at_kill} of {expected} stored; {err}"
    second = _storytrace(*args)
    out, err = second.communicate(timeout=900)
    done = subprocess.CompletedProcess(second.args, second.returncode, out, err)
    return Runs(folder, db, expected, at_kill, done)


def test_killed_run_resumes_with_every_article_exactly_once(runs: Runs) -> None:
    with sqlite3.connect(runs.db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        rows = conn.execute("SELECT id, text FROM articles").fetchall()
        sources = conn.execute("SELECT article_id, source FROM article_sources").fetchall()
    assert len(rows) == runs.expected
    assert all(content_hash(text) == article_id for article_id, text in rows)  # whole texts
    assert len(set(sources)) == len(sources) == runs.expected  # one source each, none twice
    assert {article_id for article_id, _ in sources} == {article_id for article_id, _ in rows}
    assert (
        f"{runs.expected - runs.at_kill} new article(s), {runs.at_kill} already stored, "
        f"{len(HOSTILE)} rejected;" in runs.second.stdout
    ), runs.second.stderr


def test_hostile_inputs_are_named_on_stderr_and_the_rest_processed(runs: Runs) -> None:
    assert "new article(s)" in runs.second.stdout, runs.second.stderr  # the run completed
    assert runs.second.returncode == 1, runs.second.stderr
    lines = [line for line in runs.second.stderr.splitlines() if line.startswith("storytrace:")]
    assert len(lines) == len(HOSTILE), runs.second.stderr
    for name, reason in HOSTILE.items():
        prefix = f"storytrace: rejected {runs.folder / name}: "
        matching = [line for line in lines if line.startswith(prefix)]
        assert len(matching) == 1, f"{prefix!r} not once in {lines}"
        assert reason in matching[0], matching[0]
    assert (runs.db.parent / "out" / "stories.json").is_file()
