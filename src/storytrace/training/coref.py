"""Fit the event-coreference model on ECB+ train, choose its threshold on dev, write the artefact.

Usage::

    python -m storytrace.training.coref ../shared/data/ecbplus/train_events.jsonl \
        ../shared/data/ecbplus/dev_events.jsonl

Pairs are every two gold mentions inside one *predicted* story of train (the grouping
``analyze`` uses), labelled by whether their gold chains agree. The regularisation C and the
clustering threshold are chosen by the CoNLL F1 of the chains on dev (dev documents are
grouped by predicted stories too); the test split is never read. Writes
``align/data/coref.json`` and ``coref.meta.json`` (data digests, command, seed, scores).

``--cv K`` writes nothing: it scores train by K folds over its gold topics (each predicted
story goes to the fold of its most frequent topic; a fold's stories are chained by a model
fitted on the other folds, with the pipeline's own chaining) and prints the CoNLL F1 of the
pooled held-out chains at every C and threshold, so a choice can be checked for a plateau
on data dev never saw::

    python -m storytrace.training.coref ../shared/data/ecbplus/train_events.jsonl \
        ../shared/data/ecbplus/dev_events.jsonl --cv 5
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from storytrace.align.coref import cluster_mentions
from storytrace.align.coref_features import FEATURES, feature_block, mention_contexts
from storytrace.align.coref_model import MODEL_PATH, CorefModel
from storytrace.benchmark.ecbplus_events import EventDocument, read_events, story_groups
from storytrace.benchmark.ecbplus_scores import conll_scores
from storytrace.cluster.embed import Vectors

SEED = 0
C_GRID = (0.01, 0.1, 1.0)
THRESHOLDS = tuple(round(float(x), 3) for x in np.arange(0.1, 0.61, 0.025))


@dataclass
class Story:
    """One predicted story of a split: its mention ids, pair features and gold pair labels."""

    ids: list[str]
    features: Vectors
    same: np.ndarray
    articles: tuple[str, ...] = ()  # each mention's article


def stories(documents: Sequence[EventDocument]) -> list[Story]:
    """Pair features and labels inside every predicted story of a split."""
    groups = story_groups(documents)
    texts = {d.doc_id: d.text for d in documents}
    gold = {
        m.id: g or f"alone:{m.id}"
        for d in documents
        for m, g in zip(d.mentions, d.gold, strict=True)
    }
    members: dict[str, list[Any]] = defaultdict(list)
    for document in documents:
        members[groups[document.doc_id]].extend(document.mentions)
    out = []
    for mentions in members.values():
        contexts = mention_contexts(mentions, texts)
        chains = np.asarray([gold[m.id] for m in mentions])
        out.append(
            Story(
                ids=[m.id for m in mentions],
                features=feature_block(contexts, slice(0, len(contexts))),
                same=chains[:, None] == chains[None, :],
                articles=tuple(m.article_id for m in mentions),
            )
        )
    return out


def _pairs(split: Sequence[Story]) -> tuple[Vectors, np.ndarray]:
    rows, labels = [], []
    for story in split:
        upper = np.triu_indices(len(story.ids), 1)
        rows.append(story.features[upper])
        labels.append(story.same[upper])
    return np.concatenate(rows), np.concatenate(labels)


def fit(split: Sequence[Story], c: float, threshold: float = 0.5) -> CorefModel:
    """A logistic model over the pairs of ``split``."""
    from sklearn.linear_model import LogisticRegression

    features, labels = _pairs(split)
    mean, scale = features.mean(axis=0), features.std(axis=0)
    scale[scale == 0] = 1.0
    model = LogisticRegression(C=c, max_iter=5000, random_state=SEED)
    model.fit((features - mean) / scale, labels)
    coef = model.coef_[0].astype(np.float32)
    intercept = float(model.intercept_[0])
    return CorefModel(mean.astype(np.float32), scale.astype(np.float32), coef, intercept, threshold)


def _probabilities(model: CorefModel, story: Story) -> Vectors:
    """The symmetric pair probabilities the pipeline chains (diagonal 1)."""
    one_way = model.probability(story.features)
    probabilities = np.asarray((one_way + one_way.T) / 2, dtype=np.float32)
    np.fill_diagonal(probabilities, 1.0)
    return probabilities


def _scores(split: Sequence[Story], probabilities: Sequence[Vectors],
            gold: dict[str, str | None], threshold: float) -> dict[str, Any]:  # fmt: skip
    chains: dict[str, str] = {}
    for number, (story, matrix) in enumerate(zip(split, probabilities, strict=True)):
        for mention, label in zip(story.ids, cluster_mentions(matrix, threshold), strict=True):
            chains[mention] = f"{number}:{label}"
    return conll_scores(gold, chains)


def evaluate(model: CorefModel, split: Sequence[Story], gold: dict[str, str | None],
             threshold: float) -> dict[str, Any]:  # fmt: skip
    """CoNLL scores of the chains the model gives ``split`` at ``threshold``."""
    return _scores(split, [_probabilities(model, story) for story in split], gold, threshold)


def topic_folds(split: Sequence[Story], topics: dict[str, str], folds: int) -> list[int]:
    """The fold of every story: that of its most frequent gold topic (topics dealt in turn)."""
    majority = [Counter(topics[a] for a in story.articles).most_common(1)[0][0] for story in split]
    order = {topic: k % folds for k, topic in enumerate(sorted(set(majority)))}
    return [order[topic] for topic in majority]


def cross_validate(
    split: Sequence[Story],
    folds: Sequence[int],
    gold: dict[str, str | None],
    c: float,
    thresholds: Sequence[float] = THRESHOLDS,
) -> dict[float, float]:
    """Threshold -> CoNLL F1 of the held-out chains, each fold chained by a model fitted on
    the others (all folds' chains pooled and scored at once, as dev is)."""
    probabilities: list[Vectors] = [np.zeros((0, 0), dtype=np.float32)] * len(split)
    for fold in sorted(set(folds)):
        model = fit([s for s, f in zip(split, folds, strict=True) if f != fold], c)
        for number, (story, f) in enumerate(zip(split, folds, strict=True)):
            if f == fold:
                probabilities[number] = _probabilities(model, story)
    return {
        threshold: _scores(split, probabilities, gold, threshold)["conll_f1"]
        for threshold in thresholds
    }


def read_topics(path: Path) -> dict[str, str]:
    """Each document's gold topic: only to form cross-validation folds, never to chain."""
    topics = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            record = json.loads(line)
            topics[str(record["doc_id"])] = str(record.get("topic"))
    return topics


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def train(train_path: Path, dev_path: Path, out: Path = MODEL_PATH) -> dict[str, Any]:
    """Fit on train, choose C and the threshold on dev, write the model and its meta."""
    train_docs, dev_docs = read_events(train_path), read_events(dev_path)
    train_split, dev_split = stories(train_docs), stories(dev_docs)
    gold = {m.id: g for d in dev_docs for m, g in zip(d.mentions, d.gold, strict=True)}
    best: tuple[float, float, float, dict[str, Any]] = (-1.0, 0.0, 0.0, {})
    for c in C_GRID:
        model = fit(train_split, c)
        for threshold in THRESHOLDS:
            scores = evaluate(model, dev_split, gold, threshold)
            print(f"C={c} threshold={threshold}: dev CoNLL F1 {scores['conll_f1']}", flush=True)
            if scores["conll_f1"] > best[0]:
                best = (scores["conll_f1"], c, threshold, scores)
    _, c, threshold, dev_scores = best
    model = fit(train_split, c, threshold)
    model.save(out)
    meta = {
        "model": out.name,
        "features": list(FEATURES),
        "training_data": {str(train_path): _digest(train_path)},
        "selection_data": {str(dev_path): _digest(dev_path)},
        "command": "python -m storytrace.training.coref " + " ".join(sys.argv[1:]),
        "seed": SEED,
        "C": c,
        "threshold": threshold,
        "document_grouping": "predicted stories (storytrace.benchmark.ecbplus.assign_stories)",
        "dev": dev_scores,
    }
    out.with_name(out.stem + ".meta.json").write_text(json.dumps(meta, indent=1) + "\n")
    return meta


def main(argv: Sequence[str] | None = None) -> int:
    """Command-line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("train", type=Path)
    parser.add_argument("dev", type=Path)
    parser.add_argument("--out", type=Path, default=MODEL_PATH)
    parser.add_argument("--cv", type=int, default=0, help="K folds over train topics; no write")
    args = parser.parse_args(argv)
    if args.cv:
        documents = read_events(args.train)
        split = stories(documents)
        folds = topic_folds(split, read_topics(args.train), args.cv)
        gold = {m.id: g for d in documents for m, g in zip(d.mentions, d.gold, strict=True)}
        for c in C_GRID:
            curve = cross_validate(split, folds, gold, c)
            print(json.dumps({"C": c, "train_cv_conll_f1": curve}), flush=True)
        return 0
    meta = train(args.train, args.dev, args.out)
    print(json.dumps(meta["dev"], indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
