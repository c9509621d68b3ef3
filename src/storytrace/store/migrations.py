"""Numbered schema migrations, recorded in ``PRAGMA user_version``.

Each step runs in one ``BEGIN IMMEDIATE`` transaction, so a database is always
at one numbered version: a step either lands whole or not at all. A new schema
change is a new ``(version, script)`` pair appended to :data:`MIGRATIONS`;
released steps are never edited.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Sequence

from storytrace.errors import StoreError
from storytrace.store import schema

MIGRATIONS: list[tuple[int, str]] = [
    (1, schema.V1),
    (2, schema.V2),
]

LATEST: int = MIGRATIONS[-1][0]


def schema_version(conn: sqlite3.Connection) -> int:
    """The schema version recorded in the database (0 for a new file)."""
    row = conn.execute("PRAGMA user_version").fetchone()
    return int(row[0])


def migrate(
    conn: sqlite3.Connection,
    where: str,
    *,
    steps: Sequence[tuple[int, str]] = MIGRATIONS,
) -> int:
    """Apply the ``steps`` the database lacks, in order; return the version it is now at.

    ``conn`` must be in autocommit mode (``isolation_level=None``). ``where``
    names the database in error messages. A database newer than the last step
    is refused with :class:`StoreError` rather than misread.
    """
    latest = steps[-1][0] if steps else 0
    current = schema_version(conn)
    _refuse_newer(current, latest, where)
    for version, script in steps:
        if version <= current:
            continue
        _apply(conn, version, script, latest, where)
        current = version
    return current


def _refuse_newer(version: int, latest: int, where: str) -> None:
    if version > latest:
        raise StoreError(
            f"{where}: schema version {version} is newer than this storytrace "
            f"understands (up to {latest}); upgrade storytrace to open this database"
        )


def _apply(conn: sqlite3.Connection, version: int, script: str, latest: int, where: str) -> None:
    """Run one step and record its number, all in one transaction."""
    try:
        conn.execute("BEGIN IMMEDIATE")
        # Another process may have migrated while we waited for the write lock.
        found = schema_version(conn)
        if found >= version:
            conn.execute("COMMIT")
            _refuse_newer(found, latest, where)
            return
        for statement in _statements(script):
            conn.execute(statement)
        # PRAGMA takes no parameters; ``version`` is one of our own integers.
        conn.execute(f"PRAGMA user_version = {int(version)}")
        conn.execute("COMMIT")
    except sqlite3.Error as exc:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise StoreError(f"{where}: could not migrate to schema version {version}: {exc}") from exc


def _statements(script: str) -> Iterator[str]:
    """Split a script into complete statements (trigger bodies stay whole)."""
    buffer: list[str] = []
    for line in script.splitlines(keepends=True):
        buffer.append(line)
        text = "".join(buffer)
        if sqlite3.complete_statement(text):
            yield text
            buffer.clear()
    rest = "".join(buffer).strip()
    if rest:
        yield rest
