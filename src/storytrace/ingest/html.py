"""HTML reader: main text and metadata through trafilatura's ``bare_extraction``.

trafilatura drops scripts, styles, navigation, comments and other page furniture and
finds the title, author, site name (our ``outlet``), publication date and canonical URL.
A sidecar ``NAME.meta.json`` overrides any of them. Blocks (paragraphs, headings, list
items) are separated by a blank line, as in the plain-text articles. Extracted values
that do not pass validation (a date that is not ISO 8601, say) are dropped, never
guessed at.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from pathlib import Path

import trafilatura
from trafilatura.settings import Document

from storytrace.errors import InputRejected
from storytrace.ingest.decode import decode_bytes, read_capped
from storytrace.ingest.metadata import Meta, build_article, clean_fields
from storytrace.ingest.registry import ReadOptions, ReadResult, register_reader
from storytrace.ingest.sidecar import read_sidecar

logger = logging.getLogger(__name__)

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_SNIFF_BYTES = 4096


@register_reader("storytrace.ingest.html.v1", suffixes=(".html", ".htm"))
def read_html_file(path: Path, source: str, options: ReadOptions) -> Iterator[ReadResult]:
    """One article from a saved web page: main text, metadata, sidecar overrides."""
    data = read_capped(path, source, options.max_bytes)
    html = decode_bytes(data, source, declared=_declared_charset(data))
    if not html.strip():
        raise InputRejected(source, "empty file (only whitespace); remove it or add the page")
    sidecar = read_sidecar(path, source)
    document = _extract(html, url=sidecar.get("url"))
    if document is None or not (document.text or "").strip():
        raise InputRejected(
            source,
            "no main text found in the page (trafilatura extracted nothing); "
            "check that it is an article page, or save its text as .txt",
        )
    meta = {**_page_meta(document, source), **sidecar}
    yield build_article(_paragraphs(document.text or ""), meta, source)


def _paragraphs(text: str) -> str:
    """One blank line between blocks, as in plain-text articles (trafilatura gives one newline)."""
    return "\n\n".join(line.strip() for line in text.split("\n") if line.strip())


def _declared_charset(data: bytes) -> str | None:
    """The encoding named by ``<meta charset>`` or ``http-equiv`` in the page's head."""
    match = _META_CHARSET.search(data[:_SNIFF_BYTES])
    return match[1].decode("ascii") if match else None


def _extract(html: str, *, url: str | None) -> Document | None:
    """Run trafilatura on the page: main text without comments, plus metadata."""
    result = trafilatura.bare_extraction(
        html,
        url=url,
        include_comments=False,
        include_tables=True,
        include_images=False,
        include_links=False,
        with_metadata=True,
    )
    if result is None or isinstance(result, Document):
        return result
    raise TypeError(f"trafilatura.bare_extraction returned {type(result).__name__}")


def _page_meta(document: Document, source: str) -> Meta:
    """The page's own metadata as our fields; invalid values are logged and dropped."""
    found = {
        "title": document.title,
        "author": document.author,
        "outlet": document.sitename,
        "published": document.date,
        "url": document.url,
    }
    meta: Meta = {}
    for key, value in found.items():
        try:
            meta.update(clean_fields({key: value}))
        except ValueError as err:
            logger.debug("%s: dropping extracted %s", source, err)
    return meta
