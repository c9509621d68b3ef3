"""Fit the event-coreference model on ECB+ train, choose its threshold on dev, write the artefact.

Usage::

    python -m storytrace.training.coref ../shared/data/ecbplus/train_events.jsonl \
        ../shared/data/ecbplus/dev_events.jsonl

Pairs are every two gold mentions inside one *predicted* story of train (the grouping
``analyze`` uses), labelled by whether their gold chains agree. The regularisation C and the
clustering threshold are chosen by the CoNLL F1 of the chains on dev (dev documents are
grouped by predicted stories too); the test split is never read. Writes
``align/data/coref.json`` and ``coref.meta.json`` (data digests, command, seed, scores).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections import defaultdict
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


def evaluate(model: CorefModel, split: Sequence[Story], gold: dict[str, str | None],
             threshold: float) -> dict[str, Any]:  # fmt: skip
    """CoNLL scores of the chains the model gives ``split`` at ``threshold``."""
    chains: dict[str, str] = {}
    for number, story in enumerate(split):
        one_way = model.probability(story.features)
        probabilities = np.asarray((one_way + one_way.T) / 2, dtype=np.float32)
        np.fill_diagonal(probabilities, 1.0)
        for mention, label in zip(
            story.ids, cluster_mentions(probabilities, threshold), strict=True
        ):
            chains[mention] = f"{number}:{label}"
    return conll_scores(gold, chains)


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
    args = parser.parse_args(argv)
    meta = train(args.train, args.dev, args.out)
    print(json.dumps(meta["dev"], indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
