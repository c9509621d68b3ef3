"""Whether a report folder already shows a store as it stands, so a run may keep it.

``analyze`` writes ``.storytrace-report`` beside ``report.html`` and ``stories.json``: the
version that wrote them, a digest of the store's name (never the name itself: a URL may
hold a password) and the store's :meth:`~storytrace.store.Store.state`. A later run that
finds the same three, with both reports present, keeps the reports instead of loading
every story to write them again.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from storytrace.report.files import write_text_atomic

STAMP = ".storytrace-report"
REPORTS = ("stories.json", "report.html")


def store_digest(store_name: str) -> str:
    """What stands for the store's name in the report folder (a URL may hold a password)."""
    return hashlib.sha256(store_name.encode("utf-8", "surrogatepass")).hexdigest()


def _stamp(version: str, store_name: str, state: Sequence[int]) -> dict[str, Any]:
    return {"storytrace_version": version, "store": store_digest(store_name), "state": list(state)}


def is_current(out: Path, version: str, store_name: str, state: Sequence[int]) -> bool:
    """Whether ``out`` holds both reports, written by ``version`` from this store in ``state``."""
    if not all((out / name).is_file() for name in REPORTS):
        return False
    try:
        found = json.loads((out / STAMP).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return bool(found == _stamp(version, store_name, state))


def write_stamp(out: Path, version: str, store_name: str, state: Sequence[int]) -> Path:
    """Record that the reports in ``out`` show this store in ``state``."""
    text = json.dumps(_stamp(version, store_name, state)) + "\n"
    return write_text_atomic(out / STAMP, text)


def forget(out: Path) -> None:
    """Drop the stamp before the reports are rewritten (a run killed midway leaves none)."""
    (out / STAMP).unlink(missing_ok=True)
