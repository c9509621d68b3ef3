"""The reader registry: versioned names -> reader functions, and file suffixes -> names.

Built-in readers register here through :func:`register_reader`, the same way a
third-party reader would. A saved run records the reader names it used, so it can be
reproduced after a ``v2`` lands.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from storytrace.errors import InputRejected
from storytrace.records import Article

DEFAULT_MAX_BYTES = 20_000_000


@dataclass(frozen=True)
class ReadOptions:
    """Options every reader receives."""

    max_bytes: int = DEFAULT_MAX_BYTES


ReadResult = Article | InputRejected
Reader = Callable[[Path, str, ReadOptions], Iterable[ReadResult]]

READERS: dict[str, Reader] = {}
"""Registered readers by versioned name, e.g. ``"storytrace.ingest.text.v1"``."""

SUFFIXES: dict[str, str] = {}
"""Lower-case file suffix (``".txt"``; ``""`` for none) -> registered reader name."""

_REAL_SUFFIX = re.compile(r"\.[a-z][a-z0-9]{0,9}")

NOT_YET: dict[str, str] = {
    ".rss": "RSS/Atom feeds are not supported yet; save the linked pages as .html files",
    ".atom": "RSS/Atom feeds are not supported yet; save the linked pages as .html files",
    ".xml": (
        "XML files (RSS/Atom feeds) are not supported yet; save the linked pages as .html files"
    ),
    ".warc": "WARC archives are not supported yet; extract the pages to .html files",
    ".warc.gz": "WARC archives are not supported yet; extract the pages to .html files",
    ".csv": (
        'CSV files are not supported yet; convert them to JSONL, one {"text": ...} object a line'
    ),
}
"""Input kinds the design names but this version cannot read, with what to do instead."""

URL_REASON = (
    "URLs are not supported yet; save the page and pass the .html file "
    "(with a NAME.meta.json sidecar giving its url)"
)


def register_reader(name: str, *, suffixes: Iterable[str]) -> Callable[[Reader], Reader]:
    """Register a reader under a versioned name for the given file suffixes."""

    def decorate(reader: Reader) -> Reader:
        READERS[name] = reader
        for suffix in suffixes:
            SUFFIXES[suffix.lower()] = name
        return reader

    return decorate


def suffix_of(path: Path) -> str:
    """The dispatch suffix of ``path``: ``".warc.gz"`` or the last real suffix, else ``""``."""
    name = path.name.lower()
    for double in (".warc.gz",):
        if name.endswith(double):
            return double
    suffix = path.suffix.lower()
    # "2022.03.10" or "Report 1.5 final" have no real extension: read them as plain text.
    return suffix if _REAL_SUFFIX.fullmatch(suffix) else ""


def supported_suffixes() -> str:
    """The registered suffixes as a readable list for error messages."""
    shown = sorted(suffix for suffix in SUFFIXES if suffix)
    text = ", ".join(shown)
    if "" in SUFFIXES:
        text += " (or no extension for plain text)"
    return text
