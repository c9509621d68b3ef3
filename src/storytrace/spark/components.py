"""Story grouping on Spark: connected components of candidate pairs as DataFrame joins
(min-label propagation), and the candidate pairs scored block by block on the executors."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING

import numpy as np
import numpy.typing as npt

from storytrace.cluster.blocking import (
    BLOCK,
    TOP_K,
    Edges,
    Views,
    block_edges,
    join_edges,
    row_blocks,
)

if TYPE_CHECKING:
    from pyspark import Broadcast
    from pyspark.sql import SparkSession


def spark_components(
    session: SparkSession, n: int, pairs: Iterable[tuple[int, int]], *, max_rounds: int = 100
) -> list[list[int]]:
    """Components of ``n`` positions joined by ``pairs``, in the order of
    :func:`storytrace.cluster.blocking.components`: each node takes the least label of its
    neighbours until no label changes."""
    from pyspark.sql import functions as fn

    edges = [(int(a), int(b)) for a, b in pairs if a != b]
    both = edges + [(b, a) for a, b in edges]
    links = session.createDataFrame(both, "src long, dst long").cache()
    labels = session.createDataFrame([(i, i) for i in range(n)], "node long, label long")
    for _ in range(max_rounds):
        offers = links.join(labels, links.src == labels.node).select(
            fn.col("dst").alias("node"), fn.col("label").alias("offer")
        )
        updated = (
            labels.join(offers, "node", "left")
            .groupBy("node")
            .agg(
                fn.least(fn.min("label"), fn.coalesce(fn.min("offer"), fn.min("label"))).alias(
                    "label"
                )
            )
            .localCheckpoint()
        )
        changed = updated.join(labels.withColumnRenamed("label", "old"), "node").where(
            fn.col("label") != fn.col("old")
        )
        labels = updated
        if changed.limit(1).count() == 0:
            break
    groups: dict[int, list[int]] = {}
    for node, label in sorted((r.node, r.label) for r in labels.collect()):
        groups.setdefault(label, []).append(node)
    links.unpersist()
    return sorted(groups.values(), key=lambda g: g[0])


def spark_candidate_edges(
    session: SparkSession,
    views: Views,
    days: npt.NDArray[np.float64],
    *,
    cut: float,
    window_days: int,
    rows: Sequence[int] | npt.NDArray[np.int64] | None = None,
    block: int = BLOCK,
    top_k: int = TOP_K,
) -> Edges:
    """Story grouping's candidate pairs scored on the executors: the views are broadcast
    once, each block of :func:`~storytrace.cluster.blocking.row_blocks` is one task running
    :func:`~storytrace.cluster.blocking.block_edges`, and the blocks' pairs are joined in
    order, so the result is :func:`~storytrace.cluster.blocking.candidate_edges`'s."""
    blocks = row_blocks(days, rows, block=block)
    if not blocks:
        return join_edges([])
    context = session.sparkContext
    shared = context.broadcast((views, days))
    try:
        score = _scorer(shared, cut, window_days, top_k)
        found = context.parallelize(list(enumerate(blocks)), len(blocks)).map(score).collect()
    finally:
        shared.unpersist()
    return join_edges([edges for _, edges in sorted(found, key=lambda item: item[0])])


def _scorer(
    shared: Broadcast[tuple[Views, npt.NDArray[np.float64]]],
    cut: float,
    window_days: int,
    top_k: int,
) -> Callable[[tuple[int, npt.NDArray[np.int64]]], tuple[int, Edges]]:
    def score(item: tuple[int, npt.NDArray[np.int64]]) -> tuple[int, Edges]:
        number, part = item
        views, days = shared.value
        return number, block_edges(views, days, part, cut=cut, window_days=window_days, top_k=top_k)

    return score
