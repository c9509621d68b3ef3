"""The embedded store: one SQLite file (WAL, foreign keys, FTS5) behind :class:`Store`."""

from __future__ import annotations

import dataclasses
import json
import os
import sqlite3
import threading
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from types import TracebackType
from typing import Any

from storytrace.errors import StoreError
from storytrace.records import Article, Claim, Story, from_dict, to_dict
from storytrace.store import fts, migrations

BUSY_TIMEOUT_S = 30.0

# The article queries list their columns in the order of Article's fields.
_ARTICLE_FIELDS = tuple(field.name for field in dataclasses.fields(Article))
_CHUNK = 500  # keys bound per IN (...) query, well under SQLite's variable limit


class SQLiteStore:
    """A :class:`~storytrace.store.base.Store` in one SQLite file.

    Every write method commits its own transaction, unless it runs inside
    :meth:`transaction`, which makes a batch of writes one transaction.

    One store may be shared by threads (a web server's workers): its connection is
    used by one thread at a time, and a transaction holds it until it ends.

    Example:
        >>> store = SQLiteStore(tmp_path / "storytrace.db")  # doctest: +SKIP
        >>> with store.transaction():  # doctest: +SKIP
        ...     for article in articles:
        ...         store.add_article(article)
    """

    def __init__(
        self, path: str | os.PathLike[str], *, busy_timeout: float = BUSY_TIMEOUT_S
    ) -> None:
        """Open (creating folders and migrating as needed) the SQLite file at ``path``.

        ``busy_timeout`` is how many seconds a write waits for another writer's lock.
        """
        self.path = os.fspath(path)
        self._depth = 0
        self._lock = threading.RLock()  # one thread at a time on the shared connection
        self._conn = _connect(self.path, busy_timeout)
        try:
            migrations.migrate(self._conn, self.path)
        except BaseException:
            self._conn.close()
            raise

    # -- transactions ----------------------------------------------------------

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """Group writes into one transaction: all of them land, or none.

        A nested call is a savepoint: if it fails, only its own writes are undone.
        Other threads wait until the transaction ends.
        """
        with self._lock:
            yield from self._transaction()

    def _transaction(self) -> Iterator[None]:
        """The body of :meth:`transaction`, run while holding the lock."""
        outer = self._depth == 0
        begin, commit, undo = (
            ("BEGIN IMMEDIATE", "COMMIT", ("ROLLBACK",))
            if outer
            else ("SAVEPOINT nested", "RELEASE nested", ("ROLLBACK TO nested", "RELEASE nested"))
        )
        try:
            self._conn.execute(begin)
        except sqlite3.Error as exc:
            raise StoreError(f"{self.path}: could not start a transaction: {exc}") from exc
        self._depth += 1
        try:
            yield
            self._conn.execute(commit)
        except BaseException as exc:
            if self._conn.in_transaction:
                for statement in undo:
                    self._conn.execute(statement)
            if isinstance(exc, sqlite3.Error):
                raise StoreError(f"{self.path}: could not commit: {exc}") from exc
            raise
        finally:
            self._depth -= 1

    @contextmanager
    def _write(self, what: str) -> Iterator[sqlite3.Connection]:
        """One write: its own transaction, or part of the caller's batch."""
        with self.transaction():
            try:
                yield self._conn
            except (sqlite3.Error, UnicodeError, OverflowError) as exc:
                raise StoreError(f"{self.path}: could not {what}: {exc}") from exc

    # -- articles --------------------------------------------------------------

    def add_article(self, article: Article) -> bool:
        """Store ``article``; False if its id was already stored (its source is still recorded)."""
        with self._write(f"store article {article.id}") as conn:
            inserted = conn.execute(
                "INSERT INTO articles"
                " (id, text, outlet, title, url, author, published, language, source)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
                " ON CONFLICT (id) DO NOTHING",
                (
                    article.id,
                    article.text,
                    article.outlet,
                    article.title,
                    article.url,
                    article.author,
                    article.published,
                    article.language,
                    article.source,
                ),
            ).rowcount
            if article.source:
                conn.execute(
                    "INSERT INTO article_sources (article_id, source) VALUES (?, ?)"
                    " ON CONFLICT (article_id, source) DO NOTHING",
                    (article.id, article.source),
                )
        return inserted == 1

    def article_sources(self, article_id: str) -> list[str]:
        """Every path or URL the article was read from, in the order first seen."""
        rows = self._read(
            "SELECT source FROM article_sources WHERE article_id = ? ORDER BY seq",
            (article_id,),
        )
        return [row[0] for row in rows]

    def get_articles(self, ids: Iterable[str] | None = None) -> list[Article]:
        """The articles with these ids (all when ``ids`` is None), in insertion order."""
        select = (
            "SELECT seq, id, text, outlet, title, url, author, published, language, source"
            " FROM articles"
        )
        if ids is None:
            rows = self._read(select)
        else:
            rows = self._read_in(select + " WHERE id IN ({})", ids)
        return [Article(**dict(zip(_ARTICLE_FIELDS, row[1:], strict=True))) for row in sorted(rows)]

    # -- claims ----------------------------------------------------------------

    def has_claims(self, article_id: str) -> bool:
        """Whether claims were saved for this article (even an empty list)."""
        rows = self._read("SELECT claims_saved FROM articles WHERE id = ?", (article_id,))
        return bool(rows and rows[0][0])

    def save_claims(self, article_id: str, claims: Sequence[Claim]) -> None:
        """Replace the claims of one article."""
        for claim in claims:
            if claim.article_id != article_id:
                raise StoreError(
                    f"{self.path}: claim {claim.id} belongs to article {claim.article_id},"
                    f" not {article_id}; save it with its own article"
                )
        with self._write(f"save the claims of article {article_id}") as conn:
            marked = conn.execute(
                "UPDATE articles SET claims_saved = 1, failed = NULL WHERE id = ?", (article_id,)
            ).rowcount
            if not marked:
                raise StoreError(
                    f"{self.path}: article {article_id} is not stored; add_article() it first"
                )
            conn.execute("DELETE FROM claims WHERE article_id = ?", (article_id,))
            conn.executemany(
                "INSERT INTO claims (id, article_id, span_start, span_end, text, data)"
                " VALUES (?, ?, ?, ?, ?, ?)",
                [(c.id, c.article_id, c.span[0], c.span[1], c.text, _dumps(c)) for c in claims],
            )

    def mark_failed(self, article_id: str, reason: str) -> None:
        """Keep the article without claims, marked failed with ``reason`` (read no more)."""
        with self._write(f"mark article {article_id} as failed") as conn:
            marked = conn.execute(
                "UPDATE articles SET claims_saved = 1, failed = ? WHERE id = ?",
                (reason, article_id),
            ).rowcount
            if not marked:
                raise StoreError(
                    f"{self.path}: article {article_id} is not stored; add_article() it first"
                )
            conn.execute("DELETE FROM claims WHERE article_id = ?", (article_id,))

    def failed_articles(self) -> dict[str, str]:
        """Every article marked failed, with its reason, in insertion order."""
        rows = self._read("SELECT id, failed FROM articles WHERE failed IS NOT NULL ORDER BY seq")
        return {row[0]: row[1] for row in rows}

    def get_claims(self, article_ids: Iterable[str]) -> list[Claim]:
        """The claims of these articles: articles in insertion order, then by span."""
        rows = self._read_in(
            "SELECT articles.seq, claims.span_start, claims.span_end, claims.seq, claims.data"
            " FROM claims JOIN articles ON articles.id = claims.article_id"
            " WHERE claims.article_id IN ({})",
            article_ids,
        )
        return [from_dict(Claim, json.loads(row[-1])) for row in sorted(rows)]

    # -- vectors ---------------------------------------------------------------

    def save_vector(self, article_id: str, vector: bytes) -> None:
        """Keep (or replace) an article's embedding."""
        with self._write(f"save the vector of article {article_id}") as conn:
            conn.execute(
                "INSERT INTO vectors (article_id, vector) VALUES (?, ?)"
                " ON CONFLICT (article_id) DO UPDATE SET vector = excluded.vector",
                (article_id, bytes(vector)),
            )

    def get_vectors(self) -> dict[str, bytes]:
        """Every stored embedding by article id, in article insertion order."""
        rows = self._read(
            "SELECT vectors.article_id, vectors.vector FROM vectors"
            " JOIN articles ON articles.id = vectors.article_id ORDER BY articles.seq"
        )
        return {row[0]: bytes(row[1]) for row in rows}

    # -- stories ---------------------------------------------------------------

    def save_story(self, story: Story) -> None:
        """Insert or replace a story; its articles leave any story they were in before."""
        data = to_dict(story)
        del data["article_ids"]  # story_articles is the one record of membership
        article_ids = list(dict.fromkeys(story.article_ids))
        with self._write(f"save story {story.id}") as conn:
            conn.execute(
                "INSERT INTO stories (id, title, data) VALUES (?, ?, ?)"
                " ON CONFLICT (id) DO UPDATE SET title = excluded.title, data = excluded.data",
                (story.id, story.title, json.dumps(data, ensure_ascii=False)),
            )
            conn.execute("DELETE FROM story_articles WHERE story_id = ?", (story.id,))
            conn.executemany(
                "INSERT INTO story_articles (article_id, story_id, position) VALUES (?, ?, ?)"
                " ON CONFLICT (article_id) DO UPDATE"
                " SET story_id = excluded.story_id, position = excluded.position",
                [(article_id, story.id, n) for n, article_id in enumerate(article_ids)],
            )

    def get_stories(self) -> list[Story]:
        """Every story, in id order."""
        rows = self._read("SELECT id, data FROM stories ORDER BY id")
        members = self._members(None)
        return [_story(data, members.get(story_id, [])) for story_id, data in rows]

    def get_story(self, story_id: str) -> Story | None:
        """One story, or None."""
        rows = self._read("SELECT data FROM stories WHERE id = ?", (story_id,))
        if not rows:
            return None
        return _story(rows[0][0], self._members(story_id).get(story_id, []))

    def story_of(self, article_id: str) -> str | None:
        """The id of the story an article belongs to, if it was grouped."""
        rows = self._read("SELECT story_id FROM story_articles WHERE article_id = ?", (article_id,))
        return str(rows[0][0]) if rows else None

    def search(self, query: str, *, limit: int = 50) -> list[str]:
        """Story ids whose articles or claims contain every word of ``query``, best first."""
        try:
            with self._lock:
                return fts.search_stories(self._conn, query, limit)
        except sqlite3.Error as exc:
            raise StoreError(f"{self.path}: search failed: {exc}") from exc

    # -- lifecycle -------------------------------------------------------------

    def close(self) -> None:
        """Release the connection (SQLite checkpoints the WAL when the last one closes)."""
        with self._lock:
            self._conn.close()

    def __enter__(self) -> SQLiteStore:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    # -- helpers ---------------------------------------------------------------

    def _read(self, sql: str, params: Sequence[Any] = ()) -> list[Any]:
        try:
            with self._lock:
                return self._conn.execute(sql, params).fetchall()
        except sqlite3.Error as exc:
            raise StoreError(f"{self.path}: could not read: {exc}") from exc

    def _read_in(self, template: str, keys: Iterable[str]) -> list[Any]:
        """Rows of ``template`` whose ``IN ({})`` matches any of ``keys``, in chunks.

        Only ``?`` placeholders are put into the SQL; the keys are bound as parameters.
        """
        wanted = list(dict.fromkeys(keys))
        rows: list[Any] = []
        for start in range(0, len(wanted), _CHUNK):
            chunk = wanted[start : start + _CHUNK]
            rows += self._read(template.format(", ".join("?" * len(chunk))), chunk)
        return rows

    def _members(self, story_id: str | None) -> dict[str, list[str]]:
        """Article ids by story (one story, or all of them), in story order."""
        sql = "SELECT story_id, article_id FROM story_articles"
        params: tuple[str, ...] = ()
        if story_id is not None:
            sql += " WHERE story_id = ?"
            params = (story_id,)
        members: dict[str, list[str]] = {}
        for sid, article_id in self._read(sql + " ORDER BY story_id, position", params):
            members.setdefault(sid, []).append(article_id)
        return members


def _connect(path: str, busy_timeout: float) -> sqlite3.Connection:
    """Open ``path`` in autocommit mode with WAL, foreign keys and a busy timeout."""
    if path != ":memory:":
        try:
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StoreError(f"{path}: cannot create its folder: {exc}") from exc
    try:
        # ``timeout`` is SQLite's busy_timeout: wait for a lock instead of failing.
        # Shared across threads: SQLiteStore's lock lets one thread use it at a time.
        conn = sqlite3.connect(
            path, timeout=busy_timeout, isolation_level=None, check_same_thread=False
        )
    except sqlite3.Error as exc:
        raise StoreError(f"{path}: cannot open the database: {exc}") from exc
    try:
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA foreign_keys = ON")
    except sqlite3.DatabaseError as exc:
        conn.close()
        raise StoreError(f"{path}: not a usable SQLite database: {exc}") from exc
    return conn


def _dumps(record: Any) -> str:
    """``json.dumps(to_dict(record))``, with records expanded by the encoder as it meets them.

    The same text, without first building a copy of the record as dicts and lists (that
    copy took half the time of serialising a claim).
    """
    return json.dumps(record, ensure_ascii=False, default=_fields_of)


_FIELD_NAMES: dict[type, tuple[str, ...]] = {}


def _fields_of(record: Any) -> dict[str, Any]:
    """A record's fields by name, in order (the JSON encoder expands what they hold)."""
    names = _FIELD_NAMES.get(type(record))
    if names is None:
        if not dataclasses.is_dataclass(record) or isinstance(record, type):
            raise TypeError(f"Object of type {type(record).__name__} is not JSON serializable")
        names = tuple(field.name for field in dataclasses.fields(record))
        _FIELD_NAMES[type(record)] = names
    return {name: getattr(record, name) for name in names}


def _story(data: str, article_ids: list[str]) -> Story:
    fields = json.loads(data)
    fields["article_ids"] = article_ids
    story: Story = from_dict(Story, fields)
    return story
