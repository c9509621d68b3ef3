"""Spark label propagation gives the components the embedded engine's blocking gives."""

from __future__ import annotations

from collections.abc import Iterator

import numpy as np
import pytest

from storytrace.cluster.blocking import components
from storytrace.spark.components import spark_components
from storytrace.spark.session import spark_session

# py4j leaves its socket to the collector; the same filter as test_engines_agree.py
pytestmark = pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")


@pytest.fixture(scope="module")
def session() -> Iterator[object]:
    spark = spark_session("local[1]")
    yield spark
    spark.stop()


def test_components_match_blocking(session: object) -> None:
    pairs = [(0, 3), (3, 7), (1, 2), (5, 6), (6, 8), (8, 5), (10, 9)]
    empty = (np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64), np.zeros(0, np.float32))
    expected = sorted(components(12, pairs, empty), key=lambda g: g[0])
    got = spark_components(session, 12, pairs)  # type: ignore[arg-type]
    assert got == expected
    assert [0, 3, 7] in got and [11] in got


def test_the_spark_engine_finds_the_parts_the_embedded_engine_finds(session: object) -> None:
    from storytrace.pipeline import EMBEDDED
    from storytrace.spark.engine import SparkEngine

    rng = np.random.default_rng(7)
    pairs = [(int(a), int(b)) for a, b in rng.integers(0, 40, size=(30, 2))]
    engine = SparkEngine("local[1]")  # the module's session (getOrCreate), stopped there
    assert engine.components(40, pairs) == EMBEDDED.components(40, pairs)
    assert engine.components(3, []) == [[0], [1], [2]]


def _views(n: int, seed: int) -> tuple[object, np.ndarray]:
    from scipy import sparse

    from storytrace.cluster.blocking import Views

    rng = np.random.default_rng(seed)
    embedding = rng.normal(size=(n, 8)).astype(np.float32)
    embedding /= np.linalg.norm(embedding, axis=1, keepdims=True)

    def words() -> sparse.csr_matrix:
        matrix = sparse.random(n, 30, density=0.2, random_state=seed, dtype=np.float32).tocsr()
        norms = np.sqrt(np.asarray(matrix.multiply(matrix).sum(axis=1))).ravel()
        return sparse.csr_matrix(sparse.diags(1 / np.where(norms > 0, norms, 1)) @ matrix)

    days = rng.integers(738000, 738060, size=n).astype(np.float64)
    days[rng.choice(n, size=5, replace=False)] = np.nan  # undated articles meet every one
    return Views(embedding, words(), words(), words()), days


def test_candidate_pairs_scored_on_spark_are_those_scored_here(session: object) -> None:
    from storytrace.cluster.blocking import candidate_edges
    from storytrace.spark.components import spark_candidate_edges

    views, days = _views(90, seed=3)
    for rows in (None, [4, 17, 50, 88, 2]):
        here = candidate_edges(views, days, cut=0.05, window_days=14, rows=rows, top_k=6,
                               block=16)  # fmt: skip
        there = spark_candidate_edges(session, views, days, cut=0.05, window_days=14, rows=rows,
                                      block=16, top_k=6)  # type: ignore[arg-type]  # fmt: skip
        assert len(here[0]) > 20
        for ours, theirs in zip(here, there, strict=True):
            assert np.array_equal(ours, theirs)
