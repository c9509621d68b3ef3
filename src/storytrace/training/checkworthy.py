"""Fit the read stage's check-worthiness model (``claims/data/checkworthy.json``).

``python -m storytrace.training.checkworthy`` reads ``shared/data/checkworthy/``
(ClaimBuster and the CLEF CheckThat! 2019 training debates), parses every sentence with
the read stage's spaCy pipeline, and fits one logistic regression over
:func:`storytrace.claims.checkworthy.sentence_terms` and
:func:`~storytrace.claims.checkworthy.dense_features` on both sets together. Before the
final fit it cross-validates the same recipe: leave one CLEF debate out (MAP over the
debates) and 4 folds of ClaimBuster (F1 of the positive class); a training row whose text
equals a held-out one is dropped. The claim threshold is the one that maximises the
out-of-fold ClaimBuster F1. Writes the artefact and its ``.meta.json``.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import sys
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import numpy.typing as npt
from scipy import sparse
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, f1_score

from storytrace.claims.checkworthy import (
    ARTEFACT,
    CheckworthyModel,
    dense_features,
    sentence_terms,
)
from storytrace.text.nlp import load_nlp

DATA = Path(__file__).resolve().parents[4] / "shared" / "data" / "checkworthy"
SEED = 14
MIN_COUNT = 3  # a term seen in fewer training sentences gets no weight
FOLDS = 4


@dataclass
class Rows:
    """Labelled sentences with their features."""

    texts: list[str]
    labels: npt.NDArray[np.int64]
    groups: list[str]  # CLEF debate, or "cb<fold>" for ClaimBuster
    terms: list[list[str]]
    dense: npt.NDArray[np.float64]


def read_rows(path: Path, *, limit: int | None = None) -> list[tuple[str, int, str]]:
    """``(text, label, group)`` rows of one TSV; ClaimBuster rows get a seeded fold."""
    rng = np.random.default_rng(SEED)
    out: list[tuple[str, int, str]] = []
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE):
            group = row.get("debate") or f"cb{int(rng.integers(FOLDS))}"
            out.append((row["text"], int(row["label"]), group))
            if limit is not None and len(out) >= limit:
                break
    return out


def featurise(rows: Sequence[tuple[str, int, str]]) -> Rows:
    """Parse each sentence on its own and compute its features."""
    nlp = load_nlp()
    terms: list[list[str]] = []
    dense: list[npt.NDArray[np.float64]] = []
    for doc in nlp.pipe((text for text, _, _ in rows), batch_size=256):
        terms.append(sentence_terms(doc[:]))
        dense.append(dense_features(doc[:]))
    return Rows(
        texts=[text for text, _, _ in rows],
        labels=np.asarray([label for _, label, _ in rows], dtype=np.int64),
        groups=[group for _, _, group in rows],
        terms=terms,
        dense=np.vstack(dense) if dense else np.zeros((0, 96)),
    )


def fit(
    rows: Rows, index: npt.NDArray[np.int64], *, c: float, threshold: float
) -> CheckworthyModel:
    """Fit on the rows at ``index``."""
    counts = Counter(t for i in index for t in set(rows.terms[i]))
    vocabulary = {
        t: n for n, t in enumerate(sorted(t for t, k in counts.items() if k >= MIN_COUNT))
    }
    dense = rows.dense[index]
    mean = dense.mean(axis=0)
    scale = dense.std(axis=0) + 1e-6
    matrix = _matrix(rows, index, vocabulary, mean, scale)
    model = LogisticRegression(C=c, max_iter=3000, random_state=SEED)
    model.fit(matrix, rows.labels[index])
    weights = model.coef_[0]
    return CheckworthyModel(
        vocabulary=vocabulary,
        term_weights=weights[: len(vocabulary)],
        dense_mean=mean,
        dense_scale=scale,
        dense_weights=weights[len(vocabulary) :],
        intercept=float(model.intercept_[0]),
        threshold=threshold,
    )


def predict(
    model: CheckworthyModel, rows: Rows, index: npt.NDArray[np.int64]
) -> npt.NDArray[np.float64]:
    """Scores of the rows at ``index`` (the same sum as ``CheckworthyModel.score``)."""
    matrix = _matrix(rows, index, model.vocabulary, model.dense_mean, model.dense_scale)
    weights = np.concatenate([model.term_weights, model.dense_weights])
    margin = matrix @ weights + model.intercept
    return np.asarray(1.0 / (1.0 + np.exp(-np.clip(margin, -50, 50))), dtype=np.float64)


def _matrix(
    rows: Rows,
    index: npt.NDArray[np.int64],
    vocabulary: dict[str, int],
    mean: npt.NDArray[np.float64],
    scale: npt.NDArray[np.float64],
) -> sparse.csr_matrix:
    data_rows, cols = [], []
    for r, i in enumerate(index):
        for column in {vocabulary[t] for t in rows.terms[i] if t in vocabulary}:
            data_rows.append(r)
            cols.append(column)
    terms = sparse.csr_matrix(
        (np.ones(len(cols)), (data_rows, cols)), shape=(len(index), len(vocabulary))
    )
    dense = sparse.csr_matrix((rows.dense[index] - mean) / scale)
    return sparse.hstack([terms, dense], format="csr")


def cross_validate(rows: Rows, *, c: float) -> dict[str, float]:
    """Leave-one-debate-out MAP on CLEF, 4-fold F1 on ClaimBuster, and the F1-best threshold."""
    groups = np.asarray(rows.groups)
    normal = np.asarray([" ".join(t.lower().split()) for t in rows.texts])
    scores = np.full(len(rows.texts), np.nan)
    for group in sorted(set(rows.groups)):
        held = np.flatnonzero(groups == group)
        seen = set(normal[held])
        train = np.flatnonzero((groups != group) & ~np.isin(normal, list(seen)))
        if len(set(rows.labels[train])) < 2:
            continue
        scores[held] = predict(fit(rows, train, c=c, threshold=0.5), rows, held)
    clef = [g for g in sorted(set(rows.groups)) if not g.startswith("cb")]
    precisions = [
        float(average_precision_score(rows.labels[groups == g], scores[groups == g]))
        for g in clef
        if rows.labels[groups == g].any() and not np.isnan(scores[groups == g]).any()
    ]
    claimbuster = np.flatnonzero(np.char.startswith(groups.astype(str), "cb") & ~np.isnan(scores))
    best, best_f1 = 0.5, 0.0
    for threshold in np.arange(0.05, 0.95, 0.01):
        f1 = f1_score(rows.labels[claimbuster], scores[claimbuster] >= threshold, zero_division=0.0)
        if f1 > best_f1:
            best, best_f1 = float(threshold), float(f1)
    f1_half = f1_score(rows.labels[claimbuster], scores[claimbuster] >= 0.5, zero_division=0.0)
    return {
        "clef19_train_map_leave_one_debate_out": round(float(np.mean(precisions)), 4)
        if precisions
        else 0.0,
        "claimbuster_f1_4fold": round(best_f1, 4),
        "claimbuster_f1_4fold_at_0.5": round(float(f1_half), 4),
        "threshold": round(best, 2),
    }


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def train(
    data: Path = DATA, out: Path = ARTEFACT, *, c: float = 0.3, limit: int | None = None
) -> dict[str, float]:
    """Cross-validate, fit on everything, write ``out`` and its meta file; return the CV scores."""
    paths = [data / "claimbuster.tsv", data / "clef19_train.tsv"]
    rows = featurise([row for path in paths for row in read_rows(path, limit=limit)])
    scores = cross_validate(rows, c=c)
    model = fit(rows, np.arange(len(rows.texts)), c=c, threshold=scores["threshold"])
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(model.to_json(), separators=(",", ":")), encoding="utf-8")
    command = "python -m storytrace.training.checkworthy" + (f" --c {c}" if c != 0.3 else "")
    if limit is not None:
        command += f" --limit {limit}"
    meta = {
        "model": "logistic regression over spaCy sentence terms and mean tok2vec vector",
        "training_data": {p.name: {"path": str(p), "sha256": _digest(p)} for p in paths},
        "rows": len(rows.texts),
        "command": command,
        "seed": SEED,
        "c": c,
        "min_count": MIN_COUNT,
        "dev_scores": scores,
        "threshold": scores["threshold"],
    }
    out.with_suffix(".meta.json").write_text(json.dumps(meta, indent=2) + "\n", encoding="utf-8")
    return scores


def main(argv: Sequence[str] | None = None) -> int:
    """Command line: ``python -m storytrace.training.checkworthy [--data DIR] [--out FILE]``."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--out", type=Path, default=ARTEFACT)
    parser.add_argument("--c", type=float, default=0.3, help="inverse L2 strength")
    parser.add_argument("--limit", type=int, default=None, help="first N rows of each file")
    args = parser.parse_args(argv)
    scores = train(args.data, args.out, c=args.c, limit=args.limit)
    json.dump(scores, sys.stdout, indent=2)
    print()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
