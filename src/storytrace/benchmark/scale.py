"""``bench scale``: the cross-article stages at growing corpus sizes, full and incremental.

For each size: a fresh store is filled with composed articles (:mod:`.compose`: real
readings of the source articles, recombined), then the pipeline's
:func:`~storytrace.pipeline.update_stories` runs over it (reuse, grouping, align,
provenance, events, store: what ``analyze`` runs after reading), timed per stage, with
the peak resident memory it adds, and the reports written after it. Then 1% new articles
are added, the stories updated again and the reports brought up to date (only the stories
that changed are drawn), then drawn from nothing into another folder for comparison, and
``analyze`` is run with nothing new: without reports, then keeping them (the store
unchanged since they were written). The article vectors are the embedder's
own (``article_vectors``), timed apart as per-article work, and kept beside the readings'
cache (:class:`VectorCache`), so a composed article is embedded once across sizes and runs.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import os
import platform
import re
import sqlite3
import sys
import tempfile
import threading
import time
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import numpy as np

from storytrace.align.groups import vector_keys
from storytrace.benchmark.compose import Read, corpus
from storytrace.cluster import article_vectors
from storytrace.pipeline import (
    EMBEDDED,
    Engine,
    RunSummary,
    _Clock,
    analyze,
    ingest_into,
    read_new,
    update_stories,
)
from storytrace.records import Article
from storytrace.report.update import report_store
from storytrace.store import Store, open_store

_NAMED = re.compile(r"^(?P<outlet>[a-z-]+)_(?P<date>\d{4}-\d\d-\d\d)_")
_PAGE = os.sysconf("SC_PAGE_SIZE") if hasattr(os, "sysconf") else 4096


def _quiet(_stage: str, _done: int, _total: int) -> None:
    return None


def _rss() -> int:
    return int(Path("/proc/self/statm").read_text(encoding="ascii").split()[1]) * _PAGE


@contextmanager
def peak_memory() -> Iterator[dict[str, int]]:
    """The highest resident memory seen (sampled every 50 ms) while the block runs."""
    found = {"start": _rss(), "peak": _rss()}
    stop = threading.Event()

    def sample() -> None:
        while not stop.wait(0.05):
            found["peak"] = max(found["peak"], _rss())

    thread = threading.Thread(target=sample, daemon=True)
    thread.start()
    try:
        yield found
    finally:
        stop.set()
        thread.join()
        found["peak"] = max(found["peak"], _rss())


def read_sources(folder: Path, cache: Path) -> list[Read]:
    """The source articles, read once by the pipeline's own read stage into ``cache``.

    A file named ``outlet_YYYY-MM-DD_....txt`` (as PolNeAR's are) gives the outlet and
    date the article's copies are placed around.
    """
    store = open_store(cache)
    try:
        ingest_into(store, [str(folder)], RunSummary(), _quiet, db=cache)
        articles = store.get_articles()
        read_new(store, articles, _quiet)
        failed = store.failed_articles()
        reads = []
        for article in articles:
            if article.id in failed:
                continue
            named = [_NAMED.match(Path(s).name) for s in store.article_sources(article.id)]
            found = next((m for m in named if m), None)
            if found is not None:
                article = _dated(article, found["outlet"], found["date"])
            claims = store.get_claims([article.id])
            keys = [k for c in claims for k in vector_keys(c)]
            attributions = tuple(store.get_attributions([article.id]))
            reads.append(Read(article, tuple(claims), attributions, store.get_claim_vectors(keys)))
        return reads
    finally:
        store.close()


def _dated(article: Article, outlet: str, published: str) -> Article:
    return dataclasses.replace(
        article, outlet=article.outlet or outlet, published=article.published or published
    )


class VectorCache:
    """Composed articles' vectors by article id, kept in a SQLite file beside the readings'
    cache: a composed article is the same text at every size and in every bench run
    (article ``k`` of a seed never changes), so the embedder runs on it once."""

    def __init__(self, path: Path | None) -> None:
        self._conn = None if path is None else sqlite3.connect(path)
        if self._conn is not None:
            self._conn.execute(
                "CREATE TABLE IF NOT EXISTS vectors (article_id TEXT PRIMARY KEY, vector BLOB)"
            )

    def get(self, ids: Sequence[str]) -> dict[str, bytes]:
        if self._conn is None:
            return {}
        found: dict[str, bytes] = {}
        for first in range(0, len(ids), 500):
            chunk = list(ids[first : first + 500])
            marks = ", ".join("?" * len(chunk))
            rows = self._conn.execute(
                f"SELECT article_id, vector FROM vectors WHERE article_id IN ({marks})",  # noqa: S608
                chunk,
            )
            found.update((str(a), bytes(v)) for a, v in rows)
        return found

    def put(self, vectors: Mapping[str, bytes]) -> None:
        if self._conn is not None:
            with self._conn:
                self._conn.executemany(
                    "INSERT OR REPLACE INTO vectors VALUES (?, ?)", list(vectors.items())
                )

    def close(self) -> None:
        if self._conn is not None:
            self._conn.close()


def fill(
    store: Store, reads: Sequence[Read], vectors: VectorCache | None = None
) -> tuple[float, int]:
    """Store composed articles with their readings and vectors; the seconds spent
    embedding and how many articles were embedded (the others came from ``vectors``)."""
    known = vectors.get([r.article.id for r in reads]) if vectors is not None else {}
    missing = [r.article for r in reads if r.article.id not in known]
    started = time.perf_counter()
    made = article_vectors(missing) if missing else np.zeros((0, 1), np.float32)
    seconds = time.perf_counter() - started
    fresh = {a.id: np.asarray(v, np.float32).tobytes() for a, v in zip(missing, made, strict=True)}
    if vectors is not None:
        vectors.put(fresh)
    with store.transaction():
        for read in reads:
            store.add_article(read.article)
            store.save_attributions(read.article.id, read.attributions)
            store.save_claims(read.article.id, read.claims)
            store.save_claim_vectors(read.article.id, dict(read.vectors))
            store.save_vector(read.article.id, known.get(read.article.id) or fresh[read.article.id])
    return seconds, len(missing)


def _stages(store: Store) -> tuple[dict[str, float], dict[str, int], int, int]:
    """Seconds per stage, memory, stories stored, and stories the run saved."""
    seconds: dict[str, float] = {}
    with peak_memory() as memory, store.story_update():
        saved = update_stories(store, _quiet, _Clock(seconds))
    return seconds, memory, store.story_counts().stories, len(saved)


def _reports(store: Store, db: Path, out: Path) -> tuple[float, int]:
    """Seconds to write ``out``'s reports as ``analyze`` does after a run, and stories drawn."""
    started = time.perf_counter()
    _written, _kept, drawn = report_store(store, out, str(db.resolve()))
    return round(time.perf_counter() - started, 2), drawn


def measure(
    sources: Sequence[Read],
    size: int,
    scratch: Path,
    *,
    seed: int = 0,
    vectors: VectorCache | None = None,
    reports: bool = True,
) -> dict[str, Any]:
    """One size: the full run, 1% new articles, and a run with nothing new.

    Both runs are timed without and with the reports ``analyze --out`` writes after them
    (the second draws only the stories it changed); the reports are then drawn from
    nothing into another folder, as every run drew them before pieces were kept. With
    ``reports`` false, no report is written or timed.
    """
    db, out = scratch / f"scale-{size}.db", scratch / f"report-{size}"
    store = open_store(db)
    try:
        reads = list(corpus(sources, size, seed=seed))
        embed_seconds, embedded = fill(store, reads, vectors)
        full, memory, stories, _ = _stages(store)
        report_seconds, _ = _reports(store, db, out) if reports else (0.0, 0)
        more = max(1, size // 100)
        added = [r for r in corpus(sources, more, seed=seed + 1) if r.article.id not in
                 {x.article.id for x in reads}]  # fmt: skip
        fill(store, added, vectors)
        incremental, added_memory, _, saved = _stages(store)
        added_report_seconds, drawn = _reports(store, db, out) if reports else (0.0, 0)
        afresh = scratch / f"report-{size}-afresh"
        afresh_seconds, _ = _reports(store, db, afresh) if reports else (0.0, 0)
    finally:
        store.close()
    started = time.perf_counter()
    analyze([], db=db)
    nothing_new = time.perf_counter() - started
    started = time.perf_counter()
    if reports:
        analyze([], db=db, out=out)
    kept_seconds = round(time.perf_counter() - started, 2)
    total, added_total = sum(full.values()), sum(incremental.values())
    return {
        "articles": len(reads),
        "claims": sum(len(r.claims) for r in reads),
        "stories": stories,
        "embedded_articles": embedded,  # the others' vectors came from the cache
        "embed_seconds_per_article": round(embed_seconds / embedded, 5) if embedded else None,
        "stage_seconds": full,
        "cross_article_seconds": round(total, 2),
        "cross_article_seconds_per_article": round(total / len(reads), 5),
        "peak_memory_added_mb": round((memory["peak"] - memory["start"]) / 2**20, 1),
        "peak_memory_mb": round(memory["peak"] / 2**20, 1),
        "report_seconds": report_seconds,
        "added_articles": len(added),
        "added_stage_seconds": incremental,
        "added_seconds": round(added_total, 2),
        "added_stories_saved": saved,  # joined, formed, or holding an event a new one joined
        "added_peak_memory_mb": round(added_memory["peak"] / 2**20, 1),
        "added_share_of_full": round(added_total / total, 4) if total else None,
        "added_report_seconds": added_report_seconds,
        "added_report_stories_drawn": drawn,
        "added_share_of_full_with_reports": _share(
            added_total + added_report_seconds, total + report_seconds
        ),
        "added_share_with_reports_drawn_afresh": _share(
            added_total + afresh_seconds, total + report_seconds
        ),
        "report_afresh_seconds": afresh_seconds,
        "nothing_new_analyze_seconds": round(nothing_new, 2),
        "nothing_new_report_kept_seconds": kept_seconds,
    }


def _share(part: float, whole: float) -> float | None:
    return round(part / whole, 4) if whole else None


def scale(
    source: Path,
    sizes: Sequence[int],
    *,
    cache: Path | None = None,
    seed: int = 0,
    engine: Engine | None = None,
    reports: bool = True,
) -> dict[str, Any]:
    """``bench scale``: every size in turn, on copies of ``source`` read once; with
    ``engine``, also its read and embed stages against the embedded engine's."""
    with tempfile.TemporaryDirectory(prefix="storytrace-scale-") as scratch:
        engines = None if engine is None else compare_engines(source, Path(scratch), engine)
        cache_path = cache or Path(scratch) / "sources.db"
        started = time.perf_counter()
        sources = read_sources(source, cache_path)
        read_seconds = time.perf_counter() - started
        vectors = VectorCache(cache_path.with_name(cache_path.name + ".vectors"))
        runs = []
        try:
            for size in sizes:
                runs.append(measure(sources, size, Path(scratch), seed=seed, vectors=vectors,
                                    reports=reports))  # fmt: skip
                print(json.dumps(runs[-1]), file=sys.stderr, flush=True)  # each size as it ends
        finally:
            vectors.close()
    return {
        "benchmark": "scale",
        "source": str(source),
        "source_articles": len(sources),
        "source_read_seconds": round(read_seconds, 1),
        "readings": "each source article read once by the read stage; larger corpora are "
        "composed from its paragraphs' readings (offsets shifted), see benchmark/compose.py",
        "sizes": runs,
        **({"engines": engines} if engines is not None else {}),
        "machine": f"{platform.machine()}, {os.cpu_count()} cores, "
        f"Python {platform.python_version()}",
        "date": dt.date.today().isoformat(),
    }


def compare_engines(source: Path, scratch: Path, engine: Engine) -> dict[str, Any]:
    """The read and embed stages (what the Spark engine runs) over ``source``, timed with
    the embedded engine and with ``engine`` in the same run, each into a fresh store."""
    other = type(engine).__name__
    found: dict[str, Any] = {}
    for name, chosen in (("embedded", EMBEDDED), (other, engine)):
        store = open_store(scratch / f"engine-{name}.db")
        try:
            ingest_into(store, [str(source)], RunSummary(), _quiet, db=scratch / "x.db")
            articles = store.get_articles()
            started = time.perf_counter()
            with peak_memory() as memory:
                read_new(store, articles, _quiet, engine=chosen)
            seconds = time.perf_counter() - started
            found[name] = {
                "articles": len(articles),
                "claims": len(store.get_claims([a.id for a in articles])),
                "read_embed_seconds": round(seconds, 1),
                "driver_peak_memory_mb": round(memory["peak"] / 2**20, 1),
            }
        finally:
            store.close()
    seconds_of = {name: found[name]["read_embed_seconds"] for name in ("embedded", other)}
    found["ratio_vs_embedded"] = round(seconds_of[other] / seconds_of["embedded"], 3)
    return found
