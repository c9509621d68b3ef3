"""HTML reader: main text and metadata through trafilatura's ``bare_extraction``.

trafilatura runs in a worker process under a time and memory budget per page (see
``extraction.py``).

trafilatura drops scripts, styles, navigation, comments and other page furniture and
finds the title, author, site name (our ``outlet``), publication date (through htmldate,
preferring the original publication date over a later update) and canonical URL. Then:

1. furniture left inside the body (captions with photo credits, "Updated" stamps, share
   buttons, related links) is removed (see ``boilerplate.py``);
2. blocks (paragraphs, headings, list items) are separated by a blank line, as in the
   plain-text articles;
3. the outlet name is normalised (see ``outlets.py``); a page without one gets its URL's host;
4. the language is detected from the text, else taken from ``<html lang>``.

A sidecar ``NAME.meta.json`` overrides any field. Extracted values that do not pass
validation (a date that is not ISO 8601, say) are dropped, never guessed at. Markup
such as ``<script>`` written as text in a paragraph stays text: it is stored, never run.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator, Mapping
from dataclasses import replace
from pathlib import Path

from storytrace.errors import InputRejected
from storytrace.ingest.boilerplate import strip_boilerplate
from storytrace.ingest.decode import decode_bytes, read_capped
from storytrace.ingest.extraction import Fields, extract_page
from storytrace.ingest.metadata import Meta, build_article, clean_fields
from storytrace.ingest.outlets import normalise_outlet
from storytrace.ingest.registry import ReadOptions, ReadResult, current_options, register_reader
from storytrace.ingest.sidecar import read_sidecar
from storytrace.records import Article

logger = logging.getLogger(__name__)

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_HTML_LANG = re.compile(r"""<html[^>]*?\slang\s*=\s*["']?([A-Za-z]{2,3})\b""", re.I)
_SNIFF_BYTES = 4096
_NO_TEXT = (
    "no main text found in the page (trafilatura extracted nothing); "
    "check that it is an article page, or save its text as .txt"
)


@register_reader("storytrace.ingest.html.v1", suffixes=(".html", ".htm", ".xhtml"))
def read_html_file(path: Path, source: str, options: ReadOptions) -> Iterator[ReadResult]:
    """One article from a saved web page: main text, metadata, sidecar overrides."""
    data = read_capped(path, source, options.max_bytes)
    yield article_from_html(data, source, overrides=read_sidecar(path, source), options=options)


def article_from_html(
    data: bytes,
    source: str,
    *,
    declared: str | None = None,
    url: str | None = None,
    defaults: Mapping[str, str] | None = None,
    overrides: Mapping[str, str] | None = None,
    options: ReadOptions | None = None,
) -> Article:
    """One article from a page's bytes; InputRejected when it holds no article text.

    Args:
        data: the page as received or saved.
        source: where it came from, for the article's provenance and for messages.
        declared: the charset the server declared, tried before the page's own ``<meta>``.
        url: the address the page was fetched from, when known.
        defaults: metadata used where the page says nothing (a feed entry's).
        overrides: metadata that wins over what the page says (a sidecar's).
        options: the extraction limits (default: those of the current ``read_options``).
    """
    html = decode_bytes(data, source, declared=declared or declared_charset(data))
    return article_from_markup(
        html, source, url=url, defaults=defaults, overrides=overrides, options=options
    )


def article_from_markup(
    html: str,
    source: str,
    *,
    url: str | None = None,
    defaults: Mapping[str, str] | None = None,
    overrides: Mapping[str, str] | None = None,
    options: ReadOptions | None = None,
) -> Article:
    """One article from decoded HTML (a page, or a feed entry's content)."""
    if not html.strip():
        raise InputRejected(source, "empty file (only whitespace); remove it or add the page")
    defaults, overrides = defaults or {}, overrides or {}
    page_url = overrides.get("url") or url
    document = extract_page(html, page_url, source, options or current_options())
    if document is None or not (document.get("text") or "").strip():
        raise InputRejected(source, _NO_TEXT)
    text = strip_boilerplate(_paragraphs(document.get("text") or ""))
    page = _page_meta(document, source)
    if url and "url" not in page:
        page["url"] = url
    merged: Meta = {**defaults, **page, **overrides}
    outlet = overrides.get("outlet") or normalise_outlet(
        page.get("outlet") or defaults.get("outlet"), merged.get("url")
    )
    if outlet:
        merged["outlet"] = outlet
    article = build_article(text, merged, source)
    if article.language is None and "language" not in merged:
        lang = _declared_language(html)
        return replace(article, language=lang) if lang else article
    return article


def _paragraphs(text: str) -> str:
    """One blank line between blocks, as in plain-text articles (trafilatura gives one newline)."""
    return "\n\n".join(line.strip() for line in text.split("\n") if line.strip())


def declared_charset(data: bytes) -> str | None:
    """The encoding named by ``<meta charset>`` or ``http-equiv`` in the page's head."""
    match = _META_CHARSET.search(data[:_SNIFF_BYTES])
    return match[1].decode("ascii") if match else None


def _declared_language(html: str) -> str | None:
    """The ISO 639-1 code of ``<html lang="...">``, if the page declares one."""
    match = _HTML_LANG.search(html[:_SNIFF_BYTES])
    if not match:
        return None
    try:
        return clean_fields({"language": match[1]}).get("language")
    except ValueError:
        return None


def _page_meta(document: Fields, source: str) -> Meta:
    """The page's own metadata as our fields; invalid values are logged and dropped."""
    found = {
        "title": document.get("title"),
        "author": document.get("author"),
        "outlet": document.get("sitename"),
        "published": document.get("date"),
        "url": document.get("url"),
    }
    meta: Meta = {}
    for key, value in found.items():
        try:
            meta.update(clean_fields({key: value}))
        except ValueError as err:
            logger.debug("%s: dropping extracted %s", source, err)
    return meta
