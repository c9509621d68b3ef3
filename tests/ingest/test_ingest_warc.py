"""WARC and WARC.gz archives written with warcio: pages read, damage and bombs bounded."""

from __future__ import annotations

import gzip
import io
import time
import zlib
from pathlib import Path

import pytest
from ingest_helpers import page, split
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from storytrace.ingest import ReadOptions, read_inputs

P1 = (
    "The city council voted on Wednesday to close the Bruntsfield library for two years "
    "while its roof is repaired, a spokesman said after the meeting."
)
P2 = (
    "Workers at the Leith docks walked out on Thursday over a pay offer that the union "
    "called an insult, halting loading at three berths."
)


def _warc(path: Path, records: list[tuple[str, str, str, bytes, str]], *, gz: bool) -> Path:
    """Write ``(kind, uri, status, payload, content_type)`` records with warcio."""
    with path.open("wb") as handle:
        writer = WARCWriter(handle, gzip=gz)
        for kind, uri, status, payload, content_type in records:
            if kind == "response":
                headers = StatusAndHeaders(
                    status, [("Content-Type", content_type)], protocol="HTTP/1.1"
                )
                record = writer.create_warc_record(
                    uri,
                    "response",
                    payload=io.BytesIO(payload),
                    http_headers=headers,
                    length=len(payload),
                )
            else:
                record = writer.create_warc_record(
                    uri,
                    kind,
                    payload=io.BytesIO(payload),
                    warc_content_type=content_type,
                    length=len(payload),
                )
            writer.write_record(record)
    return path


def _crawl() -> list[tuple[str, str, str, bytes, str]]:
    return [
        (
            "request",
            "https://news.example/library",
            "",
            b"GET /library HTTP/1.1\r\n\r\n",
            "application/http; msgtype=request",
        ),
        (
            "response",
            "https://news.example/library",
            "200 OK",
            page("Library to close for repairs", P1).encode(),
            "text/html; charset=utf-8",
        ),
        ("response", "https://news.example/logo.png", "200 OK", b"\x89PNG\r\n", "image/png"),
        ("response", "https://news.example/old", "301 Moved Permanently", b"", "text/html"),
        (
            "response",
            "https://news.example/docks",
            "200 OK",
            page("Dock workers strike", P2).encode("cp1252"),
            "text/html; charset=windows-1252",
        ),
    ]


@pytest.mark.parametrize("name", ["crawl.warc", "crawl.warc.gz"])
def test_html_responses_become_articles(tmp_path: Path, name: str) -> None:
    path = _warc(tmp_path / name, _crawl(), gz=name.endswith(".gz"))
    articles, rejected = split(read_inputs([str(path)]))
    assert rejected == []
    assert [(a.source, a.url) for a in articles] == [
        (f"{path}#2", "https://news.example/library"),
        (f"{path}#5", "https://news.example/docks"),
    ]
    assert P1 in articles[0].text and "TRACKER-CODE" not in articles[0].text
    assert articles[1].title == "Dock workers strike"
    assert articles[0].outlet == "news.example"  # no site name: the URL's host


def test_same_page_in_an_archive_and_a_file_has_one_id(tmp_path: Path) -> None:
    html = page("Library to close for repairs", P1)
    (tmp_path / "library.html").write_text(html, encoding="utf-8")
    path = _warc(tmp_path / "c.warc.gz", _crawl(), gz=True)
    articles, _ = split(read_inputs([str(tmp_path / "library.html"), str(path)]))
    assert articles[0].id == articles[1].id


@pytest.mark.parametrize("gz", [False, True], ids=["warc", "warc.gz"])
def test_truncated_archive_keeps_the_pages_before_the_cut(tmp_path: Path, gz: bool) -> None:
    whole = _warc(tmp_path / "whole.warc", _crawl(), gz=gz).read_bytes()
    path = tmp_path / ("cut.warc.gz" if gz else "cut.warc")
    path.write_bytes(whole[: len(whole) - 120])  # inside the last page
    articles, (rejected,) = split(read_inputs([str(path)]))
    assert [a.source for a in articles] == [f"{path}#2"]
    assert rejected.source == str(path)
    assert "truncated" in rejected.reason
    assert rejected.reason.endswith("the pages before it were kept; re-fetch or repair the archive")


def test_gzip_bomb_is_rejected_without_expanding_it(tmp_path: Path) -> None:
    packer = zlib.compressobj(9, zlib.DEFLATED, 31)
    data = (
        packer.compress(b"WARC/1.0\r\n")
        + b"".join(packer.compress(b"\x00" * 1_000_000) for _ in range(500))
        + packer.flush()
    )
    path = tmp_path / "bomb.warc.gz"
    path.write_bytes(data)  # 500 MB of zeros in about half a megabyte
    started = time.monotonic()
    articles, (rejected,) = split(read_inputs([str(path)]))
    assert articles == []
    assert rejected.reason.startswith(
        "expands more than 100-fold when decompressed (a gzip bomb?); rejected unread"
    )
    assert time.monotonic() - started < 5


def test_oversized_record_is_rejected_alone(tmp_path: Path) -> None:
    records = _crawl()
    big = page("Big page", P2, "filler " * 3000).encode()
    records.insert(1, ("response", "https://news.example/big", "200 OK", big, "text/html"))
    path = _warc(tmp_path / "c.warc.gz", records, gz=True)
    articles, (rejected,) = split(
        read_inputs([str(path)], options=ReadOptions(max_bytes=len(big) - 1))
    )
    assert len(articles) == 2
    assert rejected.source == f"{path}#2"
    assert rejected.reason == f"page over {len(big) - 1} bytes, the size cap; raise --max-bytes"


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        (
            "garbage.warc",
            b"<html>not an archive</html>",
            "not a WARC archive (starts with b'<html>no'); pass .warc or .warc.gz files",
        ),
        (
            "garbage.warc.gz",
            gzip.compress(b"%PDF-1.4 not an archive"),
            "not a WARC archive (starts with b'%PDF-1.4'); pass .warc or .warc.gz files",
        ),
        (
            "bad.warc.gz",
            b"\x1f\x8b\x08\x00" + b"\xff" * 40,
            "the gzip stream is damaged (Error -3 while decompressing data: invalid block type); "
            "the pages before it were kept; re-fetch or repair the archive",
        ),
        ("empty.warc", b"", "empty file (0 bytes); remove it"),
    ],
)
def test_files_that_are_not_archives(tmp_path: Path, name: str, data: bytes, reason: str) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    articles, (rejected,) = split(read_inputs([str(path)]))
    assert articles == []
    assert rejected.reason == reason


def test_archive_without_pages_is_rejected(tmp_path: Path) -> None:
    path = _warc(tmp_path / "img.warc", _crawl()[2:4], gz=False)
    _, (rejected,) = split(read_inputs([str(path)]))
    assert rejected.reason == "no HTML pages among its 2 record(s); nothing to read"
