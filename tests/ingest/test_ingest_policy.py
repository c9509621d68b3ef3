"""The fetch policy against real servers on 127.0.0.1: SSRF, pinning, credentials, deadlines."""

from __future__ import annotations

import ipaddress
import socket
import time
from http.server import BaseHTTPRequestHandler

import pytest
from ingest_helpers import page, split
from loopback import LOOPBACK, RAW, Loopback

from storytrace.errors import ConfigError
from storytrace.ingest import ReadOptions, read_inputs
from storytrace.ingest.policy import FetchPolicy, parse_networks

BODY = (
    "The harbour authority said the new ferry terminal would open in June, two months "
    "later than planned, after storms delayed work on the pier through the winter."
)
PAGE = page("Ferry terminal to open in June", BODY).encode()
ALLOWED = ReadOptions(allow_private_hosts=LOOPBACK)


def test_loopback_is_refused_by_default_and_nothing_is_requested(web: Loopback) -> None:
    url = web.add("/secret", PAGE)
    articles, (rejected,) = split(read_inputs([url], options=ReadOptions()))
    assert articles == [] and web.hits == []
    assert rejected.source == url
    assert rejected.reason.startswith("refused: 127.0.0.1 is a loopback address")
    assert "--allow-private-hosts 127.0.0.1" in rejected.reason
    (article,), _ = split(read_inputs([url], options=ALLOWED))
    assert BODY in article.text and web.hits == ["/secret"]


@pytest.mark.parametrize(
    "host",
    ["2130706433", "0x7f.0.0.1", "127.1", "[::ffff:127.0.0.1]", "[::1]", "localhost"],
)
def test_other_spellings_of_loopback_are_refused(web: Loopback, host: str) -> None:
    web.add("/secret", PAGE)
    port = web.base.rpartition(":")[2]
    url = f"http://{host}:{port}/secret"
    articles, (rejected,) = split(read_inputs([url], options=ReadOptions()))
    assert articles == [] and web.hits == []
    assert rejected.reason.startswith("refused: ")
    assert "loopback" in rejected.reason or "private" in rejected.reason


@pytest.mark.parametrize(
    ("address", "kind"),
    [
        ("10.1.2.3", "a private address"),
        ("172.16.0.1", "a private address"),
        ("192.168.1.1", "a private address"),
        ("169.254.169.254", "a link-local address"),
        ("fe80::1", "a link-local address"),
        ("fc00::1", "a private address"),
        ("224.0.0.251", "a multicast address"),
        ("ff02::1", "a multicast address"),
        ("0.0.0.0", "an unspecified address"),
        ("::", "an unspecified address"),
        ("240.0.0.1", "a private address"),
        ("100.64.0.1", "not a publicly routable address"),
        ("::ffff:10.0.0.1", "a private address"),
        ("::ffff:169.254.169.254", "a private address"),
        ("2002:7f00:1::", "a loopback address (127.0.0.1) in IPv6 form"),
        ("64:ff9b::a9fe:a9fe", "a reserved address"),
    ],
)
def test_every_local_and_private_range_is_barred(address: str, kind: str) -> None:
    assert FetchPolicy().refusal(ipaddress.ip_address(address)) == kind


@pytest.mark.parametrize("address", ["93.184.216.34", "8.8.8.8", "2606:4700::1111"])
def test_public_addresses_pass(address: str) -> None:
    assert FetchPolicy().refusal(ipaddress.ip_address(address)) is None


def test_an_allowed_network_covers_its_ipv4_mapped_form() -> None:
    policy = FetchPolicy(parse_networks(["10.0.0.0/8"]))
    assert policy.refusal(ipaddress.ip_address("10.9.8.7")) is None
    assert policy.refusal(ipaddress.ip_address("::ffff:10.9.8.7")) is None
    assert policy.refusal(ipaddress.ip_address("192.168.0.1")) == "a private address"
    with pytest.raises(ConfigError, match="not an IP address or network"):
        ReadOptions(allow_private_hosts=("intranet",))


def test_redirects_to_barred_addresses_and_schemes_are_refused(web: Loopback) -> None:
    metadata = web.add("/to-metadata", b"", status=302, Location="http://169.254.169.254/latest/")
    local_file = web.add("/to-file", b"", status=302, Location="file:///etc/passwd")
    _, rejected = split(read_inputs([metadata, local_file], options=ALLOWED))
    assert [r.source for r in rejected] == [metadata, local_file]
    assert rejected[0].reason.startswith("refused: 169.254.169.254 is a link-local address")
    assert rejected[1].reason.startswith("redirect refused: 'file://")
    assert rejected[1].reason.endswith("/etc/passwd' is not an http(s) URL (scheme 'file')")


def test_connection_is_pinned_to_the_vetted_address(
    web: Loopback, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A name that answers 127.0.0.1 once, then a barred address: the vetted one is used."""
    web.add("/news", PAGE)
    port = int(web.base.rpartition(":")[2])
    real = socket.getaddrinfo
    answers = ["127.0.0.1", "169.254.169.254"]
    lookups: list[str] = []

    def rebinding(host: str, *args: object, **kwargs: object) -> list:  # type: ignore[type-arg]
        if host != "news.rebind.test":
            return real(host, *args, **kwargs)  # type: ignore[arg-type]
        lookups.append(host)
        address = answers[min(len(lookups), len(answers)) - 1]
        return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", (address, port))]

    monkeypatch.setattr(socket, "getaddrinfo", rebinding)
    (article,), rejected = split(
        read_inputs([f"http://news.rebind.test:{port}/news"], options=ALLOWED)
    )
    assert rejected == [] and BODY in article.text
    assert lookups == ["news.rebind.test"]  # resolved once; the connect used that answer
    assert web.headers[-1]["host"] == f"news.rebind.test:{port}"


def test_credentials_in_a_link_are_never_sent_or_stored(web: Loopback) -> None:
    web.add("/news", PAGE)
    port = web.base.rpartition(":")[2]
    url = f"http://reader:hunter2@127.0.0.1:{port}/news"
    (article,), rejected = split(read_inputs([url], options=ALLOWED))
    assert rejected == []
    assert "authorization" not in web.headers[-1]
    stored = " ".join(str(value) for value in vars(article).values())
    assert "hunter2" not in stored and "reader" not in stored
    assert article.source == f"http://127.0.0.1:{port}/news"


def _slow_headers(handler: BaseHTTPRequestHandler) -> None:
    """A status line, then one header line every 0.2 s: each read is quick, no end."""
    handler.wfile.write(b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n")
    for number in range(100):
        handler.wfile.write(f"X-Slow-{number}: yes\r\n".encode())
        handler.wfile.flush()
        time.sleep(0.2)


def test_slow_headers_are_cut_at_the_deadline(web: Loopback) -> None:
    url = web.add("/slow-headers", _slow_headers, status=RAW)
    started = time.monotonic()
    _, (rejected,) = split(
        read_inputs([url], options=ReadOptions(timeout=1.0, allow_private_hosts=LOOPBACK))
    )
    elapsed = time.monotonic() - started
    assert rejected.reason == "no complete answer within 1 s; retry later or raise --timeout"
    assert elapsed < 2.5


def test_a_slow_chain_of_redirects_is_cut_at_the_deadline(web: Loopback) -> None:
    def hop(target: str):  # type: ignore[no-untyped-def]
        def slow(handler: BaseHTTPRequestHandler) -> None:
            time.sleep(0.5)
            handler.wfile.write(
                f"HTTP/1.1 302 Found\r\nLocation: {target}\r\nContent-Length: 0\r\n\r\n".encode()
            )

        return slow

    web.add("/end", PAGE)
    for number in range(4, 0, -1):
        web.add(f"/hop{number}", hop(f"/hop{number + 1}" if number < 4 else "/end"), status=RAW)
    options = ReadOptions(timeout=1.2, allow_private_hosts=LOOPBACK, max_redirects=10)
    started = time.monotonic()
    _, (rejected,) = split(read_inputs([web.url("/hop1")], options=options))
    assert rejected.reason == "no complete answer within 1.2 s; retry later or raise --timeout"
    assert time.monotonic() - started < 2.5
    assert "/end" not in web.hits


def test_links_fetched_per_feed_are_capped(web: Loopback) -> None:
    items = []
    for number in range(1, 6):
        web.add(f"/story{number}", page(f"Story {number}", f"{BODY} Story {number}.").encode())
        items.append(
            f"<item><title>Story {number}</title><link>{web.url(f'/story{number}')}</link></item>"
        )
    feed = web.add(
        "/feed.xml",
        f'<?xml version="1.0"?><rss version="2.0"><channel><title>Courier</title>'
        f"{''.join(items)}</channel></rss>".encode(),
        content_type="application/rss+xml",
    )
    options = ReadOptions(max_feed_links=2, allow_private_hosts=LOOPBACK)
    articles, (rejected,) = split(read_inputs([feed], options=options))
    assert [a.source for a in articles] == [f"{feed}#1", f"{feed}#2"]
    assert web.hits == ["/feed.xml", "/story1", "/story2"]
    assert rejected.source == feed
    assert rejected.reason == (
        "3 entries without full text not fetched (#3, #4, #5): the feed already had 2 "
        "linked pages fetched, the cap; raise --max-feed-links to fetch more"
    )


def test_feed_links_to_barred_addresses_reject_only_their_entry(web: Loopback) -> None:
    web.add("/ok", page("Fine story", BODY).encode())
    feed = web.add(
        "/feed.xml",
        (
            '<?xml version="1.0"?><rss version="2.0"><channel><title>Courier</title>'
            f"<item><title>A</title><link>{web.url('/ok')}</link></item>"
            "<item><title>B</title><link>http://10.0.0.7/admin</link></item>"
            "<item><title>C</title><link>http://[fe80::1]/x</link></item>"
            "</channel></rss>"
        ).encode(),
        content_type="application/rss+xml",
    )
    articles, rejected = split(read_inputs([feed], options=ALLOWED))
    assert [a.source for a in articles] == [f"{feed}#1"]
    assert [r.source for r in rejected] == [f"{feed}#2", f"{feed}#3"]
    assert "10.0.0.7 is a private address" in rejected[0].reason
    assert "fe80::1 is a link-local address" in rejected[1].reason
