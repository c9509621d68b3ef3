"""ECB+ as story clustering: read documents, assign stories, score pairwise and B-cubed F1."""

from __future__ import annotations

import itertools
import json
from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from storytrace.cluster import STORY_THRESHOLD, article_vectors, group_stories
from storytrace.cluster.embed import Vectors
from storytrace.records import Article


def read_documents(path: Path) -> list[dict[str, Any]]:
    """``{"doc_id", "text", ...}`` objects, one a line (gold fields are kept but never used)."""
    documents = []
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            if not line.strip():
                continue
            record = json.loads(line)
            if not isinstance(record, dict) or "doc_id" not in record or "text" not in record:
                raise ValueError(f"{path}:{number}: each line needs 'doc_id' and 'text'")
            documents.append(record)
    return documents


def assign_stories(texts: Sequence[str], *, threshold: float = STORY_THRESHOLD) -> list[str]:
    """A story id per text, from the pipeline's own story grouping (no dates, no reuse)."""
    articles = [Article.from_text(text) for text in texts]
    assignment = group_stories(articles, _vectors(articles), threshold=threshold)
    return [assignment[article.id] for article in articles]


def _vectors(articles: Sequence[Article]) -> dict[str, Vectors]:
    return dict(zip((a.id for a in articles), article_vectors(articles), strict=True))


def _bcubed(gold: Sequence[str], guess: Sequence[str]) -> tuple[float, float]:
    gold_sets: dict[str, set[int]] = defaultdict(set)
    guess_sets: dict[str, set[int]] = defaultdict(set)
    for i, (g, p) in enumerate(zip(gold, guess, strict=True)):
        gold_sets[g].add(i)
        guess_sets[p].add(i)
    shared = [len(gold_sets[gold[i]] & guess_sets[guess[i]]) for i in range(len(gold))]
    precision = sum(s / len(guess_sets[guess[i]]) for i, s in enumerate(shared)) / len(gold)
    recall = sum(s / len(gold_sets[gold[i]]) for i, s in enumerate(shared)) / len(gold)
    return precision, recall


def _pairwise(gold: Sequence[str], guess: Sequence[str]) -> tuple[float, float]:
    tp = fp = fn = 0
    for i, j in itertools.combinations(range(len(gold)), 2):
        same_gold, same_guess = gold[i] == gold[j], guess[i] == guess[j]
        tp += same_gold and same_guess
        fp += same_guess and not same_gold
        fn += same_gold and not same_guess
    return tp / max(1, tp + fp), tp / max(1, tp + fn)


def _f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def score(path: Path) -> dict[str, Any]:
    """Pairwise and B-cubed precision, recall and F1 of the story partition against ``subtopic``."""
    documents = read_documents(path)
    guess = assign_stories([d["text"] for d in documents])
    gold = [str(d["subtopic"]) for d in documents]
    figures: dict[str, Any] = {
        "benchmark": "ecbplus",
        "path": str(path),
        "documents": len(gold),
        "stories": len(set(guess)),
        "gold_stories": len(set(gold)),
    }
    for name, (precision, recall) in (("pairwise", _pairwise(gold, guess)),
                                      ("bcubed", _bcubed(gold, guess))):  # fmt: skip
        figures[f"{name}_precision"] = round(precision, 4)
        figures[f"{name}_recall"] = round(recall, 4)
        figures[f"{name}_f1"] = round(_f1(precision, recall), 4)
    return figures
