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
