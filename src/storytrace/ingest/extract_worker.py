"""The extraction worker: runs trafilatura on pages sent by ``extraction.py``, one at a time.

Started as a script (``python -I extract_worker.py``), so it imports only the standard
library and trafilatura, never storytrace or the models the parent may hold. Messages
both ways are a 4-byte big-endian length and a UTF-8 JSON object; once its imports are
loaded the worker says ``{"ready": true}``, then answers each request in turn:

- request: ``{"html": str, "url": str | null, "memory": int}``;
- answer: ``{"ok": {field: str | null}}``, ``{"ok": null}`` (no text found),
  ``{"error": "memory"}`` or ``{"error": "TypeName: message"}``.

Before each page the soft address-space limit (``RLIMIT_AS``) is set to the worker's
current size plus ``memory`` bytes, so a page that needs more fails (or kills the
worker) instead of exhausting the machine. A page whose peak size (VmPeak, reset before
each page) came within 10% of the limit is answered ``{"error": "memory"}`` whatever
trafilatura returned, since lxml turns failed allocations into other errors or into
silently missing text. The time budget is the parent's:
it kills the worker at the deadline.
"""

from __future__ import annotations

import contextlib
import json
import os
import struct
import sys
from pathlib import Path
from typing import Any, BinaryIO

try:
    import resource
except ImportError:  # not POSIX: no memory limit
    resource = None  # type: ignore[assignment]

FIELDS = ("text", "title", "author", "sitename", "date", "url")
_HEADER = struct.Struct(">I")
_NEAR_LIMIT = 0.9  # a peak above this share of the limit counts as reaching it


def extract(html: str, url: str | None) -> dict[str, str | None] | None:
    """trafilatura's main text and metadata of one page, as plain fields."""
    import trafilatura

    document = trafilatura.bare_extraction(
        html,
        url=url,
        include_comments=False,
        include_tables=True,
        include_images=False,
        include_links=False,
        with_metadata=True,
    )
    if document is None:
        return None
    return {name: _text(getattr(document, name, None)) for name in FIELDS}


def _text(value: object) -> str | None:
    return value if isinstance(value, str) else None


def _limit_memory(extra: int) -> int:
    """Allow ``extra`` bytes of address space beyond what is mapped now; the limit set."""
    statm = Path("/proc/self/statm")
    if resource is None or not statm.exists():
        return 0
    size = int(statm.read_text().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    _soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    soft = size + extra
    if hard != resource.RLIM_INFINITY:
        soft = min(soft, hard)
    resource.setrlimit(resource.RLIMIT_AS, (soft, hard))
    return soft


def _reset_peak() -> None:
    """Start VmPeak afresh (Linux 4.0+), so a failure can be told to come from the limit."""
    with contextlib.suppress(OSError):
        Path("/proc/self/clear_refs").write_text("5")


def _peak() -> int:
    """The largest address-space size since :func:`_reset_peak` (VmPeak), 0 if unknown."""
    with contextlib.suppress(OSError, ValueError):
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmPeak:"):
                return int(line.split()[1]) * 1024
    return 0


def _unlimit_memory() -> None:
    if resource is not None:
        _soft, hard = resource.getrlimit(resource.RLIMIT_AS)
        resource.setrlimit(resource.RLIMIT_AS, (hard, hard))


def read_message(stream: BinaryIO) -> Any:
    """One framed JSON message, or None at the end of the stream."""
    header = stream.read(_HEADER.size)
    if len(header) < _HEADER.size:
        return None
    (length,) = _HEADER.unpack(header)
    return json.loads(stream.read(length).decode("utf-8", "surrogatepass"))


def frame(message: object) -> bytes:
    """``message`` as a framed JSON message."""
    body = json.dumps(message).encode("utf-8")
    return _HEADER.pack(len(body)) + body


def serve(stdin: BinaryIO, stdout: BinaryIO) -> None:
    """Answer requests until the parent closes the pipe."""
    extract("<html><body><p>warm up</p></body></html>", None)  # load lazy imports now
    stdout.write(frame({"ready": True}))
    stdout.flush()
    while True:
        request = read_message(stdin)
        if request is None:
            return
        _reset_peak()
        limit = _limit_memory(int(request["memory"]))
        try:
            answer: dict[str, object] = {"ok": extract(request["html"], request.get("url"))}
        except MemoryError:
            answer = {"error": "memory"}
        except Exception as err:  # reported to the parent, which rejects the page
            answer = {"error": f"{type(err).__name__}: {err}"}
        finally:
            _unlimit_memory()
        if limit and _peak() >= limit * _NEAR_LIMIT:
            # lxml reports a failed allocation as a parse or XPath error, and trafilatura
            # may then return nothing or a fallback: a peak at the limit means the budget
            # decided the outcome, whatever came back
            answer = {"error": "memory"}
        stdout.write(frame(answer))
        stdout.flush()


if __name__ == "__main__":
    serve(sys.stdin.buffer, sys.stdout.buffer)
