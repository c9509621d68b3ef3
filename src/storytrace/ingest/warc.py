"""WARC and WARC.gz web archives through warcio: one article per HTML page captured.

Read are ``response`` records with an HTTP 200 answer of type ``text/html`` or
``application/xhtml+xml`` (and ``resource`` records of those types); other records
(requests, metadata, images, redirects) are skipped. Each article's source is
``ARCHIVE#N``, N counting records from 1, and its URL is the record's target URI.

Hostile archives are bounded:

1. a ``.warc.gz`` is decompressed here, member by member, before warcio sees it; a stream
   that expands more than 100-fold past its first megabyte is a gzip bomb and is
   rejected, as is a gzip stream that ends mid-member (truncated);
2. each record's payload is read up to the size cap (``--max-bytes``); a bigger one is
   rejected on its own;
3. a record cut short, or garbage where a record header should be, stops the archive:
   the pages before it are kept and the archive is rejected, naming the record.
"""

from __future__ import annotations

import io
import logging
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from warcio.archiveiterator import ArchiveIterator

from storytrace.errors import InputRejected
from storytrace.ingest.html import article_from_html
from storytrace.ingest.registry import ReadOptions, ReadResult, register_reader

logger = logging.getLogger(__name__)

MAX_RATIO = 100
_RATIO_FLOOR = 1_000_000  # bytes expanded before the ratio is checked
_CHUNK = 65_536
_PAGE_TYPES = frozenset({"text/html", "application/xhtml+xml"})
_FIX = "the pages before it were kept; re-fetch or repair the archive"


class _Corrupt(Exception):
    """The archive cannot be read past this point."""


@register_reader("storytrace.ingest.warc.v1", suffixes=(".warc", ".warc.gz"))
def read_warc_file(path: Path, source: str, options: ReadOptions) -> Iterator[ReadResult]:
    """The HTML pages of a web archive, each as an article."""
    size = path.stat().st_size
    if size > options.max_bytes:
        raise InputRejected(
            source, f"{size} bytes, over the size cap of {options.max_bytes}; raise --max-bytes"
        )
    if size == 0:
        raise InputRejected(source, "empty file (0 bytes); remove it")
    with path.open("rb") as raw:
        compressed = raw.read(2) == b"\x1f\x8b"  # by content: names can lie
        raw.seek(0)
        gunzip = _Gunzip(raw) if compressed else None
        stream: io.BufferedIOBase = io.BufferedReader(gunzip, _CHUNK) if gunzip else raw
        try:
            yield from _read_records(stream, source, options)
        except InputRejected:
            if gunzip is None or gunzip.problem is None:
                raise
        if gunzip is not None and gunzip.problem is not None:
            raise InputRejected(source, f"{gunzip.problem}; {_FIX}")


def _read_records(
    stream: io.BufferedIOBase, source: str, options: ReadOptions
) -> Iterator[ReadResult]:
    """Articles from the records of an uncompressed WARC stream (steps 2-3)."""
    number, pages = 0, 0
    try:
        head = stream.peek(8)[:8] if isinstance(stream, io.BufferedReader) else b""
        if head and not head.startswith(b"WARC/"):
            raise InputRejected(
                source, f"not a WARC archive (starts with {head!r}); pass .warc or .warc.gz files"
            )
        for number, record in enumerate(ArchiveIterator(stream, arc2warc=False), 1):
            result = _record_article(record, f"{source}#{number}", options)
            if result is not None:
                pages += 1
                yield result
    except _Corrupt as err:
        raise InputRejected(source, f"{err}; {_FIX}") from None
    except InputRejected:
        raise
    except Exception as err:  # warcio raises many kinds on damaged input
        raise InputRejected(
            source, f"damaged after record {number} ({type(err).__name__}: {err}); {_FIX}"
        ) from None
    if pages == 0:
        raise InputRejected(source, f"no HTML pages among its {number} record(s); nothing to read")


def _record_article(record: Any, source: str, options: ReadOptions) -> ReadResult | None:
    """The article of one record, its rejection, or None for records that are not pages."""
    kind = record.rec_type
    if kind is None or not record.rec_headers.get_header("WARC-Type"):
        raise _Corrupt(f"garbage where record {source.rpartition('#')[2]} should start")
    uri = record.rec_headers.get_header("WARC-Target-URI")
    if kind == "response":
        headers = record.http_headers
        if headers is None or not headers.get_statuscode().startswith("2"):
            return None
        content_type = headers.get_header("Content-Type") or ""
    elif kind == "resource":
        content_type = record.rec_headers.get_header("Content-Type") or ""
    else:
        return None
    media_type, _, params = content_type.partition(";")
    if media_type.strip().lower() not in _PAGE_TYPES:
        _drain(record)
        return None
    data = record.content_stream().read(options.max_bytes + 1)
    if len(data) > options.max_bytes:
        return InputRejected(
            source, f"page over {options.max_bytes} bytes, the size cap; raise --max-bytes"
        )
    _drain(record)
    if record.raw_stream.limit:
        raise _Corrupt(f"record {source.rpartition('#')[2]} is cut short (truncated archive)")
    charset = params.partition("charset=")[2].strip().strip("\"'") or None
    try:
        return article_from_html(data, source, declared=charset, url=uri, options=options)
    except InputRejected as err:
        return err


def _drain(record: Any) -> None:
    """Read the rest of a record's block, so its length can be checked."""
    while record.raw_stream.read(_CHUNK):
        pass


class _Gunzip(io.RawIOBase):
    """A multi-member gzip stream, decompressed with the checks of step 1.

    A truncated or damaged stream ends early, as if it were complete, with the reason in
    :attr:`problem`, so the records before the damage can still be read.
    """

    def __init__(self, raw: io.BufferedReader) -> None:
        self._raw = raw
        self.problem: str | None = None
        self._zlib = zlib.decompressobj(31)
        self._pending = b""
        self._read_in = 0
        self._given = 0
        self._done = False

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        """Fill ``buffer`` with decompressed bytes; 0 at the clean end of the last member."""
        while not self._pending and not self._done:
            try:
                self._refill(len(buffer))
            except _Corrupt as err:
                self.problem, self._done = str(err), True
        count = min(len(buffer), len(self._pending))
        buffer[:count] = self._pending[:count]
        self._pending = self._pending[count:]
        self._given += count
        if self._given > _RATIO_FLOOR and self._given > MAX_RATIO * max(self._read_in, 1):
            raise _Corrupt(
                f"expands more than {MAX_RATIO}-fold when decompressed (a gzip bomb?); "
                "rejected unread"
            )
        return count

    def _refill(self, want: int) -> None:
        """Decompress more input, starting the next member where one ends."""
        if self._zlib.eof:
            rest = self._zlib.unused_data
            self._zlib = zlib.decompressobj(31)
            if not rest.strip(b"\x00"):
                rest = self._raw.read(_CHUNK)
                self._read_in += len(rest)
                if not rest:
                    self._done = True
                    return
            self._pending = self._inflate(rest, want)
            return
        data = self._zlib.unconsumed_tail or self._raw.read(_CHUNK)
        if not self._zlib.unconsumed_tail:
            self._read_in += len(data)
        if not data:
            raise _Corrupt("the gzip stream ends mid-record (truncated archive)")
        self._pending = self._inflate(data, want)

    def _inflate(self, data: bytes, want: int) -> bytes:
        try:
            return self._zlib.decompress(data, max(want, _CHUNK))
        except zlib.error as err:
            raise _Corrupt(f"the gzip stream is damaged ({err})") from None
