"""Connected components of candidate pairs as DataFrame joins (min-label propagation)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
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
