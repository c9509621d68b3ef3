"""The fetch policy: which URLs and addresses a download may reach, in one place.

Every download, every redirect hop and every feed link passes through here:

1. the URL must be ``http`` or ``https`` with a host; credentials in it
   (``http://user:pass@host/``) are removed before anything is sent or stored;
2. the host is resolved once, and the download is refused when any address it resolves
   to is loopback, private, link-local, multicast, reserved, unspecified or otherwise
   not publicly routable (IPv4 and IPv6; an IPv4 address inside an IPv6 one, as in
   ``::ffff:127.0.0.1``, 6to4 or NAT64, is checked too; integer, octal and hex host
   forms such as ``2130706433`` are resolved as the system resolver reads them) unless
   the user allowed that network (``--allow-private-hosts``);
3. the connection is made to the address that was checked (see ``pinning.py``), so a
   second DNS answer cannot swap in another address between the check and the connect.
"""

from __future__ import annotations

import ipaddress
import socket
import time
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from dataclasses import dataclass
from urllib.parse import urlsplit, urlunsplit

from storytrace.errors import ConfigError

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
IPNetwork = ipaddress.IPv4Network | ipaddress.IPv6Network

_NAT64 = ipaddress.ip_network("64:ff9b::/96")
_RESOLVER = ThreadPoolExecutor(max_workers=2, thread_name_prefix="storytrace-dns")


class HostRefused(Exception):
    """A host the policy does not allow; the message says why and how to allow it."""


class ResolveTimeout(Exception):
    """The host did not resolve before the download's deadline."""


def parse_networks(values: Iterable[str]) -> tuple[IPNetwork, ...]:
    """Networks from ``10.0.0.0/8``, ``127.0.0.1`` or ``::1`` strings; ConfigError if bad."""
    networks = []
    for value in values:
        try:
            networks.append(ipaddress.ip_network(value.strip(), strict=False))
        except ValueError:
            raise ConfigError(
                f"not an IP address or network: {value!r}; write it as 10.0.0.0/8 or 127.0.0.1"
            ) from None
    return tuple(networks)


def without_userinfo(url: str) -> str:
    """``url`` with any ``user:password@`` part removed (unchanged when it has none)."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return url
    if "@" not in parts.netloc:
        return url
    host = parts.netloc.rpartition("@")[2]
    return urlunsplit((parts.scheme, host, parts.path, parts.query, parts.fragment))


def web_url_problem(url: str) -> str | None:
    """Why ``url`` is not an ``http(s)`` URL with a host, or None when it is one."""
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018  (raises ValueError for a port out of range)
    except ValueError as err:
        return f"not a valid URL ({err})"
    if parts.scheme.lower() not in ("http", "https"):
        return f"not an http(s) URL (scheme {parts.scheme or 'none'!r})"
    if not parts.hostname:
        return "an http(s) URL without a host"
    return None


@dataclass(frozen=True)
class FetchPolicy:
    """The addresses a download may connect to: public ones, plus ``allowed`` networks."""

    allowed: tuple[IPNetwork, ...] = ()

    def vet(self, host: str, port: int, deadline: float) -> list[str]:
        """The addresses of ``host`` to connect to, all checked; HostRefused if any is barred."""
        infos = _resolve(host, port, deadline)
        addresses: list[str] = []
        for info in infos:
            address = str(info[4][0]).split("%", 1)[0]  # drop an IPv6 zone
            ip = ipaddress.ip_address(address)
            problem = self.refusal(ip)
            if problem:
                shown = host if host == address else f"{host} resolves to {address}, which"
                raise HostRefused(
                    f"{shown} is {problem}; private and local addresses are never fetched "
                    f"unless allowed (--allow-private-hosts {ip})"
                )
            if address not in addresses:
                addresses.append(address)
        if not addresses:
            raise HostRefused(f"{host} has no address")
        return addresses

    def refusal(self, ip: IPAddress) -> str | None:
        """What makes ``ip`` barred ("a loopback address"), or None when it may be fetched."""
        candidates = [ip, *_embedded(ip)]
        if any(candidate in net for candidate in candidates for net in self.allowed):
            return None
        for candidate in candidates:
            kind = _kind(candidate)
            if kind:
                return kind if candidate is ip else f"{kind} ({candidate}) in IPv6 form"
        return None


def _resolve(host: str, port: int, deadline: float) -> list[tuple]:  # type: ignore[type-arg]
    """``getaddrinfo`` for TCP, given up on at ``deadline`` (the resolver has no timeout)."""
    left = deadline - time.monotonic()
    if left <= 0:
        raise ResolveTimeout(host)
    future = _RESOLVER.submit(socket.getaddrinfo, host, port, 0, socket.SOCK_STREAM)
    try:
        return list(future.result(timeout=left))
    except FutureTimeout:
        raise ResolveTimeout(host) from None
    except (OSError, UnicodeError) as err:
        raise HostRefused(f"{host} does not resolve ({err})") from None


def _embedded(ip: IPAddress) -> list[ipaddress.IPv4Address]:
    """IPv4 addresses carried inside an IPv6 one (mapped, 6to4, Teredo, NAT64)."""
    if not isinstance(ip, ipaddress.IPv6Address):
        return []
    found: list[ipaddress.IPv4Address] = []
    if ip.ipv4_mapped:
        found.append(ip.ipv4_mapped)
    if ip.sixtofour:
        found.append(ip.sixtofour)
    if ip.teredo:
        found.extend(ip.teredo)
    if ip in _NAT64:
        found.append(ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF))
    return found


def _kind(ip: IPAddress) -> str | None:
    """The barred category of one address, or None for a public unicast address."""
    checks = (
        (ip.is_unspecified, "an unspecified address"),
        (ip.is_loopback, "a loopback address"),
        (ip.is_link_local, "a link-local address"),
        (ip.is_multicast, "a multicast address"),
        (ip.is_private, "a private address"),
        (ip.is_reserved, "a reserved address"),
        (not ip.is_global, "not a publicly routable address"),
    )
    for barred, kind in checks:
        if barred:
            return kind
    return None
