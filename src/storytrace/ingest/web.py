"""``http(s)`` URL inputs: a page or a feed, told apart by content type and first bytes.

The URL is downloaded under the limits of ``fetch.py``. An HTML page becomes one article
(its source is the URL as given, its ``url`` the final address after redirects, unless the
page names a canonical one). A feed becomes one article per entry (see ``feeds.py``).
Some servers label feeds ``text/html`` or HTML ``text/xml``; the first element decides.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from storytrace.ingest.feeds import read_feed_bytes
from storytrace.ingest.fetch import FEED_TYPES, HTML_TYPES, fetch
from storytrace.ingest.html import article_from_html
from storytrace.ingest.policy import without_userinfo
from storytrace.ingest.registry import ReadOptions, ReadResult

_FEED_START = re.compile(
    rb"^(?:\xef\xbb\xbf)?\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:rss|feed|rdf:RDF)\b", re.S
)


def read_url(url: str, options: ReadOptions, source: str | None = None) -> Iterator[ReadResult]:
    """The article (a page) or articles (a feed) at ``url``; ``source`` defaults to it."""
    source = source or without_userinfo(url)
    fetched = fetch(url, options, accept=HTML_TYPES | FEED_TYPES, source=source)
    if _FEED_START.match(fetched.data[:4096]):
        yield from read_feed_bytes(fetched.data, source, options, url=fetched.url)
    else:
        yield article_from_html(
            fetched.data, source, declared=fetched.charset, url=fetched.url, options=options
        )
