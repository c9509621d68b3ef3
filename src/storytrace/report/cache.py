"""Each story's drawn piece, kept in the report folder so a run draws only what changed.

``analyze`` keeps ``.storytrace-pieces`` (SQLite) beside ``report.html`` and
``stories.json``: every story's :class:`~storytrace.report.pieces.StoryPiece` with the
store's revision of the story it was drawn from (``Store.story_revisions``). A run draws
again only the stories whose revision is not the one kept, drops the pieces of stories
no longer stored, and joins the kept pieces into both reports in story id order, as a
full write would. The pieces are valid for one storytrace version, one store and one
version of the report's own code and templates (:func:`cache_key`); anything else
empties them.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import json
import sqlite3
from collections.abc import Collection, Iterator, Mapping, Sequence
from pathlib import Path
from types import TracebackType
from typing import Self

from storytrace.report.pieces import StoryPiece

PIECES = ".storytrace-pieces"
_HERE = Path(__file__).parent

_SCHEMA = (
    "CREATE TABLE IF NOT EXISTS drawn_by (key TEXT NOT NULL)",
    """CREATE TABLE IF NOT EXISTS pieces (
    story_id TEXT PRIMARY KEY,  -- sorted as Python sorts str (UTF-8 bytes: code points)
    revision INTEGER,           -- NULL: drawn from a story without one, drawn every run
    entry TEXT NOT NULL,
    contents TEXT NOT NULL,
    section TEXT NOT NULL,
    verdicts TEXT NOT NULL,     -- JSON list of claim groups per verdict
    groups INTEGER NOT NULL
)""",
)


@functools.cache
def _renderer_digest() -> str:
    """A digest of the report's own modules and templates: a change to either redraws all."""
    digest = hashlib.sha256()
    for path in sorted([*_HERE.glob("*.py"), *(_HERE / "templates").rglob("*.j2")]):
        digest.update(path.relative_to(_HERE).as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def cache_key(version: str, store_digest: str) -> str:
    """What the kept pieces must have been drawn by and from to be used."""
    return f"{version}:{store_digest}:{_renderer_digest()}"


class PieceCache:
    """The pieces kept in one report folder (opened, used, closed by one run)."""

    def __init__(self, out: Path, key: str) -> None:
        self._conn = sqlite3.connect(out / PIECES, isolation_level=None)
        try:
            self._open(key)
        except sqlite3.DatabaseError:  # not ours, or damaged: start again
            self._conn.close()
            (out / PIECES).unlink(missing_ok=True)
            self._conn = sqlite3.connect(out / PIECES, isolation_level=None)
            self._open(key)

    def _open(self, key: str) -> None:
        for statement in _SCHEMA:
            self._conn.execute(statement)
        found = self._conn.execute("SELECT key FROM drawn_by").fetchall()
        if found != [(key,)]:
            with self._transaction():
                self._conn.execute("DELETE FROM pieces")
                self._conn.execute("DELETE FROM drawn_by")
                self._conn.execute("INSERT INTO drawn_by (key) VALUES (?)", (key,))

    @contextlib.contextmanager
    def _transaction(self) -> Iterator[None]:
        self._conn.execute("BEGIN")
        try:
            yield
        except BaseException:
            self._conn.execute("ROLLBACK")
            raise
        self._conn.execute("COMMIT")

    def stale(self, revisions: Mapping[str, int | None]) -> list[str]:
        """The story ids whose kept piece is missing or of another revision, sorted."""
        kept = dict(self._conn.execute("SELECT story_id, revision FROM pieces").fetchall())
        return sorted(
            story_id
            for story_id, revision in revisions.items()
            if revision is None or kept.get(story_id) != revision
        )

    def put(self, drawn: Sequence[tuple[StoryPiece, int | None]]) -> None:
        """Keep these pieces with the revisions they were drawn from, in one transaction."""
        rows = [
            (p.story_id, rev, p.entry, p.contents, p.section, json.dumps(p.verdicts), p.groups)
            for p, rev in drawn
        ]
        with self._transaction():
            self._conn.executemany(
                "INSERT INTO pieces VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (story_id) DO UPDATE"
                " SET revision = excluded.revision, entry = excluded.entry,"
                " contents = excluded.contents, section = excluded.section,"
                " verdicts = excluded.verdicts, groups = excluded.groups",
                rows,
            )

    def keep_only(self, story_ids: Collection[str]) -> None:
        """Drop the pieces of stories no longer stored."""
        gone = [
            (story_id,)
            for (story_id,) in self._conn.execute("SELECT story_id FROM pieces").fetchall()
            if story_id not in story_ids
        ]
        self._conn.executemany("DELETE FROM pieces WHERE story_id = ?", gone)

    def column(self, name: str) -> Iterator[str]:
        """One text column of every kept piece, in story id order (read as it is written)."""
        if name not in ("entry", "contents", "section"):
            raise ValueError(f"no such column: {name}")
        cursor = self._conn.execute(f"SELECT {name} FROM pieces ORDER BY story_id")  # noqa: S608
        for (text,) in cursor:
            yield text

    def counts(self) -> Iterator[tuple[tuple[int, ...], int]]:
        """Every kept piece's claim groups per verdict, and claim groups."""
        for verdicts, groups in self._conn.execute("SELECT verdicts, groups FROM pieces"):
            yield tuple(json.loads(verdicts)), int(groups)

    def close(self) -> None:
        self._conn.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()
