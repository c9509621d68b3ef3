"""The :class:`~storytrace.store.base.Store` methods both SQL backends share.

SQL is written once with ``?`` placeholders; :class:`SQLStore` turns them into the
backend's (``%s`` for psycopg). Records go in and out through :mod:`.relational`.
"""

from __future__ import annotations

import hashlib
import threading
from collections import Counter
from collections.abc import Collection, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from types import TracebackType
from typing import Any, Self

from storytrace.errors import StoreError
from storytrace.records import Article, Attribution, Claim, ClaimGroup, Event, Run, Story
from storytrace.store import relational
from storytrace.store.base import MemberSentence, StoryCounts
from storytrace.store.ddl import ARTICLE_COLUMNS, Dialect, insert_rows, q
from storytrace.store.relational import TABLES, Assembler, flatten, insert_order, reachable

CHUNK = 500  # keys bound per IN (...) query, well under SQLite's variable limit


def vector_digest(vector: bytes) -> bytes:
    """The key a claim vector is stored under: 16 bytes of BLAKE2b of its bytes."""
    return hashlib.blake2b(bytes(vector), digest_size=16).digest()


#: Member sentences with their group's counts, for search results (both dialects).
_MEMBER_SENTENCES = """
SELECT g.story_key, g.text, g.verdict, g.independent_sources,
       (SELECT count(DISTINCT coalesce(nullif(o.id, ''), lower(o.name))) FROM origins o
        WHERE o.claim_group_key = g.key),
       (SELECT count(DISTINCT m.article_id) FROM claims m WHERE m.claim_group_key = g.key),
       c.article_id, coalesce(nullif(a.outlet, ''), nullif(a.title, ''), a.id), c.text
FROM claim_groups g
JOIN claims c ON c.claim_group_key = g.key
JOIN articles a ON a.id = c.article_id
WHERE g.story_key IN ({})
ORDER BY g.story_key, g.position, c.position"""


class SQLStore:
    """Everything but connecting, locking and searching, for SQLite and PostgreSQL alike."""

    dialect: Dialect
    where: str
    errors: tuple[type[BaseException], ...] = ()

    def __init__(self) -> None:
        self._depth = 0
        self._lock = threading.RLock()  # one thread at a time on the shared connection
        self._conn: Any = None
        self._names: dict[str, list[str]] = {}  # column names of each table, read once

    # -- what a backend provides -----------------------------------------------------

    def _begin(self) -> str:
        return "BEGIN"

    def story_update(self) -> Any:  # pragma: no cover - each backend has its own
        raise NotImplementedError

    def search(self, query: str, *, limit: int = 50) -> list[str]:  # pragma: no cover
        raise NotImplementedError

    # -- SQL helpers -------------------------------------------------------------------

    def _sql(self, sql: str) -> str:
        return sql if self.dialect.name == "sqlite" else sql.replace("?", "%s")

    def _exec(self, sql: str, params: Sequence[Any] = ()) -> Any:
        return self._conn.execute(self._sql(sql), tuple(params))

    def _many(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        if not rows:
            return
        if self.dialect.name == "sqlite":
            self._conn.executemany(sql, rows)
        else:
            with self._conn.cursor() as cursor:
                cursor.executemany(self._sql(sql), rows)

    def _read(self, sql: str, params: Sequence[Any] = ()) -> list[Any]:
        try:
            with self._lock:
                return list(self._exec(sql, params).fetchall())
        except self.errors as exc:
            raise StoreError(f"{self.where}: could not read: {exc}") from exc

    def _read_in(self, template: str, keys: Iterable[Any], params: Sequence[Any] = ()) -> list[Any]:
        """Rows of ``template`` whose ``IN ({})`` matches any of ``keys``, in chunks."""
        wanted = list(dict.fromkeys(keys))
        rows: list[Any] = []
        for start in range(0, len(wanted), CHUNK):
            chunk = wanted[start : start + CHUNK]
            rows += self._read(template.format(", ".join("?" * len(chunk))), [*params, *chunk])
        return rows

    def _dicts(
        self, table: str, where: str = "", keys: Iterable[str] | None = None
    ) -> list[dict[str, Any]]:
        """Every row of ``table`` (those whose ``where`` column is in ``keys``) as dicts."""
        with self._lock:
            names = self._names.get(table)
            if names is None:
                try:
                    cursor = self._exec(f"SELECT * FROM {q(table)} WHERE 1 = 0")
                    names = [c[0] for c in cursor.description]
                    cursor.fetchall()
                except self.errors as exc:
                    raise StoreError(f"{self.where}: could not read {table}: {exc}") from exc
                self._names[table] = names
            if keys is None:
                rows = self._read(f"SELECT * FROM {q(table)}")
            else:
                rows = self._read_in(f"SELECT * FROM {q(table)} WHERE {q(where)} IN ({{}})", keys)
        return [dict(zip(names, row, strict=True)) for row in rows]

    # -- transactions ------------------------------------------------------------------

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """Group writes into one transaction: all of them land, or none.

        A nested call is a savepoint: if it fails, only its own writes are undone.
        Other threads wait until the transaction ends.
        """
        with self._lock:
            yield from self._transaction()

    def _transaction(self) -> Iterator[None]:
        outer = self._depth == 0
        begin, commit, undo = (
            (self._begin(), "COMMIT", ("ROLLBACK",))
            if outer
            else ("SAVEPOINT nested", "RELEASE SAVEPOINT nested",
                  ("ROLLBACK TO SAVEPOINT nested", "RELEASE SAVEPOINT nested"))
        )  # fmt: skip
        try:
            self._conn.execute(begin)
        except self.errors as exc:
            raise StoreError(f"{self.where}: could not start a transaction: {exc}") from exc
        self._depth += 1
        try:
            yield
            self._conn.execute(commit)
        except BaseException as exc:
            try:
                for statement in undo:
                    self._conn.execute(statement)
            except self.errors:
                pass  # the connection is gone; the server rolls back
            if isinstance(exc, self.errors):
                raise StoreError(f"{self.where}: could not commit: {exc}") from exc
            raise
        finally:
            self._depth -= 1

    @contextmanager
    def _write(self, what: str) -> Iterator[None]:
        """One write: its own transaction, or part of the caller's batch."""
        with self.transaction():
            try:
                yield
            except Exception as exc:
                if isinstance(exc, StoreError) or not isinstance(
                    exc, (*self.errors, UnicodeError, OverflowError, ValueError)
                ):
                    raise
                raise StoreError(f"{self.where}: could not {what}: {exc}") from exc

    # -- rows of records ---------------------------------------------------------------

    def _insert(self, record_type: type, rows: relational.Rows) -> None:
        insert_rows(self._conn, self.dialect, record_type, rows)

    def _delete_roots(self, record_type: type, roots: Sequence[str]) -> None:
        for table in reversed(insert_order(record_type)):
            for start in range(0, len(roots), CHUNK):
                chunk = roots[start : start + CHUNK]
                marks = ", ".join("?" * len(chunk))
                self._exec(f"DELETE FROM {q(table.name)} WHERE root IN ({marks})", chunk)

    def _load(
        self, record_type: type, roots: Sequence[str] | None
    ) -> tuple[list[dict[str, Any]], Assembler]:
        """The top-level rows of ``record_type`` under ``roots`` (all when None), and parts."""
        fetched = {t.name: self._dicts(t.name, "root", roots) for t in reachable(record_type)}
        top = TABLES[record_type]
        heads = [
            row for row in fetched[top.name] if all(row.get(c) is None for c in top.parent_columns)
        ]
        heads.sort(key=lambda r: r["seq"])
        return heads, Assembler(fetched)

    # -- articles ----------------------------------------------------------------------

    def add_article(self, article: Article) -> bool:
        """Store ``article``; False if its id was already stored (its source is still recorded)."""
        columns = ", ".join(q(c) for c in ARTICLE_COLUMNS)
        marks = ", ".join("?" * len(ARTICLE_COLUMNS))
        with self._write(f"store article {article.id}"):
            inserted = self._exec(
                f"INSERT INTO articles ({columns}) VALUES ({marks}) ON CONFLICT (id) DO NOTHING",
                [getattr(article, c) for c in ARTICLE_COLUMNS],
            ).rowcount
            if article.source:
                self._exec(
                    "INSERT INTO article_sources (article_id, source) VALUES (?, ?)"
                    " ON CONFLICT (article_id, source) DO NOTHING",
                    (article.id, article.source),
                )
        return bool(inserted == 1)

    def article_sources(self, article_id: str) -> list[str]:
        """Every path or URL the article was read from, in the order first seen."""
        rows = self._read(
            "SELECT source FROM article_sources WHERE article_id = ? ORDER BY seq", (article_id,)
        )
        return [row[0] for row in rows]

    def get_articles(self, ids: Iterable[str] | None = None) -> list[Article]:
        """The articles with these ids (all when ``ids`` is None), in insertion order."""
        select = f"SELECT seq, {', '.join(q(c) for c in ARTICLE_COLUMNS)} FROM articles"
        rows = (
            self._read(select) if ids is None else self._read_in(select + " WHERE id IN ({})", ids)
        )
        return [
            Article(**dict(zip(ARTICLE_COLUMNS, row[1:], strict=True)))
            for row in sorted(rows, key=lambda r: r[0])
        ]

    # -- claims ------------------------------------------------------------------------

    def has_claims(self, article_id: str) -> bool:
        """Whether claims were saved for this article (even an empty list)."""
        rows = self._read("SELECT claims_saved FROM articles WHERE id = ?", (article_id,))
        return bool(rows and rows[0][0])

    def save_claims(self, article_id: str, claims: Sequence[Claim]) -> None:
        """Replace the claims of one article."""
        for claim in claims:
            if claim.article_id != article_id:
                raise StoreError(
                    f"{self.where}: claim {claim.id} belongs to article {claim.article_id},"
                    f" not {article_id}; save it with its own article"
                )
        root = f"article:{article_id}"
        rows: relational.Rows = {}
        for claim in claims:
            flatten(claim, key=claim.id, root=root, rows=rows)
        with self._write(f"save the claims of article {article_id}"):
            marked = self._exec(
                "UPDATE articles SET claims_saved = 1, failed = NULL WHERE id = ?", (article_id,)
            ).rowcount
            if not marked:
                raise StoreError(
                    f"{self.where}: article {article_id} is not stored; add_article() it first"
                )
            self._delete_roots(Claim, [root])
            self._insert(Claim, rows)

    def mark_failed(self, article_id: str, reason: str) -> None:
        """Keep the article without claims, marked failed with ``reason`` (read no more)."""
        with self._write(f"mark article {article_id} as failed"):
            marked = self._exec(
                "UPDATE articles SET claims_saved = 1, failed = ? WHERE id = ?",
                (reason, article_id),
            ).rowcount
            if not marked:
                raise StoreError(
                    f"{self.where}: article {article_id} is not stored; add_article() it first"
                )
            self._delete_roots(Claim, [f"article:{article_id}"])
            self._delete_roots(Attribution, [f"attributions:{article_id}"])

    def failed_articles(self) -> dict[str, str]:
        """Every article marked failed, with its reason, in insertion order."""
        rows = self._read("SELECT id, failed FROM articles WHERE failed IS NOT NULL ORDER BY seq")
        return {row[0]: row[1] for row in rows}

    def _article_order(self, ids: Sequence[str]) -> dict[str, int]:
        """Each stored article's insertion order (``seq``), for these ids."""
        rows = self._read_in("SELECT id, seq FROM articles WHERE id IN ({})", ids)
        return {row[0]: row[1] for row in rows}

    def get_claims(self, article_ids: Iterable[str]) -> list[Claim]:
        """The claims of these articles: articles in insertion order, then by span."""
        ids = list(dict.fromkeys(article_ids))
        if not ids:
            return []
        order = self._article_order(ids)
        heads, assembler = self._load(Claim, [f"article:{a}" for a in ids])
        heads.sort(
            key=lambda r: (order.get(r["article_id"], 0), r["span_start"], r["span_end"], r["seq"])
        )
        return [assembler.build(Claim, row) for row in heads]

    # -- attributions ------------------------------------------------------------------

    def save_attributions(self, article_id: str, attributions: Sequence[Attribution]) -> None:
        """Replace the attribution relations of one article (rows under ``attributions:<id>``)."""
        for attribution in attributions:
            if attribution.article_id != article_id:
                raise StoreError(
                    f"{self.where}: attribution {attribution.id} belongs to article"
                    f" {attribution.article_id!r}, not {article_id}"
                )
        root = f"attributions:{article_id}"
        rows: relational.Rows = {}
        for n, attribution in enumerate(attributions):
            flatten(attribution, key=f"{root}/{attribution.id or n}", root=root, rows=rows)
        with self._write(f"save the attributions of article {article_id}"):
            self._delete_roots(Attribution, [root])
            self._insert(Attribution, rows)

    def get_attributions(self, article_ids: Iterable[str]) -> list[Attribution]:
        """The attributions of these articles: articles in insertion order, then by cue."""
        ids = list(dict.fromkeys(article_ids))
        if not ids:
            return []
        order = self._article_order(ids)
        heads, assembler = self._load(Attribution, [f"attributions:{a}" for a in ids])
        heads.sort(
            key=lambda r: (order.get(r["article_id"], 0), r["cue_span_start"] or 0, r["seq"])
        )
        return [assembler.build(Attribution, row) for row in heads]

    # -- vectors -----------------------------------------------------------------------

    def save_vector(self, article_id: str, vector: bytes) -> None:
        """Keep (or replace) an article's embedding."""
        with self._write(f"save the vector of article {article_id}"):
            self._exec(
                "INSERT INTO vectors (article_id, vector) VALUES (?, ?)"
                " ON CONFLICT (article_id) DO UPDATE SET vector = excluded.vector",
                (article_id, bytes(vector)),
            )

    def get_vectors(self, ids: Iterable[str] | None = None) -> dict[str, bytes]:
        """Every stored embedding (or those of these articles) by article id, in article
        insertion order."""
        select = (
            "SELECT vectors.article_id, vectors.vector, articles.seq FROM vectors"
            " JOIN articles ON articles.id = vectors.article_id"
        )
        if ids is None:
            rows = self._read(select + " ORDER BY articles.seq")
        else:
            found = self._read_in(select + " WHERE vectors.article_id IN ({})", ids)
            rows = sorted(found, key=lambda r: r[2])
        return {row[0]: bytes(row[1]) for row in rows}

    def ready_articles(self) -> list[tuple[str, str | None]]:
        """The id and publication date of every article read and embedded, in insertion
        order (what story grouping takes; no text is read)."""
        rows = self._read(
            "SELECT a.id, a.published FROM articles a WHERE a.claims_saved = 1"
            " AND EXISTS (SELECT 1 FROM vectors v WHERE v.article_id = a.id) ORDER BY a.seq"
        )
        return [(str(row[0]), row[1]) for row in rows]

    def save_claim_vectors(self, article_id: str, vectors: Mapping[str, bytes]) -> None:
        """Replace the claim embeddings of one article (float32 bytes by claim id).

        Each distinct vector is stored once, under :func:`vector_digest`; a vector no key
        names any more once the article's old keys are gone is dropped.
        """
        keys = [(claim_id, article_id, vector_digest(v)) for claim_id, v in vectors.items()]
        blobs = list({digest: bytes(vectors[k]) for k, _, digest in keys}.items())
        with self._write(f"save the claim vectors of article {article_id}"):
            old = self._exec(
                "SELECT DISTINCT digest FROM claim_vector_keys WHERE article_id = ?", (article_id,)
            ).fetchall()
            self._exec("DELETE FROM claim_vectors WHERE article_id = ?", (article_id,))
            self._exec("DELETE FROM claim_vector_keys WHERE article_id = ?", (article_id,))
            self._many(
                "INSERT INTO claim_vector_blobs (digest, vector) VALUES (?, ?)"
                " ON CONFLICT (digest) DO NOTHING",
                blobs,
            )
            self._many(
                "INSERT INTO claim_vector_keys (claim_id, article_id, digest) VALUES (?, ?, ?)"
                " ON CONFLICT (claim_id) DO UPDATE"
                " SET article_id = excluded.article_id, digest = excluded.digest",
                keys,
            )
            gone = {bytes(row[0]) for row in old} - {digest for _, digest in blobs}
            self._many(
                "DELETE FROM claim_vector_blobs WHERE digest = ? AND NOT EXISTS"
                " (SELECT 1 FROM claim_vector_keys k WHERE k.digest = ?)",
                [(digest, digest) for digest in gone],
            )

    def get_claim_vectors(self, claim_ids: Iterable[str]) -> dict[str, bytes]:
        """The stored embeddings of these claims, by claim id (missing ones left out)."""
        wanted = list(claim_ids)
        rows = self._read_in(
            "SELECT k.claim_id, b.vector FROM claim_vector_keys k"
            " JOIN claim_vector_blobs b ON b.digest = k.digest WHERE k.claim_id IN ({})",
            wanted,
        )
        found = {row[0]: bytes(row[1]) for row in rows}
        rest = [k for k in wanted if k not in found]
        if rest:  # kept, one row a key, by a store made before vectors were shared
            rows = self._read_in(
                "SELECT claim_id, vector FROM claim_vectors WHERE claim_id IN ({})", rest
            )
            found.update((row[0], bytes(row[1])) for row in rows)
        return found

    # -- corpus index -----------------------------------------------------------------

    def indexed_articles(self) -> set[str]:
        """The ids of the articles the corpus index holds."""
        return {str(row[0]) for row in self._read("SELECT article_id FROM corpus_indexed")}

    def index_keys(self, kind: str, keys: Iterable[int]) -> list[tuple[int, str]]:
        """The ``(key, article id)`` rows of this kind whose key is one of ``keys``."""
        rows = self._read_in(
            'SELECT "key", article_id FROM corpus_keys WHERE kind = ? AND "key" IN ({})',
            (int(k) for k in keys),
            (kind,),
        )
        return [(int(row[0]), str(row[1])) for row in rows]

    def index_counts(self, kind: str, terms: Iterable[str]) -> dict[str, tuple[int, int]]:
        """How many indexed articles hold each of these terms of this kind, and the rank
        of its first appearance (absent: none holds it)."""
        rows = self._read_in(
            'SELECT term, docs, "first" FROM corpus_counts WHERE kind = ? AND term IN ({})',
            terms,
            (kind,),
        )
        return {str(row[0]): (int(row[1]), int(row[2])) for row in rows}

    def save_index(
        self,
        article_ids: Collection[str],
        keys: Mapping[str, Sequence[tuple[int, str]]],
        counts: Mapping[str, Mapping[str, tuple[int, int]]],
    ) -> None:
        """Add articles to the corpus index: their keys by kind, and by kind the number
        of them holding each term (added to the stored count) with the rank of its first
        appearance among them (kept only for a term new to the index)."""
        with self._write("save the corpus index"):
            self._many(
                "INSERT INTO corpus_indexed (article_id) VALUES (?)", [(a,) for a in article_ids]
            )
            for kind, rows in keys.items():
                self._many(
                    'INSERT INTO corpus_keys (kind, "key", article_id) VALUES (?, ?, ?)',
                    [(kind, int(k), a) for k, a in rows],
                )
            for kind, found in counts.items():
                self._many(
                    'INSERT INTO corpus_counts (kind, term, docs, "first") VALUES (?, ?, ?, ?)'
                    " ON CONFLICT (kind, term)"
                    " DO UPDATE SET docs = corpus_counts.docs + excluded.docs",
                    [(kind, term, int(n), int(f)) for term, (n, f) in found.items()],
                )

    # -- stories ------------------------------------------------------------------------

    def save_story(self, story: Story) -> None:
        """Insert or replace a story; its articles leave any story they were in before."""
        with self._write(f"save story {story.id}"):
            self._save_story(story)

    def _save_story(self, story: Story) -> None:
        root = f"story:{story.id}"
        self._exec("DELETE FROM story_articles WHERE story_id = ?", (story.id,))
        self._delete_roots(Story, [root])
        self._insert(Story, flatten(story, key=story.id, root=root))
        article_ids = list(dict.fromkeys(story.article_ids))
        self._many(
            self._sql(
                "INSERT INTO story_articles (article_id, story_id, position) VALUES (?, ?, ?)"
                " ON CONFLICT (article_id) DO UPDATE"
                " SET story_id = excluded.story_id, position = excluded.position"
            ),
            [(article_id, story.id, n) for n, article_id in enumerate(article_ids)],
        )
        self._exec("DELETE FROM story_redirects WHERE old_id = ?", (story.id,))
        self._exec(
            "INSERT INTO story_revisions (story_id, revision)"
            " SELECT ?, coalesce(max(revision), 0) + 1 FROM story_revisions WHERE true"
            " ON CONFLICT (story_id) DO UPDATE SET revision = excluded.revision",
            (story.id,),
        )

    def replace_stories(
        self, stories: Iterable[Story], *, replacing: Collection[str] | None = None
    ) -> dict[str, str]:
        """Make the stored stories exactly ``stories``, in one transaction.

        A stored story that is not among them was merged away: it is deleted and
        recorded as merged into the new story that holds most of its articles (returned
        as ``{old id: new id}``). A story without articles is never stored. With
        ``replacing``, only those stored stories are replaced; every other is left as is.
        ``stories`` is read once, one story at a time (it may stream them from disk).
        """
        with self._write("replace the stories"):
            old: dict[str, list[str]] = {}
            sql = "SELECT article_id, story_id FROM story_articles"
            found = (
                self._read(sql)
                if replacing is None
                else self._read_in(sql + " WHERE story_id IN ({})", sorted(replacing))
            )
            for article_id, story_id in found:
                old.setdefault(story_id, []).append(article_id)
            stored = (
                {row[0] for row in self._read("SELECT id FROM stories")}
                if replacing is None
                else set(old)
            )
            new_of: dict[str, str] = {}
            ids: set[str] = set()
            for story in stories:  # an article a story takes leaves the one it was in
                if story.article_ids:
                    ids.add(story.id)
                    new_of.update((a, story.id) for a in story.article_ids)
                    self._save_story(story)
            merged: dict[str, str] = {}
            for story_id in sorted(stored - ids):
                heirs = Counter(new_of[a] for a in old.get(story_id, []) if a in new_of)
                if heirs:
                    merged[story_id] = min(heirs, key=lambda s: (-heirs[s], s))
            gone = sorted(stored - ids)
            self._many(
                self._sql("DELETE FROM story_articles WHERE story_id = ?"), [(s,) for s in gone]
            )
            self._delete_roots(Story, [f"story:{s}" for s in gone])
            now = datetime.now(UTC).isoformat(timespec="seconds")
            for old_id, new_id in merged.items():
                self._exec(
                    "UPDATE story_redirects SET new_id = ? WHERE new_id = ?", (new_id, old_id)
                )
                self._exec(
                    "INSERT INTO story_redirects (old_id, new_id, merged_at) VALUES (?, ?, ?)"
                    " ON CONFLICT (old_id) DO UPDATE SET new_id = excluded.new_id,"
                    " merged_at = excluded.merged_at",
                    (old_id, new_id, now),
                )
        return merged

    def redirect_of(self, story_id: str) -> str | None:
        """The story a merged-away story now lives in, if it was merged."""
        rows = self._read("SELECT new_id FROM story_redirects WHERE old_id = ?", (story_id,))
        return str(rows[0][0]) if rows else None

    def story_articles(self) -> dict[str, str]:
        """The story of every grouped article."""
        return {
            row[0]: row[1] for row in self._read("SELECT article_id, story_id FROM story_articles")
        }

    def get_stories(self, ids: Sequence[str] | None = None) -> list[Story]:
        """Every story (or those with these ids), in id order."""
        return self._stories(None if ids is None else list(ids))

    def story_revisions(self) -> dict[str, int | None]:
        """Every stored story's revision, by story id (SQL: no story is assembled); None
        for a story an older storytrace saved after revisions began."""
        rows = self._read(
            "SELECT s.key, r.revision FROM stories s"
            " LEFT JOIN story_revisions r ON r.story_id = s.key"
        )
        return {str(key): None if rev is None else int(rev) for key, rev in rows}

    def story_counts(self) -> StoryCounts:
        """How many stories and claim groups are stored, and the groups per verdict (SQL
        counts: no story is assembled)."""
        stories = int(self._read("SELECT count(*) FROM stories")[0][0])
        rows = self._read(
            "SELECT coalesce(verdict, ''), count(*) FROM claim_groups"
            " WHERE story_key IS NOT NULL GROUP BY coalesce(verdict, '') ORDER BY 1"
        )
        verdicts = {str(verdict): int(count) for verdict, count in rows}
        return StoryCounts(stories, sum(verdicts.values()), verdicts)

    def unfinished_articles(self) -> int:
        """How many stored articles are not yet read, embedded or in a story."""
        rows = self._read(
            "SELECT count(*) FROM articles a WHERE a.claims_saved = 0"
            " OR NOT EXISTS (SELECT 1 FROM vectors v WHERE v.article_id = a.id)"
            " OR NOT EXISTS (SELECT 1 FROM story_articles s WHERE s.article_id = a.id)"
        )
        return int(rows[0][0])

    def state(self) -> tuple[int, ...]:
        """Counts and highest row numbers of articles, readings, vectors and stories.

        Articles are never deleted, so a new one raises their count; a run that groups
        articles changes the story memberships or the stories' rows.
        """
        rows = self._read(
            "SELECT (SELECT count(*) FROM articles), (SELECT coalesce(max(seq), 0) FROM articles),"
            " (SELECT count(*) FROM articles WHERE claims_saved = 1),"
            " (SELECT count(*) FROM vectors), (SELECT count(*) FROM story_articles),"
            " (SELECT count(*) FROM stories), (SELECT coalesce(max(seq), 0) FROM stories),"
            " (SELECT count(*) FROM claim_groups),"
            " (SELECT coalesce(max(seq), 0) FROM claim_groups),"
            " (SELECT count(*) FROM events), (SELECT coalesce(max(seq), 0) FROM events)"
        )
        return tuple(int(value) for value in rows[0])

    def stories_with_events(self, kinds: Iterable[tuple[str, str, str]]) -> list[str]:
        """Ids of the stories holding an event of one of these (type, sub-type, action)."""
        found: set[str] = set()
        for kind in sorted(set(kinds)):
            rows = self._read(
                "SELECT DISTINCT root FROM events WHERE root LIKE ?"
                " AND event_type = ? AND sub_event_type = ? AND action = ?",
                ("story:%", *kind),
            )
            found.update(row[0].removeprefix("story:") for row in rows)
        return sorted(found)

    def event_kinds(self, story_ids: Iterable[str]) -> set[tuple[str, str, str]]:
        """The (type, sub-type, action) of every event these stories hold."""
        rows = self._read_in(
            "SELECT DISTINCT event_type, sub_event_type, action FROM events"
            " WHERE story_key IS NOT NULL AND story_key IN ({})",
            story_ids,
        )
        return {(str(t), str(s), str(a or "")) for t, s, a in rows}

    def story_events(self, kinds: Iterable[tuple[str, str, str]]) -> list[Event]:
        """Every story's own events of these kinds, by story id then position (no story
        is assembled: only the events' rows are read)."""
        heads: list[dict[str, Any]] = []
        condition = (
            "story_key IS NOT NULL AND event_type = ? AND sub_event_type = ?"
            " AND coalesce(action, '') = ?"
        )
        for kind in sorted(set(kinds)):
            heads += self._where("events", condition, kind)
        heads.sort(key=lambda r: (r["story_key"], r["position"]))
        assembler = self._subtrees(Event, heads)
        return [assembler.build(Event, row) for row in heads]

    def claim_groups(self, ids: Iterable[str]) -> dict[str, ClaimGroup]:
        """The stored claim groups with these ids, by id (no story is assembled)."""
        heads = [r for r in self._dicts("claim_groups", "id", ids) if r.get("story_key")]
        assembler = self._subtrees(ClaimGroup, heads)
        return {row["id"]: assembler.build(ClaimGroup, row) for row in heads}

    def save_cross_events(self, events: Sequence[Event], *, replacing: Iterable[str] = ()) -> None:
        """Store events told in several stories, in place of the stored ones ``replacing``
        names (by id); every other stays as it is."""
        roots = sorted({f"event:{i}" for i in replacing} | {f"event:{e.id}" for e in events})
        rows: relational.Rows = {}
        for event in events:
            flatten(event, key=f"event:{event.id}", root=f"event:{event.id}", rows=rows)
        with self._write("save the events merged across stories"):
            self._delete_roots(Event, roots)
            self._insert(Event, rows)

    def cross_events(self, kinds: Iterable[tuple[str, str, str]]) -> list[Event]:
        """The stored events told in several stories of these kinds, by id."""
        condition = (
            "root LIKE ? AND story_key IS NULL AND event_type = ? AND sub_event_type = ?"
            " AND coalesce(action, '') = ?"
        )
        heads: list[dict[str, Any]] = []
        for kind in sorted(set(kinds)):
            heads += self._where("events", condition, ("event:%", *kind))
        return self._events(heads)

    def get_cross_events(self) -> list[Event]:
        """Every event told in several stories, by id (see :meth:`save_cross_events`)."""
        return self._events(
            self._where("events", "root LIKE ? AND story_key IS NULL", ("event:%",))
        )

    def _events(self, heads: list[dict[str, Any]]) -> list[Event]:
        heads.sort(key=lambda r: r["key"])
        assembler = self._subtrees(Event, heads)
        return [assembler.build(Event, row) for row in heads]

    def _where(self, table: str, condition: str, params: Sequence[Any]) -> list[dict[str, Any]]:
        """The rows of ``table`` meeting ``condition`` as dicts."""
        self._dicts(table, "key", [])  # learn the column names
        rows = self._read(f"SELECT * FROM {q(table)} WHERE {condition}", params)
        names = self._names[table]
        return [dict(zip(names, row, strict=True)) for row in rows]

    def _subtrees(self, record_type: type, heads: Sequence[Mapping[str, Any]]) -> Assembler:
        """An assembler for these top rows of ``record_type`` and everything nested in
        them, read by owner key, table by table (never a whole story)."""
        top = TABLES[record_type]
        fetched: dict[str, list[Mapping[str, Any]]] = {top.name: list(heads)}
        keys = {top.name: [str(h["key"]) for h in heads]}
        for table in insert_order(record_type)[1:]:
            rows: list[Mapping[str, Any]] = []
            for column, owner in zip(table.parent_columns, table.owners, strict=True):
                if keys.get(owner.name):
                    rows += self._dicts(table.name, column, keys[owner.name])
            fetched[table.name] = rows
            keys[table.name] = [str(r["key"]) for r in rows]
        return Assembler(fetched)

    def get_story(self, story_id: str) -> Story | None:
        """One story, or None."""
        found = self._stories([story_id])
        return found[0] if found else None

    def _stories(self, ids: Sequence[str] | None) -> list[Story]:
        roots = None if ids is None else [f"story:{i}" for i in ids]
        heads, assembler = self._load(Story, roots)
        members: dict[str, list[str]] = {}
        sql = "SELECT story_id, article_id FROM story_articles"
        rows = (
            self._read(sql + " ORDER BY story_id, position")
            if ids is None
            else self._read_in(sql + " WHERE story_id IN ({}) ORDER BY story_id, position", ids)
        )
        for story_id, article_id in rows:
            members.setdefault(story_id, []).append(article_id)
        stories = []
        for row in sorted(heads, key=lambda r: r["key"]):
            story = assembler.build(Story, row)
            stories.append(_with_articles(story, members.get(row["key"], [])))
        return stories

    def member_sentences(self, story_ids: Sequence[str]) -> list[MemberSentence]:
        """The member sentences of these stories' claim groups (no story is assembled)."""
        if not story_ids:
            return []
        rows = self._read_in(_MEMBER_SENTENCES, list(story_ids))
        return [MemberSentence(*row) for row in rows]

    def changes(self) -> tuple[Any, ...]:
        """A cheap fingerprint of the stories and runs: it changes when a run saves stories."""
        rows = self._read(
            "SELECT (SELECT count(*) FROM stories), (SELECT coalesce(sum(seq), 0) FROM stories),"
            " (SELECT count(*) FROM runs), (SELECT max(finished) FROM runs)"
        )
        return tuple(rows[0])

    def story_of(self, article_id: str) -> str | None:
        """The id of the story an article belongs to, if it was grouped."""
        rows = self._read("SELECT story_id FROM story_articles WHERE article_id = ?", (article_id,))
        return str(rows[0][0]) if rows else None

    # -- runs --------------------------------------------------------------------------

    def save_run(self, run: Run) -> None:
        """Record (or update) one run: what ran, when, with which models, over which inputs."""
        root = f"run:{run.id}"
        with self._write(f"record run {run.id}"):
            self._delete_roots(Run, [root])
            self._insert(Run, flatten(run, key=run.id, root=root))

    def get_runs(self) -> list[Run]:
        """Every recorded run, oldest first."""
        heads, assembler = self._load(Run, None)
        return [assembler.build(Run, row) for row in heads]

    # -- lifecycle ---------------------------------------------------------------------

    def close(self) -> None:
        """Release the connection."""
        with self._lock:
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


def _with_articles(story: Story, article_ids: list[str]) -> Story:
    from dataclasses import replace

    return replace(story, article_ids=tuple(article_ids))
