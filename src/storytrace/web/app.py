"""The web app: pages and JSON API over one store, read-only, with one error mapping.

Example:
    >>> app = create_app(open_store("storytrace.db"))  # doctest: +SKIP
    >>> serve("storytrace.db", host="127.0.0.1", port=8000)  # doctest: +SKIP
"""

from __future__ import annotations

import ipaddress
import logging
import os
import threading
from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.staticfiles import StaticFiles
from starlette.datastructures import MutableHeaders
from starlette.exceptions import HTTPException
from starlette.middleware.trustedhost import TrustedHostMiddleware
from starlette.responses import JSONResponse, Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from storytrace import __version__
from storytrace.errors import ConfigError, StorytraceError
from storytrace.store import Store, open_store
from storytrace.web import api, pages
from storytrace.web.listing import StoryIndex
from storytrace.web.rendering import STATIC, page

logger = logging.getLogger(__name__)

#: Scripts and styles only from this server; nothing inline, nothing remote, no framing.
CONTENT_SECURITY_POLICY = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
    "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
)
SECURITY_HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
}
LOOPBACK_HOSTS = ("127.0.0.1", "localhost")


class SecurityHeaders:
    """ASGI middleware that adds :data:`SECURITY_HEADERS` to every HTTP response."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                for name, value in SECURITY_HEADERS.items():
                    headers[name] = value
            await send(message)

        await self.app(scope, receive, send_with_headers)


def error_body(status: int, error: str, errors: Sequence[str] = ()) -> dict[str, object]:
    """The one shape of every API error."""
    return {"ok": False, "error": error, "errors": list(errors) or [error], "status": status}


def _describe(exc: Exception) -> tuple[int, str, list[str]]:
    """Status, message and every problem of an exception, in words for a reader."""
    if isinstance(exc, RequestValidationError):
        problems = []
        for item in exc.errors():
            where = ".".join(str(part) for part in item.get("loc", ())[1:]) or "request"
            problems.append(f"{where}: {item.get('msg', 'not valid')}")
        return 400, "; ".join(problems) or "the request is not valid", problems
    if isinstance(exc, HTTPException):
        return exc.status_code, str(exc.detail), []
    if isinstance(exc, StorytraceError):
        logger.error("store failure: %s", exc)
        return 500, "the store could not be read; see the server log", []
    logger.exception("unexpected error", exc_info=exc)
    return 500, "internal error; see the server log", []


async def handle_error(request: Request, exc: Exception) -> Response:
    """Every error, mapped once: JSON under ``/api/``, an HTML page elsewhere."""
    status, message, problems = _describe(exc)
    headers = getattr(exc, "headers", None)
    if request.url.path.startswith("/api/"):
        return JSONResponse(error_body(status, message, problems), status, headers=headers)
    return page("error.html.j2", status=status, code=status, message=message, q="")


def create_app(store: Store, *, allowed_hosts: Sequence[str] | None = None) -> FastAPI:
    """The app over ``store``; with ``allowed_hosts``, other ``Host`` headers are refused.

    Every route is GET: nothing here writes to the store. At start-up the stories list
    is read in the background, so the first visitor of a large store does not wait for it.
    """
    index = StoryIndex(store)

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        threading.Thread(target=index.summaries, name="storytrace-index", daemon=True).start()
        yield

    app = FastAPI(
        lifespan=lifespan,
        title="storytrace",
        version=__version__,
        summary="Stories, claim groups and verdicts, in the shapes of stories.json.",
        docs_url=None,  # the interactive docs load scripts from a CDN
        redoc_url=None,
        openapi_url="/openapi.json",
    )
    app.state.store = store
    app.state.index = index
    app.include_router(api.router)
    app.include_router(pages.router)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    for kind in (HTTPException, RequestValidationError, StorytraceError, Exception):
        app.add_exception_handler(kind, handle_error)
    app.add_middleware(SecurityHeaders)
    if allowed_hosts is not None:
        app.add_middleware(TrustedHostMiddleware, allowed_hosts=list(allowed_hosts))
    return app


def is_loopback(host: str) -> bool:
    """Whether ``host`` only answers this machine (127.0.0.0/8, ::1, localhost)."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def serve(db: str | os.PathLike[str], *, host: str = "127.0.0.1", port: int = 8000) -> None:
    """Serve the store at ``db`` until interrupted; refuses a SQLite path that does not exist.

    On a loopback address only loopback ``Host`` names are answered, so a web page
    elsewhere cannot read the store through DNS rebinding.
    """
    import uvicorn

    name = os.fspath(db)
    if "://" not in name and not Path(name).is_file():
        raise ConfigError(
            f"{name}: no such store; run `storytrace analyze INPUT --db {name}` first"
        )
    store = open_store(db, read_only=True)  # the app never writes; a read-only file serves
    try:
        hosts = [*LOOPBACK_HOSTS, host] if is_loopback(host) else None
        app = create_app(store, allowed_hosts=hosts)
        uvicorn.run(app, host=host, port=port, log_level="info", server_header=False)
    finally:
        store.close()
