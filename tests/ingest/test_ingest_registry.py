"""The reader registry and the ingest package's public surface."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from ingest_helpers import split

import storytrace.ingest as ingest
from storytrace.errors import InputRejected
from storytrace.ingest import READERS, SUFFIXES, ReadOptions, ReadResult, read_inputs
from storytrace.ingest import register_reader as register
from storytrace.records import Article


def test_public_api_matches_all() -> None:
    assert ingest.__all__ == [
        "READERS",
        "SUFFIXES",
        "CountsListener",
        "IngestCounts",
        "ReadOptions",
        "ReadResult",
        "Reader",
        "count_inputs",
        "current_options",
        "detect_language",
        "normalise_outlet",
        "read_inputs",
        "read_options",
        "register_reader",
    ]
    for name in ingest.__all__:
        assert hasattr(ingest, name), name


def test_built_in_readers_snapshot() -> None:
    assert sorted(READERS) == [
        "storytrace.ingest.csv.v1",
        "storytrace.ingest.feed.v1",
        "storytrace.ingest.html.v1",
        "storytrace.ingest.jsonl.v1",
        "storytrace.ingest.text.v1",
        "storytrace.ingest.warc.v1",
    ]
    assert SUFFIXES == {
        ".txt": "storytrace.ingest.text.v1",
        ".text": "storytrace.ingest.text.v1",
        "": "storytrace.ingest.text.v1",
        ".html": "storytrace.ingest.html.v1",
        ".htm": "storytrace.ingest.html.v1",
        ".xhtml": "storytrace.ingest.html.v1",
        ".jsonl": "storytrace.ingest.jsonl.v1",
        ".csv": "storytrace.ingest.csv.v1",
        ".tsv": "storytrace.ingest.csv.v1",
        ".rss": "storytrace.ingest.feed.v1",
        ".atom": "storytrace.ingest.feed.v1",
        ".xml": "storytrace.ingest.feed.v1",
        ".rdf": "storytrace.ingest.feed.v1",
        ".warc": "storytrace.ingest.warc.v1",
        ".warc.gz": "storytrace.ingest.warc.v1",
    }


@pytest.fixture
def md_reader() -> Iterator[str]:
    """A third-party Markdown reader registered like a built-in one, removed afterwards."""
    name = "example.ingest.markdown.v1"

    @register(name, suffixes=(".md",))
    def read_markdown(path: Path, source: str, options: ReadOptions) -> Iterator[ReadResult]:
        text = path.read_text(encoding="utf-8")
        if len(text.encode()) > options.max_bytes:
            raise InputRejected(source, "too big")
        title, _, body = text.partition("\n")
        yield Article.from_text(body.strip(), title=title.lstrip("# "), source=source)

    yield name
    del READERS[name]
    del SUFFIXES[".md"]


def test_registered_reader_is_dispatched_by_suffix(tmp_path: Path, md_reader: str) -> None:
    path = tmp_path / "note.md"
    path.write_text("# Ferry delayed\nThe morning ferry left two hours late.", encoding="utf-8")
    (article,), rejected = split(read_inputs([str(path)]))
    assert rejected == []
    assert (article.title, article.text) == (
        "Ferry delayed",
        "The morning ferry left two hours late.",
    )
    assert READERS[md_reader] is not None


def test_reader_errors_become_rejections(tmp_path: Path, md_reader: str) -> None:
    path = tmp_path / "big.md"
    path.write_text("# Title\n" + "word " * 100, encoding="utf-8")
    (rejected,) = read_inputs([str(path)], max_bytes=100)
    assert isinstance(rejected, InputRejected)
    assert (rejected.source, rejected.reason) == (str(path), "too big")


def test_unexpected_reader_failure_does_not_stop_the_batch(tmp_path: Path, md_reader: str) -> None:
    broken = tmp_path / "a_broken.md"
    broken.write_bytes(b"# caf\xe9\nnot UTF-8, so the example reader's read_text raises")
    good = tmp_path / "b_good.txt"
    good.write_text("The morning ferry left two hours late.", encoding="utf-8")
    articles, (rejected,) = split(read_inputs([str(tmp_path)]))
    assert [a.source for a in articles] == [str(good)]
    assert rejected.source == str(broken)
    assert rejected.reason.startswith(
        "example.ingest.markdown.v1 failed (UnicodeDecodeError: 'utf-8' codec can't decode"
    )
    assert rejected.reason.endswith("; please report this as a bug")
