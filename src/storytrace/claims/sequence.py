"""Linear-chain CRF decoding over plain JSON weights (no CRF library at run time).

A model is ``{"labels": [...], "transitions": [[w_from_to, ...], ...], "weights":
{feature: [w_label, ...]}}``, as :mod:`storytrace.training.attribution` exports it from a fitted
CRFsuite model. :func:`viterbi` returns the best label sequence for a list of feature rows.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from typing import Any

import numpy as np
import numpy.typing as npt

_COMPILED: dict[int, tuple[dict[str, list[float]], dict[str, int], npt.NDArray[np.float64]]] = {}


def compiled_weights(model: dict[str, Any]) -> tuple[dict[str, int], npt.NDArray[np.float64]]:
    """The model's weights as one matrix (and a last row of zeros) and a feature -> row
    index (built once per model)."""
    weights: dict[str, list[float]] = model["weights"]
    found = _COMPILED.get(id(weights))
    if found is None or found[0] is not weights:
        index = {feature: k for k, feature in enumerate(weights)}
        # One row per feature, then a row of zeros: the row ``-1`` of an unknown feature.
        matrix = np.zeros((len(weights) + 1, len(model["labels"])), dtype=np.float64)
        matrix[:-1] = np.array(list(weights.values()), dtype=np.float64).reshape(
            len(weights), len(model["labels"])
        )
        found = (weights, index, matrix)
        _COMPILED[id(weights)] = found
    return found[1], found[2]


def state_scores(model: dict[str, Any], rows: Sequence[Sequence[str]]) -> npt.NDArray[np.float64]:
    """Per-token label scores ``(tokens, labels)``: the summed weights of each token's features."""
    index, matrix = compiled_weights(model)
    width = len(model["labels"])
    found = np.fromiter(
        map(index.get, itertools.chain.from_iterable(rows), itertools.repeat(-1)), dtype=np.int64
    )
    owner = np.repeat(np.arange(len(rows)), [len(row) for row in rows])
    known = found >= 0
    scores = np.zeros((len(rows), width), dtype=np.float64)
    if known.any():
        gathered = matrix[found[known]]
        owner = owner[known]
        for label in range(width):
            scores[:, label] = np.bincount(owner, weights=gathered[:, label], minlength=len(rows))
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
        emissions = emissions + np.asarray(bias, dtype=np.float64)
    labels: list[str] = model["labels"]
    return [labels[k] for k in best_path(emissions, model["transitions"])]


def viterbi_many(
    model: dict[str, Any], sequences: Sequence[Sequence[Sequence[str]]]
) -> list[list[str]]:
    """:func:`viterbi` of each sequence, all decoded together (the same labels, one numpy
    step per position instead of a Python loop per token)."""
    return decode_many(model, emissions_many(model, sequences))


def emissions_many(
    model: dict[str, Any], sequences: Sequence[Sequence[Sequence[str]]]
) -> list[npt.NDArray[np.float64]]:
    """:func:`state_scores` of each sequence, looked up in one pass (``model``'s own
    ``label_bias`` not yet added)."""
    lengths = [len(rows) for rows in sequences]
    if not sum(lengths):
        return [np.zeros((0, len(model["labels"]))) for _ in sequences]
    emissions = state_scores(model, [row for rows in sequences for row in rows])
    return np.split(emissions, np.cumsum(lengths)[:-1])


def decode_many(
    model: dict[str, Any],
    emissions: Sequence[npt.NDArray[np.float64]],
    bias: Sequence[float] | None = None,
) -> list[list[str]]:
    """The best label sequence of each of :func:`emissions_many`'s parts, decoded side by
    side, with ``bias`` (default: the model's ``label_bias``) added at every token."""
    bias = model.get("label_bias") if bias is None else bias
    if bias:
        emissions = [part + np.asarray(bias, dtype=np.float64) for part in emissions]
    labels: list[str] = model["labels"]
    kept = [part for part in emissions if len(part)]
    if not kept:
        return [[] for _ in emissions]
    paths = iter(best_paths(kept, model["transitions"]))
    return [[labels[k] for k in next(paths)] if len(part) else [] for part in emissions]


def best_paths(
    emissions: Sequence[npt.NDArray[np.float64]], transitions: Sequence[Sequence[float]]
) -> list[list[int]]:
    """:func:`best_path` of each non-empty sequence, decoded side by side.

    The same sums in the same order as :func:`best_path` (so the same paths, ties to the
    lowest label index): the sequences are padded to the longest, and each one's final
    scores are read at its own last position.
    """
    lengths = np.array([len(e) for e in emissions])
    count, longest, width = len(emissions), int(lengths.max()), len(transitions)
    padded = np.zeros((count, longest, width), dtype=np.float64)
    for k, part in enumerate(emissions):
        padded[k, : len(part)] = part
    moves = np.asarray(transitions, dtype=np.float64)
    ends = lengths - 1
    best = padded[:, 0].copy()
    finals = best.copy()
    back = np.zeros((count, longest, width), dtype=np.intp)
    for t in range(1, longest):
        into = best[:, :, None] + moves[None, :, :]  # [sequence, from, to]
        back[:, t] = into.argmax(axis=1)
        best = into.max(axis=1) + padded[:, t]
        done = ends == t
        finals[done] = best[done]
    rows = np.arange(count)
    states = np.zeros((count, longest), dtype=np.intp)
    states[rows, ends] = finals.argmax(axis=1)
    for t in range(longest - 1, 0, -1):
        active = ends >= t
        states[active, t - 1] = back[rows, t, states[:, t]][active]
    return [states[k, : lengths[k]].tolist() for k in range(count)]


def best_path(
    emissions: Sequence[Sequence[float]] | npt.NDArray[np.float64],
    transitions: Sequence[Sequence[float]],
) -> list[int]:
    """Label indices of the best path under per-token and transition scores (Viterbi).

    Plain Python over lists: with three or four labels, numpy's per-call cost outweighs
    its arithmetic (about 1.5x faster this way). Ties go to the lowest label index.
    """
    rows = emissions.tolist() if isinstance(emissions, np.ndarray) else [list(r) for r in emissions]
    moves = [list(r) for r in transitions]
    labels = range(len(moves))
    columns = [[moves[a][b] for a in labels] for b in labels]  # scores into each label
    best = rows[0]
    back: list[list[int]] = []
    for row in rows[1:]:
        pointers: list[int] = []
        scores: list[float] = []
        for b in labels:
            into = [best[a] + columns[b][a] for a in labels]
            top = max(into)
            pointers.append(into.index(top))
            scores.append(top + row[b])
        back.append(pointers)
        best = scores
    state = best.index(max(best))
    path = [state]
    for pointers in reversed(back):
        state = pointers[state]
        path.append(state)
    return path[::-1]
