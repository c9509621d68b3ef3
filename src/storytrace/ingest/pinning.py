"""The httpx transport of one download: vetted, pinned connections under one deadline.

httpx sends requests through httpcore, which opens sockets through a *network backend*.
Ours, :class:`PinnedBackend`:

1. resolves the host once through :meth:`FetchPolicy.vet` and connects to the checked
   address itself (the URL keeps its host name, so the ``Host`` header, TLS SNI and the
   certificate check still use the name): no second lookup can rebind it;
2. hands out streams whose every connect, TLS handshake, read and write is given at most
   the time left until the download's deadline, so a server that sends its headers a
   byte at a time, or a slow chain of redirects, is cut at the deadline the user set.

httpx 0.28 has no public argument for a network backend (encode/httpx#3749 adds one), so
:func:`pinned_transport` builds the ``httpx.HTTPTransport`` with its connection pool
replaced; ``tests/ingest/test_ingest_policy.py`` fails if that stops working.
"""

from __future__ import annotations

import ssl
import time
import typing
from functools import cache

import httpcore
import httpx

from storytrace.ingest.policy import FetchPolicy, ResolveTimeout

SocketOption = typing.Any


class DeadlineStream(httpcore.NetworkStream):
    """A network stream whose every operation ends by ``deadline`` (``time.monotonic``)."""

    def __init__(self, stream: httpcore.NetworkStream, deadline: float) -> None:
        self._stream = stream
        self._deadline = deadline

    def _left(self, timeout: float | None, error: type[Exception]) -> float:
        left = self._deadline - time.monotonic()
        if left <= 0:
            raise error("the download's deadline passed")
        return left if timeout is None else min(timeout, left)

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return self._stream.read(max_bytes, self._left(timeout, httpcore.ReadTimeout))

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        self._stream.write(buffer, self._left(timeout, httpcore.WriteTimeout))

    def close(self) -> None:
        self._stream.close()

    def start_tls(
        self,
        ssl_context: ssl.SSLContext,
        server_hostname: str | None = None,
        timeout: float | None = None,
    ) -> httpcore.NetworkStream:
        left = self._left(timeout, httpcore.ConnectTimeout)
        return DeadlineStream(
            self._stream.start_tls(ssl_context, server_hostname, left), self._deadline
        )

    def get_extra_info(self, info: str) -> typing.Any:
        return self._stream.get_extra_info(info)


class PinnedBackend(httpcore.NetworkBackend):
    """Connects only to addresses the policy vetted, within the deadline (see module doc)."""

    def __init__(self, policy: FetchPolicy, deadline: float) -> None:
        self._policy = policy
        self._deadline = deadline
        self._inner = httpcore.SyncBackend()
        self.connected: list[str] = []

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: typing.Iterable[SocketOption] | None = None,
    ) -> httpcore.NetworkStream:
        try:
            addresses = self._policy.vet(host, port, self._deadline)
        except ResolveTimeout:
            raise httpcore.ConnectTimeout(f"{host} did not resolve in time") from None
        error: Exception = httpcore.ConnectError(f"cannot connect to {host}")
        for address in addresses:
            left = self._deadline - time.monotonic()
            if left <= 0:
                raise httpcore.ConnectTimeout("the download's deadline passed")
            try:
                stream = self._inner.connect_tcp(
                    address,
                    port,
                    timeout=left if timeout is None else min(timeout, left),
                    local_address=local_address,
                    socket_options=socket_options,
                )
            except (httpcore.ConnectError, httpcore.ConnectTimeout) as err:
                error = err
                continue
            self.connected.append(address)
            return DeadlineStream(stream, self._deadline)
        raise error

    def connect_unix_socket(
        self,
        path: str,
        timeout: float | None = None,
        socket_options: typing.Iterable[SocketOption] | None = None,
    ) -> httpcore.NetworkStream:
        raise httpcore.ConnectError("unix sockets are never used for downloads")

    def sleep(self, seconds: float) -> None:
        time.sleep(seconds)


@cache
def _ssl_context() -> ssl.SSLContext:
    """httpx's default verifying context, built once (loading the CA bundle takes time)."""
    return httpx.create_ssl_context(trust_env=False)


def pinned_transport(backend: PinnedBackend) -> httpx.HTTPTransport:
    """An httpx transport that opens its connections through ``backend`` only."""
    transport = httpx.HTTPTransport(verify=_ssl_context(), trust_env=False)
    pool = httpcore.ConnectionPool(
        ssl_context=_ssl_context(),
        max_connections=4,
        max_keepalive_connections=4,
        network_backend=backend,
    )
    if not isinstance(getattr(transport, "_pool", None), httpcore.ConnectionPool):
        raise RuntimeError("httpx.HTTPTransport no longer keeps its pool in _pool")
    transport._pool = pool
    return transport
