"""Trial: token-alignment (BERTScore-style) features for the claim pair scorer, on MRPC.

    python bench/paraphrase_token_trial.py ../shared/data/mrpc [--dev]

Adds to the shipped paraphrase features (``align.paraphrase.FEATURES``) the greedy
matching of MiniLM's last-layer word-piece states: precision and recall of each side's
best matches, IDF-weighted (IDF over the train sentences), as min, max and F. The logistic
model, C and the threshold are chosen by 5-fold cross-validation on train (the procedure of
``storytrace.training.paraphrase``), with and without the new features. ``--dev`` also fits
both on all of train and scores dev once; without it dev is not read. Prints one JSON object.
Nothing here is shipped: it records the trial of issue #15 (dev F1 fell).
"""

from __future__ import annotations

import argparse
import json
import math
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from storytrace.align.paraphrase import feature_matrix
from storytrace.benchmark.mrpc import read_pairs
from storytrace.cluster.embed import embed, load_embedder
from storytrace.training.paraphrase import C_GRID

Pieces = tuple[npt.NDArray[np.float32], npt.NDArray[np.int_]]
TOKEN_FEATURES = ("bertscore_idf_min", "bertscore_idf_max", "bertscore_idf_f")


def piece_states(texts: Sequence[str], batch_size: int = 64) -> dict[str, Pieces]:
    """Unit last-layer states and ids of each text's word pieces ([CLS]/[SEP] left out)."""
    import torch

    module = load_embedder()[0]
    tokenizer, encoder = module.tokenizer, module.auto_model
    unique = sorted(set(texts), key=len)
    out: dict[str, Pieces] = {}
    for start in range(0, len(unique), batch_size):
        batch = unique[start : start + batch_size]
        encoded = tokenizer(batch, padding=True, truncation=True, max_length=256,
                            return_offsets_mapping=True, return_tensors="pt")  # fmt: skip
        offsets = encoded.pop("offset_mapping").numpy()
        with torch.inference_mode():
            hidden = encoder(**encoded).last_hidden_state.numpy()
        mask = encoded["attention_mask"].numpy().astype(bool)
        ids = encoded["input_ids"].numpy()
        for row, text in enumerate(batch):
            keep = mask[row] & (offsets[row][:, 1] > offsets[row][:, 0])
            states = hidden[row][keep]
            norms = np.maximum(np.linalg.norm(states, axis=1, keepdims=True), 1e-6)
            out[text] = (np.asarray(states / norms, dtype=np.float32), ids[row][keep])
    return out


def token_features(
    pairs: Sequence[tuple[str, str]], states: dict[str, Pieces], idf: dict[int, float], floor: float
) -> npt.NDArray[np.float32]:
    """IDF-weighted greedy-match precision/recall of each pair as min, max and F."""
    rows = []
    for first, second in pairs:
        (a, ids_a), (b, ids_b) = states[first], states[second]
        similarity = a @ b.T
        w_a = np.asarray([idf.get(i, floor) for i in ids_a.tolist()])
        w_b = np.asarray([idf.get(i, floor) for i in ids_b.tolist()])
        p = float((similarity.max(1) * w_a).sum() / max(w_a.sum(), 1e-6))
        r = float((similarity.max(0) * w_b).sum() / max(w_b.sum(), 1e-6))
        rows.append([min(p, r), max(p, r), 2 * p * r / max(p + r, 1e-6)])
    return np.asarray(rows, dtype=np.float32)


def _f1(gold: npt.NDArray[np.int_], guess: npt.NDArray[np.bool_]) -> float:
    tp = int((guess & (gold == 1)).sum())
    return 2 * tp / max(1, int(guess.sum()) + int((gold == 1).sum()))


def choose(features: npt.NDArray[np.float32], gold: npt.NDArray[np.int_]) -> dict[str, Any]:
    """C and threshold by 5-fold cross-validated F1 on train (as the trainer does)."""
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import cross_val_predict
    from sklearn.preprocessing import StandardScaler

    scaled = StandardScaler().fit_transform(features)
    best = (-1.0, 1.0, 0.5)
    for c in C_GRID:
        estimator = LogisticRegression(C=c, max_iter=5000)
        held_out = cross_val_predict(estimator, scaled, gold, cv=5, method="predict_proba")[:, 1]
        for threshold in np.arange(0.2, 0.7, 0.02):
            f1 = _f1(gold, held_out >= threshold)
            if f1 > best[0]:
                best = (f1, c, round(float(threshold), 2))
    return {"cv_f1": round(best[0], 4), "C": best[1], "threshold": best[2]}


def dev_scores(
    train: npt.NDArray[np.float32], gold: npt.NDArray[np.int_], dev: npt.NDArray[np.float32],
    dev_gold: npt.NDArray[np.int_], choice: dict[str, Any],
) -> dict[str, float]:  # fmt: skip
    """Fit on all of train with the chosen C; accuracy, P, R, F1 on dev at the chosen cut."""
    from sklearn.linear_model import LogisticRegression
    from sklearn.preprocessing import StandardScaler

    scaler = StandardScaler().fit(train)
    model = LogisticRegression(C=choice["C"], max_iter=5000).fit(scaler.transform(train), gold)
    guess = model.predict_proba(scaler.transform(dev))[:, 1] >= choice["threshold"]
    tp = int((guess & (dev_gold == 1)).sum())
    precision, recall = tp / max(1, int(guess.sum())), tp / max(1, int((dev_gold == 1).sum()))
    return {"accuracy": round(float((guess == (dev_gold == 1)).mean()), 4),
            "precision": round(precision, 4), "recall": round(recall, 4),
            "f1": round(2 * precision * recall / max(precision + recall, 1e-9), 4)}  # fmt: skip


def _split(path: Path) -> tuple[list[tuple[str, str]], npt.NDArray[np.int_]]:
    rows = [p for p in read_pairs(path) if p.label is not None]
    return [(p.first, p.second) for p in rows], np.asarray([p.label for p in rows])


def _base(pairs: Sequence[tuple[str, str]]) -> npt.NDArray[np.float32]:
    first, second = embed([a for a, _ in pairs]), embed([b for _, b in pairs])
    return feature_matrix(pairs, (first * second).sum(1).tolist())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", type=Path, help="folder with train.tsv (and dev.tsv)")
    parser.add_argument("--dev", action="store_true", help="score dev once per candidate")
    args = parser.parse_args()
    pairs, gold = _split(args.data / "train.tsv")
    sentences = sorted({s for pair in pairs for s in pair})
    states = piece_states(sentences)
    df = Counter(i for s in sentences for i in set(states[s][1].tolist()))
    idf = {i: math.log((len(sentences) + 1) / (n + 1)) for i, n in df.items()}
    floor = math.log(len(sentences) + 1)  # a piece never seen in train
    base = _base(pairs)
    both = np.hstack([base, token_features(pairs, states, idf, floor)])
    result: dict[str, Any] = {"train_pairs": len(pairs), "added": list(TOKEN_FEATURES)}
    result["base"], result["with_tokens"] = choose(base, gold), choose(both, gold)
    if args.dev:
        dev_pairs, dev_gold = _split(args.data / "dev.tsv")
        dev_states = piece_states(sorted({s for pair in dev_pairs for s in pair}))
        dev_base = _base(dev_pairs)
        dev_both = np.hstack([dev_base, token_features(dev_pairs, dev_states, idf, floor)])
        result["base"]["dev"] = dev_scores(base, gold, dev_base, dev_gold, result["base"])
        result["with_tokens"]["dev"] = dev_scores(
            both, gold, dev_both, dev_gold, result["with_tokens"]
        )
    print(json.dumps(result))


if __name__ == "__main__":
    main()
