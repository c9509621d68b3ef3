"""http(s) URL inputs against a loopback server: pages, limits, and what is refused."""

from __future__ import annotations

import gzip
import time
import zlib
from http.server import BaseHTTPRequestHandler

import pytest
from ingest_helpers import page, split
from loopback import LOOPBACK, Loopback

from storytrace.ingest import ReadOptions, read_inputs, read_options

P1 = (
    "The harbour authority said on Monday that the new ferry terminal in Kessock would "
    "open in June, after two years of building work and a long dispute over costs."
)
P2 = "Officials expect about 4,000 passengers a day once the summer timetable begins."
PAGE = page(
    "Ferry terminal to open in June",
    P1,
    P2,
    head='<meta property="og:site_name" content="Highland Courier | News for the North">'
    '<meta name="author" content="Iona Fraser">'
    '<meta property="article:published_time" content="2024-03-04T08:00:00Z">',
)


def _read(url: str, **limits: float) -> tuple[list, list]:
    return split(read_inputs([url], options=ReadOptions(allow_private_hosts=LOOPBACK, **limits)))  # type: ignore[arg-type]


def test_page_at_a_url_becomes_an_article_with_metadata(web: Loopback) -> None:
    url = web.add("/news/ferry", PAGE.encode())
    (article,), rejected = _read(url)
    assert rejected == []
    assert article.source == url
    assert article.url == url
    assert article.text.startswith("Ferry terminal to open in June\n\nThe harbour authority")
    assert (
        P2 in article.text
        and "TRACKER-CODE" not in article.text
        and "Most read" not in article.text
    )
    assert (article.title, article.author, article.published) == (
        "Ferry terminal to open in June",
        "Iona Fraser",
        "2024-03-04",
    )
    assert article.outlet == "Highland Courier"
    assert article.language == "en"


def test_redirects_are_followed_up_to_the_limit(web: Loopback) -> None:
    web.add("/final", PAGE.encode())
    web.add("/hop2", b"", status=302, Location="/final")
    start = web.add("/hop1", b"", status=301, Location="/hop2")
    (article,), _ = _read(start, max_redirects=2)
    assert article.source == start and article.url == web.url("/final")
    articles, (rejected,) = _read(start, max_redirects=1)
    assert articles == []
    assert rejected.reason == "more than 1 redirects; pass the final URL instead"


def test_content_type_is_checked(web: Loopback) -> None:
    url = web.add("/photo", b"\x89PNG\r\n\x1a\n" + b"\x00" * 64, content_type="image/png")
    _, (rejected,) = _read(url)
    assert rejected.source == url
    assert rejected.reason.startswith("content type 'image/png' is not one of application/")
    assert rejected.reason.endswith("; pass an article page or a feed")


def test_http_errors_are_named(web: Loopback) -> None:
    _, (rejected,) = _read(web.url("/missing"))
    assert rejected.reason == "the server answered 404 Not Found; check the URL"


def test_declared_size_over_the_cap_is_refused_before_reading(web: Loopback) -> None:
    url = web.add("/big", PAGE.encode())
    _, (rejected,) = _read(url, max_bytes=500)
    assert (
        rejected.reason
        == f"{len(PAGE.encode())} bytes, over the size cap of 500; raise --max-bytes"
    )


def _gzip_bomb(handler: BaseHTTPRequestHandler) -> None:
    """200 MB of zeros gzip-compressed to about 200 KB, sent without a Content-Length."""
    packer = zlib.compressobj(9, zlib.DEFLATED, 31)
    chunk = b"\x00" * 1_000_000
    for _ in range(200):
        handler.wfile.write(packer.compress(chunk))
    handler.wfile.write(packer.flush())


def test_gzip_bomb_is_stopped_at_the_size_cap(web: Loopback) -> None:
    url = web.add("/bomb", _gzip_bomb, **{"Content-Encoding": "gzip"})
    started = time.monotonic()
    _, (rejected,) = _read(url, max_bytes=2_000_000)
    assert rejected.reason == (
        "over 2000000 bytes once decompressed, the size cap; raise --max-bytes"
    )
    assert time.monotonic() - started < 10


def test_gzip_encoded_page_is_read(web: Loopback) -> None:
    url = web.add("/gz", gzip.compress(PAGE.encode()), **{"Content-Encoding": "gzip"})
    (article,), rejected = _read(url)
    assert rejected == [] and P1 in article.text


def _trickle(handler: BaseHTTPRequestHandler) -> None:
    """A byte every 0.2 s: each read is quick, the whole answer never comes."""
    for _ in range(100):
        handler.wfile.write(b" ")
        handler.wfile.flush()
        time.sleep(0.2)


def test_a_server_that_trickles_bytes_hits_the_overall_timeout(web: Loopback) -> None:
    url = web.add("/slow", _trickle)
    started = time.monotonic()
    _, (rejected,) = _read(url, timeout=1.0)
    assert rejected.reason == "no complete answer within 1 s; retry later or raise --timeout"
    assert time.monotonic() - started < 5


def test_read_options_block_sets_the_cap_for_every_read(web: Loopback) -> None:
    url = web.add("/news/ferry", PAGE.encode())
    with read_options(ReadOptions(max_bytes=500, allow_private_hosts=LOOPBACK)):
        _, (rejected,) = split(read_inputs([url]))
    assert "over the size cap of 500" in rejected.reason
    (article,), _ = split(read_inputs([url]))  # the block has ended: defaults again
    assert article.source == url


@pytest.mark.parametrize("given", ["http://", "https:///nohost"])
def test_malformed_urls_are_rejected(given: str) -> None:
    articles, (rejected,) = split(read_inputs([given]))
    assert articles == []
    assert rejected.reason == "not a file, a folder or an http(s) URL"


def test_unreachable_host_is_rejected_not_raised() -> None:
    url = "http://127.0.0.1:9/nothing-listens-here"
    articles, (rejected,) = split(
        read_inputs([url], options=ReadOptions(timeout=3, allow_private_hosts=LOOPBACK))
    )
    assert articles == []
    assert rejected.source == url
    assert rejected.reason.startswith("download failed (ConnectError")
