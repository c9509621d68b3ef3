"""Composed stores of any size for ``bench scale``: filled a chunk at a time, resumable.

A 100k-article store takes hours of embedding on a small machine, longer than a session.
:func:`fill_store` writes composed articles (:mod:`.compose`: readings, claim vectors and
article vectors, no stories) in corpus order, one transaction a chunk, so a fill stopped
anywhere (killed, or ``SIGTERM``) holds whole chunks, and the next call goes on after the
highest article number stored. The article vectors are the embedder's own
(``article_vectors``), computed by ``workers`` processes (one thread each) while this one
writes, and kept in a :class:`~.scale.VectorCache`, so an article is embedded once even
when a store is filled again.
"""

from __future__ import annotations

import multiprocessing
import sqlite3
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import closing
from pathlib import Path
from typing import Any

import numpy as np

from storytrace.benchmark.compose import Read, corpus
from storytrace.benchmark.scale import VectorCache, fill
from storytrace.cluster import article_vectors
from storytrace.store import open_store

CHUNK = 250  # composed articles a worker makes, and the store writes, at a time
_PREFIX = "bench:"  # a composed article's source: ``bench:NUMBER``

Progress = Callable[[dict[str, Any]], None]


def stored(db: Path) -> tuple[int, set[str]]:
    """The number after the highest composed article stored in ``db`` (0 for none), and
    the ids of the articles stored."""
    if not db.exists():
        return 0, set()
    with closing(sqlite3.connect(f"file:{db}?mode=ro", uri=True)) as conn:
        rows = conn.execute("SELECT id, source FROM articles").fetchall()
    numbers = numbers_of(str(s or "") for _, s in rows)
    return (max(numbers) + 1 if numbers else 0), {str(i) for i, _ in rows}


def fill_store(
    sources: Sequence[Read],
    vectors_at: Path,
    db: Path,
    stop: int,
    *,
    seed: int = 0,
    workers: int = 1,
    chunk: int = CHUNK,
    progress: Progress | None = None,
) -> int:
    """Store composed articles up to number ``stop`` (exclusive) in ``db``, going on after
    the highest one already there; the number of articles written.

    With ``workers`` 0 everything runs in this process. ``progress`` is called after each
    chunk is committed (articles written so far, the next number, seconds, embedded).
    """
    start, seen = stored(db)
    _SOURCES[:] = sources
    chunks = [(vectors_at, seed, first, min(chunk, stop - first))
              for first in range(start, stop, chunk)]  # fmt: skip
    vectors = VectorCache(vectors_at)
    store = open_store(db)
    written, embedded, started = 0, 0, time.perf_counter()
    try:
        for reads, made, after in _chunks(chunks, workers):
            fresh = [r for r in reads if r.article.id not in seen]
            seen.update(r.article.id for r in fresh)
            fill(store, fresh, vectors)  # every vector cached by now: none embedded here
            written, embedded = written + len(fresh), embedded + made
            if progress is not None:
                progress({"written": written, "next": after, "embedded": embedded,
                          "seconds": round(time.perf_counter() - started, 1)})  # fmt: skip
    finally:
        store.close()
        vectors.close()
    return written


_SOURCES: list[Read] = []  # the sources, set before the workers fork


def _chunks(
    chunks: Sequence[tuple[Path, int, int, int]], workers: int
) -> Iterator[tuple[list[Read], int, int]]:
    if workers <= 0:
        yield from map(_composed, chunks)
        return
    with multiprocessing.get_context("fork").Pool(workers) as pool:
        yield from pool.imap(_composed, chunks)


def _composed(chunk: tuple[Path, int, int, int]) -> tuple[list[Read], int, int]:
    """One chunk of composed articles (their vectors put in the cache), how many were
    embedded (the others were cached), and the number after the chunk's last."""
    vectors_at, seed, first, count = chunk
    import torch

    from storytrace.cluster.embed import load_embedder

    reads = list(corpus(_SOURCES, count, seed=seed, first=first))
    vectors = VectorCache(vectors_at)
    try:
        known = vectors.get([r.article.id for r in reads])
        missing = [r.article for r in reads if r.article.id not in known]
        if missing:
            load_embedder()
            torch.set_num_threads(1)
            made = article_vectors(missing)
            vectors.put({a.id: np.asarray(v, np.float32).tobytes()
                         for a, v in zip(missing, made, strict=True)})  # fmt: skip
    finally:
        vectors.close()
    return reads, len(missing), first + count


def numbers_of(sources: Iterable[str]) -> list[int]:
    """The article numbers in composed articles' sources (``bench:NUMBER``)."""
    return [int(s[len(_PREFIX) :]) for s in sources if s.startswith(_PREFIX)]
