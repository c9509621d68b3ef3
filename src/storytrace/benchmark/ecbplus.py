"""ECB+ as story clustering: read documents, assign stories, score pairwise and B-cubed F1."""

from __future__ import annotations

import itertools
import json
from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from storytrace.cluster import STORY_THRESHOLD, TOPIC_THRESHOLD, article_vectors, group_stories
from storytrace.cluster.embed import Vectors
from storytrace.cluster.events import FEATURES, pair_features
from storytrace.cluster.features import combine_views, global_views
from storytrace.cluster.stories import _average_link, _groups
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
    figures: dict[str, Any] = {"benchmark": "ecbplus", "path": str(path), "documents": len(gold)}
    return figures | partition_scores(gold, guess)


def partition_scores(gold: Sequence[str], guess: Sequence[str]) -> dict[str, Any]:
    """Pairwise and B-cubed precision, recall and F1 of a story partition, and its counts."""
    figures: dict[str, Any] = {"stories": len(set(guess)), "gold_stories": len(set(gold))}
    for name, (precision, recall) in (("pairwise", _pairwise(gold, guess)),
                                      ("bcubed", _bcubed(gold, guess))):  # fmt: skip
        figures[f"{name}_precision"] = round(precision, 4)
        figures[f"{name}_recall"] = round(recall, 4)
        figures[f"{name}_f1"] = round(_f1(precision, recall), 4)
    return figures


def event_pairs(
    texts: Sequence[str], vectors: Vectors, gold: Sequence[str]
) -> tuple[npt.NDArray[np.float64], npt.NDArray[np.bool_]]:
    """Training pairs for the event model: features and "same gold story" labels.

    Pairs come from two kinds of neighbourhood: the topics that the first clustering pass
    finds (events of one kind to tell apart), and each gold story alone (one event that
    must stay whole however its articles vary).
    """
    views = global_views(texts, vectors)
    topics = _groups(_average_link(combine_views(views), TOPIC_THRESHOLD))
    stories: dict[str, list[int]] = defaultdict(list)
    for i, story in enumerate(gold):
        stories[story].append(i)
    rows: list[npt.NDArray[np.float64]] = []
    labels: list[bool] = []
    for members in [*topics, *stories.values()]:
        if len(members) < 2:
            continue
        part = np.ix_(members, members)
        features = pair_features(
            [texts[i] for i in members], vectors[members], {k: v[part] for k, v in views.items()}
        )
        upper = np.triu_indices(len(members), 1)
        rows.append(np.stack([features[name][upper] for name in FEATURES], axis=1))
        labels.extend(gold[members[a]] == gold[members[b]] for a, b in zip(*upper, strict=True))
    return np.vstack(rows).astype(np.float64), np.asarray(labels, dtype=bool)


def fit_event_model(
    path: Path, *, regularisation: float = 0.1, vectors: Vectors | None = None
) -> dict[str, Any]:
    """Fit the weights of :mod:`storytrace.cluster.events` on a labelled ECB+ split.

    Returns ``{"weights": {feature: weight}, "intercept": b}`` on the raw features (the
    standardisation used while fitting is folded in), ready to paste into ``events.py``.
    """
    from sklearn.linear_model import LogisticRegression

    documents = read_documents(path)
    texts = [f"\n{d['text']}" for d in documents]
    if vectors is None:
        vectors = article_vectors([Article.from_text(d["text"]) for d in documents])
    features, labels = event_pairs(texts, vectors, [str(d["subtopic"]) for d in documents])
    mean, scale = features.mean(axis=0), features.std(axis=0)
    scale[scale == 0] = 1.0
    model = LogisticRegression(C=regularisation, max_iter=1000)
    model.fit((features - mean) / scale, labels)
    weights = model.coef_[0] / scale
    intercept = float(model.intercept_[0] - np.sum(weights * mean))
    return {
        "weights": {name: round(float(w), 4) for name, w in zip(FEATURES, weights, strict=True)},
        "intercept": round(intercept, 4),
    }
