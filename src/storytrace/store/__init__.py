"""The store stage: everything -> SQLite (embedded default) or PostgreSQL (for teams).

Stages never talk SQL: they call the :class:`Store` methods on what
:func:`open_store` returns. Both backends hold the same relational schema, derived
from ``records.py`` (:mod:`storytrace.store.relational`).
"""

from __future__ import annotations

import os
import re

from storytrace.errors import ConfigError
from storytrace.store.base import Store
from storytrace.store.sqlite import SQLiteStore

__all__ = ["SQLiteStore", "Store", "open_store"]

_URL = re.compile(r"^(?P<scheme>[A-Za-z][A-Za-z0-9+.-]*)://")


def open_store(db: str | os.PathLike[str], *, read_only: bool = False) -> Store:
    """Open the store named by ``db``: a SQLite path (folders created as needed) or a
    ``postgresql://`` URL. ``read_only`` never writes to it (``serve``, ``export``).

    Example:
        >>> store = open_store("out/storytrace.db")  # doctest: +SKIP
        >>> team = open_store("postgresql://desk@db.example.org/stories")  # doctest: +SKIP
    """
    url = _URL.match(os.fspath(db))
    if url is None:
        return SQLiteStore(db, read_only=read_only)
    scheme = url["scheme"].lower()
    if scheme in ("postgresql", "postgres"):
        from storytrace.store.postgres import PostgresStore

        store: Store = PostgresStore(os.fspath(db), read_only=read_only)
        return store
    raise ConfigError(
        f"unsupported database URL scheme {scheme!r}; pass a SQLite path (--db storytrace.db)"
        " or a postgresql:// URL"
    )
