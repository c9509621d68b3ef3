"""Spark's results handed over as Parquet: ``analyze --parquet DIR`` writes, ``load`` reads.

``analyze INPUT... --engine spark --parquet DIR`` ingests on the driver, reads and embeds
on the executors, and writes what they find to DIR (:mod:`storytrace.spark.parquet`)
without a store. ``storytrace load DIR --db DB`` stores those articles, readings and
vectors as the read and embed stages would have, then runs the rest of ``analyze``
(:func:`storytrace.pipeline.finish_run`: reuse, stories, align, verdicts, events, store,
reports), so the stories are those an embedded ``analyze`` of the same input writes.
"""

from __future__ import annotations

import tempfile
from collections.abc import Sequence
from pathlib import Path

from storytrace.pipeline import (
    ArticleFailed,
    Progress,
    RunSummary,
    _quiet,
    finish_run,
    ingest_into,
)
from storytrace.spark.engine import SparkEngine
from storytrace.spark.parquet import Loaded, read_folder
from storytrace.store import Store, open_store
from storytrace.store.runs import start_run


def parquet_location(folder: str) -> str:
    """Where Spark writes or reads ``folder``: a URL as given, a local path made absolute."""
    return folder if "://" in folder else str(Path(folder).resolve())


def analyze_to_parquet(
    inputs: Sequence[str],
    parquet: str,
    engine: SparkEngine,
    *,
    progress: Progress = _quiet,
) -> RunSummary:
    """Ingest ``inputs`` (each article once, by content hash), read and embed them on
    Spark, and write the results to ``parquet``; no store is written."""
    summary = RunSummary()
    with tempfile.TemporaryDirectory(prefix="storytrace-ingest-") as scratch:
        staging = Path(scratch) / "ingest.db"  # ingest's own de-duplication, then dropped
        store = open_store(staging)
        try:
            ingest_into(store, inputs, summary, progress, db=staging)
            articles = store.get_articles()
        finally:
            store.close()
    outlets = sorted({a.outlet for a in articles if a.outlet})
    folder = parquet_location(parquet)
    summary.outputs = [Path(p) for p in engine.write_parquet(articles, outlets, folder)]
    return summary


def load(
    parquet: str,
    engine: SparkEngine,
    *,
    db: str | Path = "storytrace.db",
    out: str | Path | None = None,
    progress: Progress = _quiet,
) -> RunSummary:
    """Store what ``parquet`` holds into ``db`` and run the rest of ``analyze`` over it.

    Articles already stored are counted as duplicates and left as they are; an article a
    stage failed on is stored as failed and named in the summary, as ``analyze`` does.
    """
    folder = parquet_location(parquet)
    found = read_folder(engine.session, folder)
    summary = RunSummary(db=db)
    store = open_store(db)
    run = start_run([parquet])
    try:
        store.save_run(run)
        for done, item in enumerate(found, 1):
            _store_one(store, item, summary)
            progress("load", done, len(found))
        finish_run(store, summary, run, progress=progress, engine=engine, db=db, out=out)
    finally:
        store.close()
    return summary


def _store_one(store: Store, item: Loaded, summary: RunSummary) -> None:
    """One article with its reading and vectors, in one transaction (as the read stage
    commits them)."""
    article = item.article
    with store.transaction():
        if not store.add_article(article):
            summary.duplicates += 1
            return
        summary.stored += 1
        for stage, reason in item.failed:
            summary.failed.append(ArticleFailed(article.id, article.source, stage, reason))
        read_failed = next((reason for stage, reason in item.failed if stage == "read"), None)
        if read_failed is not None:
            store.mark_failed(article.id, read_failed)
        else:
            store.save_attributions(article.id, item.attributions)
            store.save_claims(article.id, item.claims)
            store.save_claim_vectors(article.id, item.claim_vectors)
        if item.vector is not None:
            store.save_vector(article.id, item.vector)
