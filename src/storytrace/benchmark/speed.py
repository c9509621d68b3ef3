"""``bench speed``: articles per second of ``analyze`` against spaCy's small model alone."""

from __future__ import annotations

import datetime as dt
import json
import os
import platform
import tempfile
import time
from pathlib import Path
from typing import Any

import spacy

from storytrace.pipeline import analyze
from storytrace.records import Article
from storytrace.text.nlp import MODEL_NAME


def _articles_in(corpus: Path) -> list[tuple[str, dict[str, Any]]]:
    found = []
    for path in sorted(corpus.glob("*.txt")):
        sidecar = path.with_suffix(".meta.json")
        meta = json.loads(sidecar.read_text(encoding="utf-8")) if sidecar.exists() else {}
        found.append((path.read_text(encoding="utf-8"), meta))
    return found


def replicate_corpus(corpus: Path, target: Path, *, count: int) -> list[Article]:
    """Write ``count`` articles into ``target`` by replicating ``corpus``.

    Replica ``k`` of a week's news is moved ``60 * k`` days later and marked with a
    trailing "Bench copy k" line (a heading, not a claim), so every copy is a distinct
    article (its own content hash) and each replica forms its own stories.
    """
    originals = _articles_in(corpus)
    if not originals:
        raise ValueError(f"{corpus}: no .txt articles to replicate")
    target.mkdir(parents=True, exist_ok=True)
    written: list[Article] = []
    for index in range(count):
        replica, position = divmod(index, len(originals))
        text, meta = originals[position]
        meta = dict(meta)
        if meta.get("published"):
            day = dt.date.fromisoformat(str(meta["published"])[:10])
            meta["published"] = (day + dt.timedelta(days=60 * replica)).isoformat()
        text = f"{text.rstrip()}\n\nBench copy {replica}\n"
        stem = f"{index:05d}"
        (target / f"{stem}.txt").write_text(text, encoding="utf-8")
        (target / f"{stem}.meta.json").write_text(json.dumps(meta), encoding="utf-8")
        written.append(
            Article.from_text(text.strip(), **{k: meta.get(k) for k in ("outlet", "title")})
        )
    return written


def speed(corpus: Path, *, articles: int = 1000) -> dict[str, Any]:
    """Time ``analyze`` and spaCy's small model on the same replicated corpus, in one run."""
    with tempfile.TemporaryDirectory(prefix="storytrace-bench-") as scratch:
        folder = Path(scratch) / "corpus"
        replicated = replicate_corpus(corpus, folder, count=articles)
        texts = [a.text for a in replicated]
        started = time.perf_counter()
        nlp = spacy.load(MODEL_NAME)
        for _doc in nlp.pipe(texts, batch_size=16):
            pass
        spacy_seconds = time.perf_counter() - started
        started = time.perf_counter()
        summary = analyze([str(folder)], db=Path(scratch) / "bench.db", out=Path(scratch) / "out")
        analyze_seconds = time.perf_counter() - started
    return {
        "benchmark": "speed",
        "articles": articles,
        "words": sum(len(t.split()) for t in texts),
        "analyze_seconds": round(analyze_seconds, 2),
        "analyze_articles_per_second": round(articles / analyze_seconds, 2),
        "spacy_small_seconds": round(spacy_seconds, 2),
        "spacy_small_articles_per_second": round(articles / spacy_seconds, 2),
        "ratio_analyze_to_spacy_time": round(analyze_seconds / spacy_seconds, 2),
        "analyze_stage_seconds": summary.seconds,
        "stories": summary.counts.stories,
        "claim_groups": summary.counts.claim_groups,
        "machine": f"{platform.machine()}, {os.cpu_count()} cores, "
        f"Python {platform.python_version()}",
    }
