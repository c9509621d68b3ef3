"""Outlet names: one spelling per outlet, whether it came from a page, a feed or a URL.

A name read from a page or feed is cleaned in this order:

1. whitespace folded, a leading ``@`` (a social-media handle) dropped;
2. a tagline split off at `` | ``, `` - ``, `` – ``, `` — `` or `` : ``: the part that
   matches the URL's domain is kept ("World news | The Guardian" at theguardian.com ->
   "The Guardian"), else the first part ("SOFREP | Military Grade Content" -> "SOFREP");
3. a bare domain lower-cased without ``www.`` ("WWW.Reuters.com" -> "reuters.com").

An article with no outlet but an ``http(s)`` URL gets the URL's host, cleaned as in 3,
so provenance can still tell outlets apart. Names a user wrote down (sidecars, JSONL and
CSV columns) only have their whitespace folded: they are taken as meant.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

_TAGLINE = re.compile(r"\s+(?:\||-|–|—|·|•|::?)\s+")
_DOMAIN = re.compile(r"(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,24}", re.I)
_MIN_LETTERS = 2


def normalise_outlet(name: str | None, url: str | None = None) -> str | None:
    """The outlet's display name from an extracted ``name``, else from ``url``'s host."""
    cleaned = _clean(name, _host_label(url)) if name else None
    if cleaned:
        return cleaned
    return outlet_from_url(url) if url else None


def outlet_from_url(url: str) -> str | None:
    """The host of an ``http(s)`` URL without ``www.``, lower-cased; None for other URLs."""
    try:
        parts = urlsplit(url.strip())
        host = parts.hostname
    except ValueError:
        return None
    if parts.scheme not in ("http", "https") or not host or not _DOMAIN.fullmatch(host):
        return None
    return _bare_domain(host)


def _clean(name: str, label: str | None) -> str | None:
    """Steps 1-3 of the module docstring; ``label`` is the URL's domain name without suffix."""
    name = " ".join(name.split()).lstrip("@").strip()
    parts = [part.strip() for part in _TAGLINE.split(name)]
    parts = [part for part in parts if sum(char.isalpha() for char in part) >= _MIN_LETTERS]
    if len(parts) > 1:
        matching = [part for part in parts if label and _matches(part, label)]
        name = (matching or parts)[0]
    if _DOMAIN.fullmatch(name):
        name = _bare_domain(name)
    return name or None


def _host_label(url: str | None) -> str | None:
    """The host without its top-level domain or dots: ``feedsbbcico`` for feeds.bbci.co.uk."""
    host = outlet_from_url(url) if url else None
    return "".join(host.split(".")[:-1]) if host else None


def _matches(part: str, label: str) -> bool:
    """True when a word of ``part`` (three letters or more) is in the domain label."""
    words = re.findall(r"[a-z0-9]{3,}", part.lower())
    return any(word in label for word in words) or part.lower().replace(" ", "") == label


def _bare_domain(host: str) -> str:
    """``WWW.Example.COM.`` -> ``example.com``."""
    host = host.lower().rstrip(".")
    return host[4:] if host.startswith("www.") else host
