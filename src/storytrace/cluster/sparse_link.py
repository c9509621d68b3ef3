"""Average-link clustering over a sparse graph of pairs (pairs not given count as 0).

Used for a group of articles too large for the dense matrix: the candidate pairs of
:mod:`storytrace.cluster.blocking` carry every pair above a low floor, so what is left
out would weigh little in an average. Two clusters merge, best average first, while the
average similarity of their pairs (sum over the given pairs, divided by every pair) is at
least ``threshold``: the same rule as the dense ``_average_link``, with memory linear in
the pairs.
"""

from __future__ import annotations

import heapq
from collections.abc import Iterable


def sparse_average_link(
    n: int, pairs: Iterable[tuple[int, int, float]], threshold: float, background: float = 0.0
) -> list[int]:
    """0-based cluster labels of ``n`` items, numbered in order of each cluster's first item.

    A pair not given counts as ``background`` (the typical similarity of pairs the
    candidates leave out; 0 by default).
    """
    sums: list[dict[int, float]] = [{} for _ in range(n)]
    counts: list[dict[int, int]] = [{} for _ in range(n)]
    for i, j, s in pairs:
        if i != j:
            sums[i][j] = sums[j][i] = max(s, sums[i].get(j, s))
            counts[i][j] = counts[j][i] = 1

    def mean(a: int, b: int) -> float:
        every = size[a] * size[b]
        return (sums[a][b] + (every - counts[a][b]) * background) / every

    size = [1] * n
    owner = list(range(n))  # the surviving cluster each item was merged into
    heap = [(-s, i, j) for i in range(n) for j, s in sums[i].items() if i < j and s >= threshold]
    heapq.heapify(heap)
    while heap:
        negative, a, b = heapq.heappop(heap)
        if owner[a] != a or owner[b] != b or b not in sums[a]:
            continue
        average = mean(a, b)
        if abs(average + negative) > 1e-9 or average < threshold:
            continue  # stale: a newer entry holds the current average
        keep, gone = (a, b) if len(sums[a]) >= len(sums[b]) else (b, a)
        for other, s in sums[gone].items():
            if other != keep:
                sums[keep][other] = sums[other][keep] = sums[keep].get(other, 0.0) + s
                counts[keep][other] = counts[other][keep] = (
                    counts[keep].get(other, 0) + counts[gone][other]
                )
                del sums[other][gone], counts[other][gone]
        sums[keep].pop(gone, None)
        counts[keep].pop(gone, None)
        sums[gone], counts[gone] = {}, {}
        owner[gone] = keep
        size[keep] += size[gone]
        for other in sums[keep]:
            if (average := mean(keep, other)) >= threshold:
                heapq.heappush(heap, (-average, min(keep, other), max(keep, other)))
    return _labels(owner)


def _labels(owner: list[int]) -> list[int]:
    """Each item's cluster, following merges to the survivor, renumbered 0..k-1."""

    def root(i: int) -> int:
        while owner[i] != i:
            owner[i] = owner[owner[i]]
            i = owner[i]
        return i

    order: dict[int, int] = {}
    return [order.setdefault(root(i), len(order)) for i in range(len(owner))]
