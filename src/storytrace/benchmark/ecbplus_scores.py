"""Coreference scores over all mentions pooled: MUC, B-cubed, CEAF-e and their mean (CoNLL F1).

The definitions are those of the CoNLL reference scorer (MUC: Vilain et al. 1995; B-cubed:
Bagga and Baldwin 1998; CEAF-e: entity-based phi4 with the optimal Kuhn-Munkres alignment),
with singletons counted in every metric, as Barhom et al. (2019) score ECB+.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from typing import Any

import numpy as np
from scipy.optimize import linear_sum_assignment

Clusters = list[frozenset[str]]


def clusters_of(assignment: Mapping[str, str | None]) -> Clusters:
    """Mentions grouped by chain; a mention without a chain is a singleton."""
    groups: dict[str, set[str]] = defaultdict(set)
    for mention, chain in assignment.items():
        groups[f"chain:{chain}" if chain is not None else f"alone:{mention}"].add(mention)
    return [frozenset(members) for members in groups.values()]


def _f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def _muc_recall(key: Clusters, response: Clusters) -> float:
    where = {m: i for i, c in enumerate(response) for m in c}
    found = missing = 0
    for cluster in key:
        parts = {where.get(m, f"unresolved:{m}") for m in cluster}
        found += len(cluster) - len(parts)
        missing += len(cluster) - 1
    return found / missing if missing else 0.0


def _b_cubed_recall(key: Clusters, response: Clusters) -> float:
    where = {m: i for i, c in enumerate(response) for m in c}
    total = 0.0
    count = 0
    for cluster in key:
        shared: dict[int, int] = defaultdict(int)
        for m in cluster:
            if m in where:
                shared[where[m]] += 1
        total += sum(n * n for n in shared.values()) / len(cluster)
        count += len(cluster)
    return total / count if count else 0.0


def _ceaf_e(key: Clusters, response: Clusters) -> tuple[float, float]:
    if not key or not response:
        return 0.0, 0.0
    similarity = np.zeros((len(key), len(response)))
    where = {m: j for j, c in enumerate(response) for m in c}
    for i, cluster in enumerate(key):
        for m in cluster:
            j = where.get(m)
            if j is not None:
                similarity[i, j] += 1
    similarity *= 2 / np.add.outer([len(c) for c in key], [len(c) for c in response])
    rows, cols = linear_sum_assignment(-similarity)
    best = float(similarity[rows, cols].sum())
    return best / len(response), best / len(key)


def evaluate(key: Clusters, response: Clusters) -> dict[str, Any]:
    """``muc``, ``b3`` and ``ceafe`` as ``{p, r, f1}``, and ``conll_f1`` (their F1s' mean)."""
    figures: dict[str, Any] = {}
    muc = (_muc_recall(response, key), _muc_recall(key, response))
    b3 = (_b_cubed_recall(response, key), _b_cubed_recall(key, response))
    for name, (precision, recall) in (("muc", muc), ("b3", b3), ("ceafe", _ceaf_e(key, response))):
        figures[name] = {
            "p": round(precision, 4),
            "r": round(recall, 4),
            "f1": round(_f1(precision, recall), 4),
        }
    figures["conll_f1"] = round(sum(figures[n]["f1"] for n in ("muc", "b3", "ceafe")) / 3, 4)
    return figures


def conll_scores(gold: Mapping[str, str | None], predicted: Mapping[str, str]) -> dict[str, Any]:
    """Scores of predicted chains over the gold mentions (a missing prediction is a singleton)."""
    response = clusters_of({m: predicted.get(m) for m in gold})
    key = clusters_of(gold)
    figures = evaluate(key, response)
    figures.update(n_mentions=len(gold), gold_chains=len(key), pred_chains=len(response))
    return figures
