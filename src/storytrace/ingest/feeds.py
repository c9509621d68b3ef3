"""RSS 0.9x/1.0/2.0 and Atom feeds, from a file or a URL, through feedparser.

Before feedparser sees a feed, its prolog is read with expat and the feed is rejected if
it declares XML entities (``<!ENTITY``): feeds never need them, and they are how "billion
laughs" expansion and external-entity reads work. (feedparser 6 itself neither expands
nor fetches them; it drops the declarations and keeps ``&name;`` as text, which would
store garbage.) A document whose root element is not ``rss``, ``feed`` or ``rdf:RDF`` is
rejected with a hint. feedparser always gets the bytes as a stream, never a string it
might take for a file name or URL.

Each entry becomes one article with the source ``FEED#N`` (N counts entries from 1):

1. its full content (``content:encoded``, Atom ``<content>``) when it carries one;
2. else the page its ``link`` points to, fetched under the same policy and limits as a
   URL input (only ``http(s)`` links; none with ``fetch_links`` off; at most
   ``max_feed_links`` per feed: the entries past that are rejected together, in one
   message that names them, after the feed's other entries);
3. else the entry is rejected with the reason.

The entry's title, author, date and link describe its own content; for a fetched page
they fill the fields the page lacks. The outlet is the page's site name, else the feed's
title (normalised).
"""

from __future__ import annotations

import io
import logging
import re
import time
import xml.parsers.expat
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

import feedparser

from storytrace.errors import InputRejected
from storytrace.ingest.decode import read_capped, text_encoding
from storytrace.ingest.fetch import HTML_TYPES, fetch, is_web_url
from storytrace.ingest.html import article_from_html, article_from_markup
from storytrace.ingest.metadata import Meta, build_article, clean_fields
from storytrace.ingest.outlets import normalise_outlet
from storytrace.ingest.registry import ReadOptions, ReadResult, register_reader
from storytrace.records import Article

logger = logging.getLogger(__name__)

FEED_ROOTS = frozenset({"rss", "feed", "RDF"})
_EMAIL_AND_NAME = re.compile(r"\S+@\S+\s*\((.+)\)")  # RSS <author>: "desk@x.org (Ann Lee)"
_HTML_CONTENT = frozenset({"text/html", "application/xhtml+xml"})
_DECLARED = re.compile(
    rb"(?P<head>(?:\xef\xbb\xbf)?\s*<\?xml[^>]*?)\sencoding\s*=\s*[\"'](?P<name>[^\"']*)[\"']"
    rb"(?P<tail>[^>]*>)"
)
_WIDE_BOMS = (b"\xff\xfe", b"\xfe\xff", b"\x00\x00\xfe\xff")


class _Entities(Exception):
    """Raised from expat when the document declares an entity."""


class _Root(Exception):
    """Raised from expat at the first element, carrying its local name."""


@register_reader("storytrace.ingest.feed.v1", suffixes=(".rss", ".atom", ".xml", ".rdf"))
def read_feed_file(path: Path, source: str, options: ReadOptions) -> Iterator[ReadResult]:
    """The articles of a saved RSS or Atom feed, one per entry."""
    yield from read_feed_bytes(read_capped(path, source, options.max_bytes), source, options)


def read_feed_bytes(
    data: bytes, source: str, options: ReadOptions, *, url: str | None = None
) -> Iterator[ReadResult]:
    """The articles of a feed's bytes; rejections for the feed or for single entries."""
    data = as_utf8(data, source)
    check_prolog(data, source)
    parsed = feedparser.parse(io.BytesIO(data), sanitize_html=True, resolve_relative_uris=True)
    if not parsed.get("version") and not parsed.entries:
        reason = parsed.get("bozo_exception") or "no channel or entries found"
        raise InputRejected(source, f"not RSS or Atom ({reason}); check the file or URL")
    if not parsed.entries:
        raise InputRejected(source, "a feed with no entries; nothing to read")
    feed = parsed.feed
    feed_link = str(feed.get("link") or url or "")
    outlet = normalise_outlet(str(feed.get("title") or ""), feed_link or None)
    budget = _LinkBudget(options.max_feed_links)
    for number, entry in enumerate(parsed.entries, 1):
        entry_source = f"{source}#{number}"
        try:
            yield _entry_article(entry, entry_source, outlet, options, budget)
        except _OverCap:
            budget.dropped.append(number)
        except InputRejected as err:
            yield err
    if budget.dropped:
        yield InputRejected(source, budget.message())


class _OverCap(Exception):
    """The entry needs its page fetched, and the feed has used its link budget."""


class _LinkBudget:
    """How many more linked pages this feed may fetch, and which entries went without."""

    def __init__(self, cap: int) -> None:
        self.cap = cap
        self.used = 0
        self.dropped: list[int] = []

    def take(self) -> None:
        """Count one fetch; _OverCap once the cap is reached."""
        if self.used >= self.cap:
            raise _OverCap
        self.used += 1

    def message(self) -> str:
        """The rejection naming the entries that were not fetched."""
        shown = ", ".join(f"#{number}" for number in self.dropped[:10])
        more = f" and {len(self.dropped) - 10} more" if len(self.dropped) > 10 else ""
        return (
            f"{len(self.dropped)} entries without full text not fetched ({shown}{more}): "
            f"the feed already had {self.cap} linked pages fetched, the cap; "
            "raise --max-feed-links to fetch more"
        )


def as_utf8(data: bytes, source: str) -> bytes:
    """The feed re-encoded as UTF-8 when its XML declaration names another encoding.

    expat reads few encodings (no multi-byte ones), and a declared name that is unknown or
    not a text encoding (``zlib_codec``, ``base64``) must not reach a codec lookup: such a
    declaration, or one the bytes do not decode with, is dropped, as if undeclared
    (UTF-8). Feeds starting with a UTF-16 or UTF-32 byte-order mark are left as they are.
    """
    match = _DECLARED.match(data)
    if match is None or data.startswith(_WIDE_BOMS):
        return data
    name = text_encoding(match["name"].decode("ascii", "replace"))
    if name in ("utf-8", "ascii"):
        return data
    body = data[match.end() :]
    if name is not None:
        try:
            body = body.decode(name).encode("utf-8")
        except UnicodeDecodeError:
            logger.debug("%s: does not decode as its declared %s", source, name)
    else:
        logger.debug("%s: declared encoding %r ignored", source, match["name"])
    return match["head"] + match["tail"] + body


def check_prolog(data: bytes, source: str) -> None:
    """Reject entity declarations and non-feed root elements (see the module docstring)."""
    parser = xml.parsers.expat.ParserCreate()
    parser.SetParamEntityParsing(xml.parsers.expat.XML_PARAM_ENTITY_PARSING_NEVER)

    def on_entity(*_: object) -> None:
        raise _Entities

    def on_start(name: str, _attributes: object) -> None:
        raise _Root(name.rpartition(":")[2])

    parser.EntityDeclHandler = on_entity
    parser.StartElementHandler = on_start
    try:
        parser.Parse(data, True)
    except _Entities:
        raise InputRejected(
            source,
            "declares XML entities (<!ENTITY ...>), which feeds never need and which can "
            "expand without bound or read local files; rejected unread",
        ) from None
    except _Root as root:
        name = str(root.args[0])
        if name not in FEED_ROOTS:
            raise InputRejected(
                source,
                f"not RSS or Atom (root element is <{name}>); "
                + (
                    "pass it as an HTML page instead"
                    if name.lower() == "html"
                    else "pass an RSS or Atom feed"
                ),
            ) from None
    except xml.parsers.expat.ExpatError as err:
        logger.debug(
            "%s: not well-formed XML (%s); trying feedparser's lenient parser", source, err
        )


def _entry_article(
    entry: Mapping[str, Any],
    source: str,
    outlet: str | None,
    options: ReadOptions,
    budget: _LinkBudget,
) -> Article:
    """Steps 1-3 of the module docstring for one entry."""
    defaults = _entry_meta(entry, source)
    if outlet:
        defaults.setdefault("outlet", outlet)
    link = defaults.get("url")
    for content in entry.get("content") or ():
        value = str(content.get("value") or "")
        if not value.strip():
            continue
        if content.get("type") in _HTML_CONTENT:
            page = f"<html><body><article>{value}</article></body></html>"
            return article_from_markup(page, source, url=link, overrides=defaults, options=options)
        return build_article(value, defaults, source)
    if not link or not is_web_url(link):
        raise InputRejected(
            source, "entry has no full text and no http(s) link to fetch it from; skipped"
        )
    if not options.fetch_links:
        raise InputRejected(
            source, f"entry has no full text and fetching links is off; its page is {link}"
        )
    budget.take()
    try:
        fetched = fetch(link, options, accept=HTML_TYPES, source=source)
    except InputRejected as err:
        raise InputRejected(source, f"its page {link}: {err.reason}") from None
    return article_from_html(
        fetched.data,
        source,
        declared=fetched.charset,
        url=fetched.url,
        defaults=defaults,
        options=options,
    )


def _entry_meta(entry: Mapping[str, Any], source: str) -> Meta:
    """Title, author, date and link of an entry, validated; invalid values are dropped."""
    author = entry.get("author")
    if isinstance(author, str) and (named := _EMAIL_AND_NAME.fullmatch(author.strip())):
        author = named[1]
    found = {
        "title": entry.get("title"),
        "author": author,
        "url": entry.get("link"),
        "published": _iso(entry.get("published_parsed") or entry.get("updated_parsed")),
    }
    meta: Meta = {}
    for key, value in found.items():
        if not isinstance(value, str):
            continue
        try:
            meta.update(clean_fields({key: value}))
        except ValueError as err:
            logger.debug("%s: dropping %s", source, err)
    return meta


def _iso(parsed: object) -> str | None:
    """An ISO 8601 UTC datetime from feedparser's ``time.struct_time``."""
    if not isinstance(parsed, time.struct_time):
        return None
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", parsed)
