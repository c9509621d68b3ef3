"""Linear-chain CRF decoding over plain JSON weights (no CRF library at run time).

A model is ``{"labels": [...], "transitions": [[w_from_to, ...], ...], "weights":
{feature: [w_label, ...]}}``, as :mod:`storytrace.claims.learn` exports it from a fitted
CRFsuite model. :func:`viterbi` returns the best label sequence for a list of feature rows.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any


def state_scores(model: dict[str, Any], rows: Sequence[Sequence[str]]) -> list[list[float]]:
    """Per-token label scores: the summed weights of each token's features."""
    weights: dict[str, list[float]] = model["weights"]
    width = len(model["labels"])
    scores = []
    for row in rows:
        total = [0.0] * width
        for feature in row:
            found = weights.get(feature)
            if found is not None:
                for k in range(width):
                    total[k] += found[k]
        scores.append(total)
    return scores


def viterbi(model: dict[str, Any], rows: Sequence[Sequence[str]]) -> list[str]:
    """The highest-scoring label sequence for ``rows`` (one feature list per token).

    A model may carry ``"label_bias"``: one score per label added at every token, which
    trades precision for recall without refitting (chosen by cross-validation).
    """
    if not rows:
        return []
    emissions = state_scores(model, rows)
    bias = model.get("label_bias")
    if bias:
        emissions = [[e + b for e, b in zip(row, bias, strict=True)] for row in emissions]
    labels: list[str] = model["labels"]
    return [labels[k] for k in best_path(emissions, model["transitions"])]


def best_path(
    emissions: Sequence[Sequence[float]], transitions: Sequence[Sequence[float]]
) -> list[int]:
    """Label indices of the best path under per-token and transition scores (Viterbi)."""
    width = len(transitions)
    best = list(emissions[0])
    back: list[list[int]] = []
    for emission in emissions[1:]:
        pointers = []
        current = []
        for to in range(width):
            origin = max(range(width), key=lambda k: best[k] + transitions[k][to])
            pointers.append(origin)
            current.append(best[origin] + transitions[origin][to] + emission[to])
        back.append(pointers)
        best = current
    state = max(range(width), key=best.__getitem__)
    path = [state]
    for pointers in reversed(back):
        state = pointers[state]
        path.append(state)
    return path[::-1]
