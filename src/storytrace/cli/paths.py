"""The paths a command names, checked before it does any work (usage errors, exit 2).

Each check raises :class:`~storytrace.errors.ConfigError` with one line naming the path
(escaped) and what to do instead, so a command that cannot finish never starts, and
nothing (no database, no report folder, no half-written file) is left behind.
"""

from __future__ import annotations

import os
from pathlib import Path

from storytrace.errors import ConfigError
from storytrace.ingest.names import printable
from storytrace.store.sqlite import path_problem


def check_db(db: str, *, write: bool) -> None:
    """Refuse a SQLite ``--db`` that is a folder, not SQLite, or (``write``) read-only.

    A ``postgresql://`` URL is checked when it is opened. A missing file is the
    caller's to report: ``analyze`` creates it, ``serve`` and ``export`` say so.
    """
    if "://" in db:
        return
    problem = path_problem(db, write=write)
    if problem is not None:
        raise ConfigError(printable(f"--db {db}: {problem}"))


def check_out_file(out: str) -> None:
    """Refuse an ``--out`` that cannot be written as one file (``export``)."""
    path = Path(out)
    if path.is_dir():
        raise ConfigError(f"--out {printable(out)}: is a folder; name a file to write")
    if not path.parent.is_dir():
        raise ConfigError(f"--out {printable(out)}: its folder does not exist")
    if not os.access(path.parent, os.W_OK | os.X_OK):
        raise ConfigError(f"--out {printable(out)}: its folder is read-only")
    if path.exists() and not os.access(path, os.W_OK):
        raise ConfigError(f"--out {printable(out)}: is read-only; name another file")


def check_out_folder(out: str) -> None:
    """Refuse an ``--out`` that cannot become the report folder (``analyze``)."""
    path = Path(out)
    if path.exists() and not path.is_dir():
        raise ConfigError(
            f"--out {printable(out)}: is a file; name a folder for report.html and stories.json"
        )
    folder = path if path.is_dir() else next((p for p in path.parents if p.exists()), Path())
    if not folder.is_dir():
        raise ConfigError(
            f"--out {printable(out)}: cannot be created: {printable(str(folder))} is a file"
        )
    if not os.access(folder, os.W_OK | os.X_OK):
        raise ConfigError(
            f"--out {printable(out)}: the folder {printable(str(folder))} is read-only"
        )
