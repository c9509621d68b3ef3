"""Downloads over http(s) with httpx, under the fetch policy, one deadline and caps.

Every download:

1. passes the fetch policy (``policy.py``) for its URL and for every redirect hop:
   ``http(s)`` only, credentials removed, the host resolved once and refused when it is
   loopback, private, link-local, multicast or reserved (unless allowed), the connection
   pinned to the vetted address (``pinning.py``);
2. follows at most ``max_redirects`` redirects;
3. must answer 2xx with one of the content types the caller accepts;
4. is read in chunks, decompressed as it arrives, and stopped once it passes
   ``max_bytes`` (so a gzip bomb costs at most that much memory);
5. ends by one deadline, ``timeout`` seconds after it began, that covers resolving,
   connecting, TLS, sending, the headers of every hop and the body (so a server that
   trickles its headers or a slow chain of redirects cannot hold the run).

Proxies and ``.netrc`` from the environment are not used: they would bypass the checks
or add credentials. Failures raise :class:`InputRejected` naming the URL and what to do.
"""

from __future__ import annotations

import logging
import time
import zlib
from collections.abc import Collection, Iterator
from dataclasses import dataclass

import httpx

from storytrace import __version__
from storytrace.errors import InputRejected
from storytrace.ingest.pinning import PinnedBackend, pinned_transport
from storytrace.ingest.policy import HostRefused, web_url_problem, without_userinfo
from storytrace.ingest.registry import ReadOptions

logger = logging.getLogger(__name__)

HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
FEED_TYPES = frozenset(
    {
        "application/rss+xml",
        "application/atom+xml",
        "application/rdf+xml",
        "application/xml",
        "text/xml",
        "application/x-rss+xml",
    }
)
_USER_AGENT = f"storytrace/{__version__} (+news article ingest)"
_ACCEPT = "text/html, application/xhtml+xml, application/rss+xml, application/atom+xml;q=0.9"


@dataclass(frozen=True)
class Fetched:
    """A downloaded document: its final URL, media type, declared charset and bytes."""

    url: str
    media_type: str
    charset: str | None
    data: bytes


def is_web_url(value: str) -> bool:
    """True for ``http://`` and ``https://`` URLs with a host."""
    return web_url_problem(value) is None


def fetch(url: str, options: ReadOptions, *, accept: Collection[str], source: str) -> Fetched:
    """Download ``url`` under the policy and limits of ``options``; InputRejected if it fails."""
    problem = web_url_problem(url)
    if problem:
        raise InputRejected(source, f"{problem}; only web pages are fetched")
    started = time.monotonic()
    backend = PinnedBackend(options.policy, started + options.timeout)
    try:
        with httpx.Client(
            transport=pinned_transport(backend),
            follow_redirects=False,
            trust_env=False,
            timeout=httpx.Timeout(options.timeout),
            headers={
                "User-Agent": _USER_AGENT,
                "Accept": _ACCEPT,
                "Accept-Encoding": "gzip, deflate",
            },
        ) as client:
            return _follow(client, without_userinfo(url), options, accept, source, started)
    except HostRefused as err:
        raise InputRejected(source, f"refused: {err}") from None
    except httpx.InvalidURL as err:
        raise InputRejected(source, f"not a valid URL ({err}); check the URL") from None
    except httpx.TimeoutException:
        raise InputRejected(
            source,
            f"no complete answer within {options.timeout:g} s; retry later or raise --timeout",
        ) from None
    except httpx.DecodingError as err:
        raise InputRejected(source, f"the response does not decompress ({err})") from None
    except httpx.HTTPError as err:
        raise InputRejected(
            source, f"download failed ({type(err).__name__}: {err}); check the URL"
        ) from None


def _follow(
    client: httpx.Client,
    url: str,
    options: ReadOptions,
    accept: Collection[str],
    source: str,
    started: float,
) -> Fetched:
    """GET ``url``, following redirects by hand so each hop passes the policy."""
    for _hop in range(options.max_redirects + 1):
        with client.stream("GET", url) as response:
            if not (response.is_redirect and response.next_request is not None):
                return _receive(response, options, accept, source, started)
            target = str(response.next_request.url)
        problem = web_url_problem(target)
        if problem:
            raise InputRejected(
                source, f"redirect refused: {without_userinfo(target)!r} is {problem}"
            )
        url = without_userinfo(target)
        logger.debug("%s: redirected to %s", source, url)
    raise InputRejected(
        source, f"more than {options.max_redirects} redirects; pass the final URL instead"
    )


def _receive(
    response: httpx.Response,
    options: ReadOptions,
    accept: Collection[str],
    source: str,
    started: float,
) -> Fetched:
    """Check the status and type, then read the body within the size and time limits."""
    if not response.is_success:
        raise InputRejected(
            source,
            f"the server answered {response.status_code} {response.reason_phrase}; check the URL",
        )
    media_type, charset = _content_type(response.headers.get("content-type", ""))
    if media_type not in accept:
        wanted = ", ".join(sorted(accept))
        raise InputRejected(
            source,
            f"content type {media_type or 'none'!r} is not one of {wanted}; "
            "pass an article page or a feed",
        )
    declared = response.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > options.max_bytes:
        raise InputRejected(
            source, f"{declared} bytes, over the size cap of {options.max_bytes}; raise --max-bytes"
        )
    decoder = _Decoder(response.headers.get("content-encoding", ""), source)
    chunks: list[bytes] = []
    size = 0
    for raw in response.iter_raw():  # as received: a fixed chunk size would wait to fill it
        for chunk in decoder.decode(raw, options.max_bytes - size + 1):
            size += len(chunk)
            if size > options.max_bytes:
                raise InputRejected(
                    source,
                    f"over {options.max_bytes} bytes once decompressed, the size cap; "
                    "raise --max-bytes",
                )
            chunks.append(chunk)
        if time.monotonic() - started > options.timeout:  # the stream cuts reads too
            raise httpx.ReadTimeout("deadline passed", request=response.request)
    decoder.finish()
    data = b"".join(chunks)
    if not data.strip():
        raise InputRejected(source, "empty response; check the URL")
    logger.debug("%s: %d bytes of %s from %s", source, size, media_type, response.url)
    return Fetched(str(response.url), media_type, charset, data)


class _Decoder:
    """Undoes ``Content-Encoding: gzip`` or ``deflate`` in bounded steps."""

    def __init__(self, encoding: str, source: str) -> None:
        self._source = source
        encoding = encoding.strip().lower()
        if encoding in ("", "identity"):
            self._zlib = None
        elif encoding in ("gzip", "x-gzip", "deflate"):
            self._zlib = zlib.decompressobj(47 if encoding != "deflate" else 15)
        else:
            raise InputRejected(source, f"unsupported content encoding {encoding!r}")

    def decode(self, raw: bytes, budget: int) -> Iterator[bytes]:
        """The decoded bytes of ``raw``, in pieces of at most ``budget`` bytes."""
        if self._zlib is None:
            yield raw
            return
        data = raw
        while data:
            try:
                piece = self._zlib.decompress(data, max(budget, 1))
            except zlib.error as err:
                raise InputRejected(
                    self._source, f"the response does not decompress ({err})"
                ) from None
            yield piece
            data = self._zlib.unconsumed_tail
            if self._zlib.eof:
                return

    def finish(self) -> None:
        """Reject a compressed body that ended before its end marker."""
        if self._zlib is not None and not self._zlib.eof:
            raise InputRejected(self._source, "the response ends mid-stream (truncated); retry")


def _content_type(value: str) -> tuple[str, str | None]:
    """The media type and charset of a ``Content-Type`` header value."""
    media_type, _, params = value.partition(";")
    charset = None
    for param in params.split(";"):
        key, _, found = param.partition("=")
        if key.strip().lower() == "charset" and found.strip():
            charset = found.strip().strip("\"'")
    return media_type.strip().lower(), charset
