"""The team store: PostgreSQL through psycopg 3, with the same schema as SQLite.

Numbered migrations are recorded in ``storytrace_schema`` and applied under an
advisory lock, so two processes opening a new database do not race. Full-text search
is a generated ``tsvector`` column per searched table with a GIN index.

Example:
    >>> store = PostgresStore("postgresql://desk@db.example.org/stories")  # doctest: +SKIP
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import psycopg

from storytrace.errors import StoreError
from storytrace.store import ddl
from storytrace.store.sql import SQLStore

MIGRATE_LOCK = 0x5354_0001  # advisory lock keys ("ST" + a number)
STORY_LOCK = 0x5354_0002

SEARCH_COLUMNS = (
    "ALTER TABLE articles ADD COLUMN IF NOT EXISTS search tsvector GENERATED ALWAYS AS"
    " (to_tsvector('simple', coalesce(title, '') || ' ' || coalesce(text, ''))) STORED",
    "CREATE INDEX IF NOT EXISTS articles_search ON articles USING GIN (search)",
    "ALTER TABLE claims ADD COLUMN IF NOT EXISTS search tsvector GENERATED ALWAYS AS"
    " (to_tsvector('simple', coalesce(text, ''))) STORED",
    "CREATE INDEX IF NOT EXISTS claims_search ON claims USING GIN (search)",
)

# Stories ranked by their best-matching article or claim; an article's own claims only.
SEARCH_SQL = """
WITH query AS (SELECT plainto_tsquery('simple', %(q)s) AS q),
hits (article_id, rank) AS (
    SELECT articles.id, ts_rank(articles.search, query.q)
    FROM articles, query WHERE articles.search @@ query.q
    UNION ALL
    SELECT claims.article_id, ts_rank(claims.search, query.q)
    FROM claims, query WHERE claims.search @@ query.q AND claims.claim_group_key IS NULL
)
SELECT story_articles.story_id, max(hits.rank) AS best
FROM hits JOIN story_articles ON story_articles.article_id = hits.article_id
GROUP BY story_articles.story_id
ORDER BY best DESC, story_articles.story_id
LIMIT %(limit)s
"""


def _v1(conn: psycopg.Connection[Any]) -> None:
    """Version 1: the relational schema of SQLite's version 2, with tsvector search."""
    for statement in ddl.create_statements(ddl.POSTGRES):
        conn.execute(statement)
    for statement in SEARCH_COLUMNS:
        conn.execute(statement)
    for statement in ddl.views_sql(ddl.POSTGRES):
        conn.execute(statement)


MIGRATIONS: list[tuple[int, Callable[[psycopg.Connection[Any]], None]]] = [(1, _v1)]
LATEST = MIGRATIONS[-1][0]


def redact(url: str) -> str:
    """The URL without its password, for messages."""
    return re.sub(r"(://[^:/@]*):[^@/]*@", r"\1:***@", url)


class PostgresStore(SQLStore):
    """A :class:`~storytrace.store.base.Store` in a PostgreSQL database (psycopg 3).

    ``read_only`` sets every transaction of the session read-only: ``serve`` and
    ``export`` cannot write, whatever they call.
    """

    dialect = ddl.POSTGRES
    errors = (psycopg.Error,)

    def __init__(self, url: str, *, read_only: bool = False) -> None:
        super().__init__()
        self.where = redact(url)
        self.read_only = read_only
        try:
            self._conn = psycopg.connect(url, autocommit=True, connect_timeout=10)
        except psycopg.Error as exc:
            message = redact(str(exc)).strip().splitlines()[0] if str(exc) else type(exc).__name__
            raise StoreError(f"{self.where}: cannot connect: {message}") from exc
        try:
            if read_only:
                self._conn.execute("SET default_transaction_read_only = on")
                self._check_current()
            else:
                self._migrate()
        except BaseException:
            self._conn.close()
            raise

    def _exec(self, sql: str, params: Any = ()) -> Any:
        return self._conn.execute(self._sql(sql), tuple(params) if params else None)

    def _columns(self, table: str) -> set[str]:
        rows = self._conn.execute(
            "SELECT column_name FROM information_schema.columns"
            " WHERE table_schema = current_schema() AND table_name = %s",
            (table,),
        ).fetchall()
        return {row[0] for row in rows}

    def _version(self) -> int:
        self._conn.execute(
            "CREATE TABLE IF NOT EXISTS storytrace_schema ("
            " version INTEGER PRIMARY KEY, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())"
        )
        row = self._conn.execute("SELECT coalesce(max(version), 0) FROM storytrace_schema")
        return int(row.fetchone()[0])

    def _check_current(self) -> None:
        rows = self._conn.execute("SELECT to_regclass('storytrace_schema') IS NOT NULL").fetchone()
        version = 0
        if rows and rows[0]:
            found = self._conn.execute("SELECT coalesce(max(version), 0) FROM storytrace_schema")
            version = int(found.fetchone()[0])
        if version != LATEST:
            raise StoreError(
                f"{self.where}: schema version {version}, but this storytrace reads version"
                f" {LATEST}; run `storytrace analyze --db URL` once to create or migrate it"
            )

    def _migrate(self) -> None:
        """Apply the steps the database lacks, then add columns for new record fields."""
        try:
            with self.transaction():
                self._conn.execute("SELECT pg_advisory_xact_lock(%s)", (MIGRATE_LOCK,))
                current = self._version()
                if current > LATEST:
                    raise StoreError(
                        f"{self.where}: schema version {current} is newer than this storytrace"
                        f" understands (up to {LATEST}); upgrade storytrace to open it"
                    )
                for version, step in MIGRATIONS:
                    if version > current:
                        step(self._conn)
                        self._conn.execute(
                            "INSERT INTO storytrace_schema (version) VALUES (%s)", (version,)
                        )
                ddl.reconcile(self.dialect, self._columns, self._conn.execute)
        except psycopg.Error as exc:
            raise StoreError(f"{self.where}: could not migrate: {exc}") from exc

    @contextmanager
    def story_update(self) -> Iterator[None]:
        """One transaction holding the story lock (``pg_advisory_xact_lock``) to its end.

        What is read inside sees every story another process committed before; what is
        written commits together, and the lock is released with the transaction (or
        when a killed process's connection drops).
        """
        with self.transaction():
            self._conn.execute("SELECT pg_advisory_xact_lock(%s)", (STORY_LOCK,))
            yield

    def search(self, query: str, *, limit: int = 50) -> list[str]:
        """Story ids whose articles or claims contain every word of ``query``, best first."""
        text = query.replace("\x00", " ").strip()
        if not text or limit <= 0:
            return []
        try:
            with self._lock:
                rows = self._conn.execute(SEARCH_SQL, {"q": text, "limit": limit}).fetchall()
        except psycopg.Error as exc:
            raise StoreError(f"{self.where}: search failed: {exc}") from exc
        return [str(row[0]) for row in rows]
