"""The embedded store: one SQLite file (WAL, foreign keys, FTS5) behind :class:`Store`."""

from __future__ import annotations

import fcntl
import os
import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import quote

from storytrace.errors import StoreError
from storytrace.store import ddl, fts, migrations
from storytrace.store.sql import SQLStore

BUSY_TIMEOUT_S = 30.0
SQLITE_HEADER = b"SQLite format 3\x00"  # the first 16 bytes of every SQLite database file


class SQLiteStore(SQLStore):
    """A :class:`~storytrace.store.base.Store` in one SQLite file.

    Every write method commits its own transaction, unless it runs inside
    :meth:`transaction`, which makes a batch of writes one transaction.

    One store may be shared by threads (a web server's workers): its connection is
    used by one thread at a time, and a transaction holds it until it ends.
    ``read_only`` opens the file without ever writing to it (nor to its folder's
    journal files beyond what SQLite's readers need); it must be migrated already.

    Example:
        >>> store = SQLiteStore(tmp_path / "storytrace.db")  # doctest: +SKIP
        >>> with store.transaction():  # doctest: +SKIP
        ...     for article in articles:
        ...         store.add_article(article)
    """

    dialect = ddl.SQLITE
    errors = (sqlite3.Error,)

    def __init__(
        self,
        path: str | os.PathLike[str],
        *,
        busy_timeout: float = BUSY_TIMEOUT_S,
        read_only: bool = False,
    ) -> None:
        """Open (creating folders and migrating as needed) the SQLite file at ``path``.

        ``busy_timeout`` is how many seconds a write waits for another writer's lock.
        """
        super().__init__()
        self.path = self.where = os.fspath(path)
        self.read_only = read_only
        self._conn = _connect(self.path, busy_timeout, read_only)
        try:
            if read_only:
                _check_current(self._conn, self.path)
            else:
                migrations.migrate(self._conn, self.path)
                with self.transaction():
                    ddl.reconcile(self.dialect, self._columns, self._conn.execute)
        except BaseException:
            self._conn.close()
            raise

    def _begin(self) -> str:
        return "BEGIN IMMEDIATE"

    def _columns(self, table: str) -> set[str]:
        return {row[1] for row in self._conn.execute(f"PRAGMA table_info({ddl.q(table)})")}

    @contextmanager
    def story_update(self) -> Iterator[None]:
        """Hold the store's story lock: one process at a time reads, groups and saves stories.

        An exclusive ``flock`` on ``<db>.lock``, released by the kernel if the process
        dies; the stories themselves are written in one ``BEGIN IMMEDIATE`` transaction.
        """
        if self.path == ":memory:":
            yield
            return
        with Path(self.path + ".lock").open("a+b") as handle:
            fcntl.flock(handle, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(handle, fcntl.LOCK_UN)

    def search(self, query: str, *, limit: int = 50) -> list[str]:
        """Story ids whose articles or claims contain every word of ``query``, best first."""
        try:
            with self._lock:
                return fts.search_stories(self._conn, query, limit)
        except sqlite3.Error as exc:
            raise StoreError(f"{self.path}: search failed: {exc}") from exc

    def close(self) -> None:
        """Release the connection (SQLite checkpoints the WAL when the last one closes)."""
        super().close()


def path_problem(path: str | os.PathLike[str], *, write: bool) -> str | None:
    """Why ``path`` cannot serve as a SQLite store, in words a user can act on, or ``None``.

    Checked before a command does any work: a folder, a file that is not SQLite, and, when
    ``write``, a file or folder this user cannot write (SQLite keeps its journal beside
    the file). A missing file is no problem here (``write`` creates it; readers say so).
    """
    target = Path(path)
    if target.is_dir():
        return "is a folder; name a database file, e.g. storytrace.db"
    if target.is_file():
        try:
            with target.open("rb") as handle:
                head = handle.read(len(SQLITE_HEADER))
        except OSError as exc:
            return f"cannot be read ({exc.strerror or exc})"
        if head and head != SQLITE_HEADER:
            return "is not a SQLite database; name a storytrace database or a new file"
        if write and not os.access(target, os.W_OK):
            return "is read-only; make it writable or name another --db"
        if write and not os.access(target.parent, os.W_OK | os.X_OK):
            return (
                f"is in a read-only folder ({target.parent}); SQLite writes its journal"
                " beside the database, so name a --db in a folder you can write"
            )
    elif write:
        folder = next((p for p in target.parents if p.exists()), Path())
        if not folder.is_dir():
            return f"cannot be created: {folder} is not a folder"
        if not os.access(folder, os.W_OK | os.X_OK):
            return f"cannot be created: the folder {folder} is read-only"
    return None


def _check_current(conn: sqlite3.Connection, path: str) -> None:
    version = migrations.schema_version(conn)
    if version != migrations.LATEST:
        conn.close()
        raise StoreError(
            f"{path}: schema version {version}, but this storytrace reads version"
            f" {migrations.LATEST}; open it once for writing (storytrace analyze) to migrate it"
        )


def _use_wal(conn: sqlite3.Connection, busy_timeout: float) -> None:
    """Switch ``conn``'s database to WAL, waiting up to ``busy_timeout`` seconds for a lock.

    SQLite answers a journal-mode change with "database is locked" at once, without its busy
    handler, while another process creates or switches the same new file: retry here.
    """
    deadline = time.monotonic() + busy_timeout
    pause = 0.01
    while True:
        try:
            conn.execute("PRAGMA journal_mode = WAL").fetchone()
            return
        except sqlite3.OperationalError as exc:
            locked = "locked" in str(exc) or "busy" in str(exc)
            if not locked or time.monotonic() + pause > deadline:
                raise
        time.sleep(pause)
        pause = min(pause * 2, 0.5)


# Page cache of a connection, in KiB (SQLite's default is 2 MB): the corpus index's key
# B-tree takes inserts at random keys, and with 2 MB each insert missed the cache once the
# index outgrew it (issue #18: indexing 10k articles 36.3 -> 29.9 CPU s, flat per batch).
CACHE_KIB = 65_536


def _connect(path: str, busy_timeout: float, read_only: bool = False) -> sqlite3.Connection:
    """Open ``path`` in autocommit mode with WAL, foreign keys and a busy timeout."""
    if read_only:
        if not Path(path).is_file():
            raise StoreError(f"{path}: no such database")
        target, uri = f"file:{quote(str(Path(path).resolve()))}?mode=ro", True
    else:
        target, uri = path, False
        if path != ":memory:":
            try:
                Path(path).parent.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise StoreError(f"{path}: cannot create its folder: {exc}") from exc
    try:
        # ``timeout`` is SQLite's busy_timeout: wait for a lock instead of failing.
        # Shared across threads: SQLiteStore's lock lets one thread use it at a time.
        conn = sqlite3.connect(
            target, timeout=busy_timeout, isolation_level=None, check_same_thread=False, uri=uri
        )
    except sqlite3.Error as exc:
        raise StoreError(f"{path}: cannot open the database: {exc}") from exc
    try:
        if read_only:
            conn.execute("PRAGMA query_only = ON")
            try:
                conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
            except sqlite3.OperationalError:
                # A WAL file in a folder we cannot write (no -shm to share): read it as
                # an immutable snapshot instead.
                conn.close()
                conn = sqlite3.connect(
                    target + "&immutable=1", isolation_level=None, check_same_thread=False,
                    uri=True,
                )  # fmt: skip
                conn.execute("PRAGMA query_only = ON")
                conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        else:
            _use_wal(conn, busy_timeout)
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute(f"PRAGMA cache_size = {-CACHE_KIB}")
    except sqlite3.DatabaseError as exc:
        conn.close()
        if "readonly" in str(exc) or "read-only" in str(exc):
            raise StoreError(f"{path}: the database or its folder is read-only: {exc}") from exc
        raise StoreError(f"{path}: not a usable SQLite database: {exc}") from exc
    return conn
