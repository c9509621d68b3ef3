"""Atomic file writes shared by the report writers."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterable
from pathlib import Path


def write_text_atomic(path: str | os.PathLike[str], text: str | Iterable[str]) -> Path:
    """Write ``text`` (or its chunks, in order) as UTF-8 to ``path`` so readers never see
    a half-written file.

    The text goes to a temporary file in the same folder, is flushed to disk, then
    replaces ``path`` with :func:`os.replace`. Missing parent folders are created.
    Returns the path written.
    """
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.writelines([text] if isinstance(text, str) else text)
            handle.flush()
            os.fsync(handle.fileno())
        tmp.chmod(0o644)  # mkstemp makes 0600; a report is meant to be shared
        tmp.replace(target)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    return target
