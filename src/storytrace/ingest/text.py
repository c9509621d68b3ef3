"""Plain-text reader: ``.txt``, ``.text`` and files without an extension."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from storytrace.ingest.decode import read_text
from storytrace.ingest.metadata import build_article
from storytrace.ingest.registry import ReadOptions, ReadResult, register_reader
from storytrace.ingest.sidecar import read_sidecar


@register_reader("storytrace.ingest.text.v1", suffixes=(".txt", ".text", ""))
def read_text_file(path: Path, source: str, options: ReadOptions) -> Iterator[ReadResult]:
    """One article from a text file, with metadata from its sidecar when there is one."""
    text = read_text(path, source, options.max_bytes)
    meta = read_sidecar(path, source)
    yield build_article(text, meta, source)
