"""MRPC: read sentence pairs, predict "same fact", score accuracy and F1 of the positive class."""

from __future__ import annotations

import csv
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TextIO

from storytrace.align.pairs import PairJudgement, judge_pairs, sentence_claim
from storytrace.cluster.embed import embed


@dataclass(frozen=True)
class Pair:
    """One MRPC row; ``label`` is None when the file carries none."""

    id1: str
    id2: str
    first: str
    second: str
    label: int | None


def read_pairs(path: Path) -> list[Pair]:
    """Rows of an MRPC TSV (header ``label id1 id2 sentence1 sentence2``; no CSV quoting)."""
    with path.open(encoding="utf-8", newline="") as handle:
        rows = csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
        header = next(rows)
        index = {name.strip().lower(): i for i, name in enumerate(header)}
        missing = {"id1", "id2", "sentence1", "sentence2"} - set(index)
        if missing:
            raise ValueError(f"{path}: missing column(s) {sorted(missing)} in the header")
        pairs = []
        for row in rows:
            label = row[index["label"]] if "label" in index and len(row) > index["label"] else ""
            pairs.append(
                Pair(row[index["id1"]], row[index["id2"]], row[index["sentence1"]],
                     row[index["sentence2"]], int(label) if label.strip() in ("0", "1") else None)
            )  # fmt: skip
        return pairs


def judge(pairs: Sequence[Pair]) -> list[PairJudgement]:
    """The claim pair scorer of alignment on each pair, both sentences embedded first.

    Each sentence becomes a claim with its text only (the read stage is not run on MRPC),
    so the judgement rests on the text: no counts or certainty are read.
    """
    if not pairs:
        return []
    first = embed([p.first for p in pairs])
    second = embed([p.second for p in pairs])
    return judge_pairs(
        [sentence_claim(p.first, p.id1) for p in pairs],
        [sentence_claim(p.second, p.id2) for p in pairs],
        (first * second).sum(axis=1).tolist(),
    )


def predict(pairs: Sequence[Pair]) -> Iterator[tuple[Pair, int, float]]:
    """Each pair with its label (the same fact, no conflict) and its same-fact score."""
    for pair, judgement in zip(pairs, judge(pairs), strict=True):
        yield pair, int(judgement.paraphrase), judgement.same_fact


def write_predictions(pairs: Sequence[Pair], out: TextIO) -> None:
    """The contract's output: ``id1 id2 label score`` rows in input order."""
    out.write("id1\tid2\tlabel\tscore\n")
    for pair, label, score in predict(pairs):
        out.write(f"{pair.id1}\t{pair.id2}\t{label}\t{score:.4f}\n")


def score(path: Path) -> dict[str, Any]:
    """Accuracy and F1 of the positive class over a labelled MRPC file."""
    pairs = [p for p in read_pairs(path) if p.label is not None]
    predicted = [(p.label, label) for p, label, _ in predict(pairs)]
    tp = sum(1 for gold, guess in predicted if gold == 1 and guess == 1)
    fp = sum(1 for gold, guess in predicted if gold == 0 and guess == 1)
    fn = sum(1 for gold, guess in predicted if gold == 1 and guess == 0)
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    accuracy = sum(1 for gold, guess in predicted if gold == guess) / max(1, len(predicted))
    return {
        "benchmark": "mrpc",
        "path": str(path),
        "pairs": len(predicted),
        "accuracy": round(accuracy, 4),
        "precision": round(precision, 4),
        "recall": round(recall, 4),
        "f1": round(f1, 4),
    }
