"""Helpers for the browser tests: Debian's Chromium, a free loopback port, a watched page."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from storytrace.store import Store
from storytrace.web import create_app
from storytrace_testkit import ROOT

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
SCREENSHOTS = ROOT / "artifacts" / "screenshots"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def serve(store: Store) -> Iterator[str]:
    """The web app on a uvicorn server at 127.0.0.1 and a free port; stopped when resumed."""
    import uvicorn

    port = free_port()
    app = create_app(store, allowed_hosts=["127.0.0.1", "localhost"])
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        assert thread.is_alive() and time.monotonic() < deadline, "uvicorn did not start"
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)


class PageWatch:
    """What a page did that it should not: dialogs opened, console errors (CSP reports)."""

    def __init__(self, page: Any) -> None:
        self.page = page
        self.dialogs: list[str] = []
        self.errors: list[str] = []
        page.on("dialog", self._dialog)
        page.on("console", self._console)
        page.on("pageerror", lambda error: self.errors.append(str(error)))

    def _dialog(self, dialog: Any) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def _console(self, message: Any) -> None:
        if message.type == "error":
            self.errors.append(message.text)

    def screenshot(self, name: str, *, full_page: bool = True) -> Path:
        """Save ``artifacts/screenshots/NAME.png``: the page's top (up to 4,000 px) or view.

        Chromium's own full-page capture stalls on very tall pages, so the viewport is
        stretched instead, then put back.
        """
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        path = SCREENSHOTS / f"{name}.png"
        view = self.page.viewport_size
        if full_page:
            height = self.page.evaluate("document.documentElement.scrollHeight")
            self.page.set_viewport_size({"width": view["width"], "height": min(height, 4000)})
        self.page.screenshot(path=str(path))
        self.page.set_viewport_size(view)
        return path
