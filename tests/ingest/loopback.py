"""A tiny HTTP server on 127.0.0.1 for the download tests, started and stopped by each test.

Routes map a path to ``(status, headers, body)``; a body may be a callable that writes
to the handler itself (to trickle bytes or send a gzip bomb), and with the status
:data:`RAW` it writes the status line and headers as well (to trickle those). Each
request's path and headers are recorded. Nothing here is ours: the
server is the standard library's, so the client code under test runs unchanged.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

LOOPBACK = ("127.0.0.1",)
"""The ``allow_private_hosts`` value that lets a read reach these servers."""

RAW = 0
"""The status of a route whose callable body writes the status line and headers too."""

Body = bytes | Callable[[BaseHTTPRequestHandler], None]


@dataclass
class Loopback:
    """A running server: add routes, build URLs, see which paths were requested."""

    base: str
    routes: dict[str, tuple[int, dict[str, str], Body]] = field(default_factory=dict)
    hits: list[str] = field(default_factory=list)
    headers: list[dict[str, str]] = field(default_factory=list)

    def url(self, path: str) -> str:
        return self.base + path

    def add(
        self,
        path: str,
        body: Body,
        content_type: str = "text/html; charset=utf-8",
        status: int = 200,
        **headers: str,
    ) -> str:
        self.routes[path] = (status, {"Content-Type": content_type, **headers}, body)
        return self.url(path)


@contextmanager
def serve() -> Iterator[Loopback]:
    """Run a server on a free loopback port for the duration of the block."""
    state: Loopback

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            state.hits.append(self.path)
            state.headers.append({key.lower(): value for key, value in self.headers.items()})
            status, headers, body = state.routes.get(
                self.path, (404, {"Content-Type": "text/plain"}, b"not found")
            )
            if status == RAW and callable(body):  # the body writes the whole answer itself
                with suppress(BrokenPipeError, ConnectionResetError):
                    body(self)
                return
            self.send_response(status)
            for key, value in headers.items():
                self.send_header(key, value)
            if callable(body):
                self.end_headers()
                with suppress(BrokenPipeError, ConnectionResetError):
                    body(self)
                return
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            with suppress(BrokenPipeError, ConnectionResetError):
                self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    state = Loopback(base=f"http://127.0.0.1:{server.server_address[1]}")
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield state
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)
