"""The store stage: everything -> SQLite (embedded default); PostgreSQL comes later.

Stages never talk SQL: they call the :class:`Store` methods on what
:func:`open_store` returns.
"""

from __future__ import annotations

import os
import re

from storytrace.errors import ConfigError
from storytrace.store.base import Store
from storytrace.store.sqlite import SQLiteStore

__all__ = ["SQLiteStore", "Store", "open_store"]

_URL = re.compile(r"^(?P<scheme>[A-Za-z][A-Za-z0-9+.-]*)://")


def open_store(db: str | os.PathLike[str]) -> Store:
    """Open the store named by ``db``: a SQLite path (folders created as needed).

    Example:
        >>> store = open_store("out/storytrace.db")  # doctest: +SKIP
    """
    url = _URL.match(os.fspath(db))
    if url is None:
        return SQLiteStore(db)
    scheme = url["scheme"].lower()
    if scheme in ("postgresql", "postgres"):
        raise ConfigError(
            "the PostgreSQL store is not available yet in this version of storytrace;"
            " pass a SQLite path instead, e.g. --db storytrace.db"
        )
    raise ConfigError(
        f"unsupported database URL scheme {scheme!r}; pass a SQLite path, e.g. --db storytrace.db"
    )
