"""Page text extraction in a worker process, under a time and a memory budget per page.

trafilatura can take super-linear time and memory on pathological pages (megabytes of
tiny nested tags). Every page is therefore extracted in one long-lived worker process
(``extract_worker.py``), reused from page to page so the common case costs only a pipe
round trip:

1. the worker limits its own address space to its current size plus ``extract_memory``
   bytes before each page: a page that needs more is rejected;
2. the parent waits at most ``extract_timeout`` seconds for the answer, then kills the
   worker and rejects the page; the next page starts a fresh worker.

The rejection names the page (its source) and the limit that was reached.
"""

from __future__ import annotations

import atexit
import json
import logging
import os
import select
import struct
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

from storytrace.errors import InputRejected
from storytrace.ingest.extract_worker import frame
from storytrace.ingest.registry import ReadOptions

logger = logging.getLogger(__name__)

_WORKER = Path(__file__).with_name("extract_worker.py")
_HEADER = struct.Struct(">I")
_START_SECONDS = 60.0  # for the worker to import trafilatura and say it is ready

Fields = dict[str, str | None]


class _Stopped(Exception):
    """The worker died or closed its pipe mid-answer."""


class _Worker:
    """One worker process and its pipes."""

    def __init__(self) -> None:
        self.process = subprocess.Popen(  # noqa: S603  (our own script, no user input)
            [sys.executable, "-I", str(_WORKER)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            close_fds=True,
        )
        self.ready = False

    def ask(self, request: dict[str, Any], seconds: float) -> Any:
        """Send one request and wait for the answer; TimeoutError after ``seconds``."""
        assert self.process.stdin is not None
        if not self.ready:  # starting: not counted against the page
            self._answer(time.monotonic() + _START_SECONDS)
            self.ready = True
        deadline = time.monotonic() + seconds
        try:
            self.process.stdin.write(frame(request))
            self.process.stdin.flush()
        except OSError:
            raise _Stopped from None
        return self._answer(deadline)

    def _answer(self, deadline: float) -> Any:
        """The next message from the worker, read by ``deadline``."""
        header = self._read(_HEADER.size, deadline)
        body = self._read(_HEADER.unpack(header)[0], deadline)
        return json.loads(body.decode("utf-8", "surrogatepass"))

    def _read(self, size: int, deadline: float) -> bytes:
        assert self.process.stdout is not None
        fd = self.process.stdout.fileno()
        chunks: list[bytes] = []
        while size:
            left = deadline - time.monotonic()
            if left <= 0 or not select.select([fd], [], [], left)[0]:
                raise TimeoutError
            chunk = os.read(fd, min(size, 1 << 20))
            if not chunk:
                raise _Stopped
            chunks.append(chunk)
            size -= len(chunk)
        return b"".join(chunks)

    def stop(self) -> None:
        """Kill the worker and reap it."""
        if self.process.poll() is None:
            self.process.kill()
        self.process.wait()
        for pipe in (self.process.stdin, self.process.stdout):
            if pipe is not None:
                pipe.close()


_lock = threading.Lock()
_worker: _Worker | None = None


def extract_page(html: str, url: str | None, source: str, options: ReadOptions) -> Fields | None:
    """trafilatura's fields for one page (None: no text found); InputRejected over a limit."""
    global _worker
    request = {"html": html, "url": url, "memory": options.extract_memory}
    with _lock:
        if _worker is None or _worker.process.poll() is not None:
            _worker = _Worker()
        worker = _worker
        try:
            answer = worker.ask(request, options.extract_timeout)
        except TimeoutError:
            _stop_worker()
            raise InputRejected(
                source,
                f"text extraction took longer than {options.extract_timeout:g} s, the "
                "per-page limit; raise --extract-timeout or save the article text as .txt",
            ) from None
        except _Stopped:
            code = worker.process.wait()
            _stop_worker()
            raise InputRejected(
                source,
                f"text extraction stopped (worker exit status {code}), most likely over the "
                f"per-page memory limit of {_megabytes(options.extract_memory)}; "
                "raise --extract-memory or save the article text as .txt",
            ) from None
        if "error" in answer:
            _stop_worker()  # a worker that ran out of memory is not trusted with the next page
    if "error" in answer:
        if answer["error"] == "memory":
            raise InputRejected(
                source,
                f"text extraction needed more than {_megabytes(options.extract_memory)} of "
                "memory, the per-page limit; raise --extract-memory or save the text as .txt",
            )
        raise InputRejected(source, f"text extraction failed ({answer['error']})")
    fields: Fields | None = answer["ok"]
    return fields


def _megabytes(size: int) -> str:
    return f"{size / 1_000_000:g} MB"


def _stop_worker() -> None:
    """Stop the current worker (the next page starts another)."""
    global _worker
    if _worker is not None:
        _worker.stop()
        _worker = None


atexit.register(_stop_worker)
