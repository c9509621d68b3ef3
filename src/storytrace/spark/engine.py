"""Stages 2-3 over Spark partitions (one spaCy and one model load per partition), and the
connected parts of story grouping's candidate pairs as DataFrame joins."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, TypeVar

import numpy as np
import numpy.typing as npt

from storytrace.claims import Reading
from storytrace.cluster.blocking import Candidates, Edges, Views
from storytrace.errors import PipelineError
from storytrace.pipeline import embed_each, read_each
from storytrace.records import Article
from storytrace.spark.session import DEFAULT_MASTER, first_line, spark_session

if TYPE_CHECKING:
    from pyspark import RDD
    from pyspark.sql import SparkSession

T = TypeVar("T")


def _read_partition(
    outlets: Sequence[str],
) -> Callable[[Iterable[Article]], Iterator[tuple[Article, Reading | str]]]:
    """The read stage over one partition: the worker loads spaCy once for all of it."""

    def run(part: Iterable[Article]) -> Iterator[tuple[Article, Reading | str]]:
        yield from read_each(list(part), outlets)

    return run


def _embed_partition(part: Iterable[Article]) -> Iterator[tuple[Article, np.ndarray | str]]:
    """Article vectors for one partition, one sentence-model load and one batch."""
    yield from embed_each(list(part))


def _of_table(table: str) -> Callable[[tuple[str, tuple[object, ...]]], bool]:
    def chosen(row: tuple[str, tuple[object, ...]]) -> bool:
        return row[0] == table

    return chosen


def _values(row: tuple[str, tuple[object, ...]]) -> tuple[object, ...]:
    return row[1]


class SparkEngine:
    """Runs :func:`read_each` and :func:`embed_each` with ``mapPartitions`` on Spark.

    Results come back to the driver in article order and go to the same store as the
    embedded engine's; an article that fails is reported per article as there.
    """

    def __init__(self, master: str = DEFAULT_MASTER, partitions: int | None = None) -> None:
        self.master = master
        self.partitions = partitions
        self._session: SparkSession | None = None

    @property
    def session(self) -> SparkSession:
        """The Spark session, started on first use."""
        if self._session is None:
            self._session = spark_session(self.master)
        return self._session

    def _slices(self, count: int) -> int:
        wanted = self.partitions or self.session.sparkContext.defaultParallelism
        return max(1, min(wanted, count))

    def read(
        self, articles: Sequence[Article], outlets: Sequence[str]
    ) -> Iterable[tuple[Article, Reading | str]]:
        if not articles:
            return []
        rdd = self.session.sparkContext.parallelize(list(articles), self._slices(len(articles)))
        return self._collect("read", rdd.mapPartitions(_read_partition(list(outlets))))

    def embed(self, articles: Sequence[Article]) -> Iterable[tuple[Article, np.ndarray | str]]:
        if not articles:
            return []
        rdd = self.session.sparkContext.parallelize(list(articles), self._slices(len(articles)))
        return self._collect("embed", rdd.mapPartitions(_embed_partition))

    def _collect(self, stage: str, rdd: RDD[T]) -> list[T]:
        """The rows of ``rdd``; a failed Spark job (not one article: those come back as
        reasons) becomes a PipelineError naming the stage."""
        try:
            return rdd.collect()
        except Exception as exc:  # Py4J / worker crash: one line, not a JVM trace
            raise PipelineError(f"Spark {stage} stage failed: {first_line(exc)}") from None

    def write_parquet(
        self, articles: Sequence[Article], outlets: Sequence[str], folder: str
    ) -> list[str]:
        """Read and embed ``articles`` on the executors and write what they find to
        ``folder`` as Parquet (:mod:`storytrace.spark.parquet`), one dataset per table;
        nothing comes back to the driver. Returns the datasets written."""
        from pyspark import StorageLevel

        from storytrace.align.groups import read_vectors, vector_keys
        from storytrace.pipeline import CLAIMS_PER_COMMIT
        from storytrace.spark.parquet import TABLES, partition_rows, schema

        chosen = list(outlets)
        rows = partition_rows(
            lambda part: read_each(part, chosen), embed_each, read_vectors, vector_keys,
            CLAIMS_PER_COMMIT,
        )  # fmt: skip
        numbered = list(enumerate(articles))
        rdd = self.session.sparkContext.parallelize(numbered, self._slices(len(numbered)))
        found = rdd.mapPartitions(rows).persist(StorageLevel.MEMORY_AND_DISK)
        written = []
        try:
            for table in TABLES:
                values = found.filter(_of_table(table)).map(_values)
                where = f"{folder}/{table}"
                frame = self.session.createDataFrame(values, schema(table))
                frame.write.mode("overwrite").parquet(where)
                written.append(where)
        except Exception as exc:  # Py4J / worker crash: one line, not a JVM trace
            raise PipelineError(f"Spark Parquet stage failed: {first_line(exc)}") from None
        finally:
            found.unpersist()
        return written

    @property
    def candidates(self) -> Candidates:
        """Story grouping's candidate pairs, scored block by block on the executors
        (:func:`~storytrace.spark.components.spark_candidate_edges`)."""
        return self._candidates

    def _candidates(
        self,
        views: Views,
        days: npt.NDArray[np.float64],
        *,
        cut: float,
        window_days: int,
        rows: Sequence[int] | npt.NDArray[np.int64] | None = None,
    ) -> Edges:
        from storytrace.spark.components import spark_candidate_edges

        try:
            return spark_candidate_edges(
                self.session, views, days, cut=cut, window_days=window_days, rows=rows
            )
        except Exception as exc:  # Py4J / executor failure: one line, not a JVM trace
            raise PipelineError(f"Spark candidate pairs failed: {first_line(exc)}") from None

    def components(self, n: int, pairs: Sequence[tuple[int, int]]) -> list[list[int]]:
        """Connected parts of story grouping's candidate pairs, as DataFrame joins
        (:func:`~storytrace.spark.components.spark_components`)."""
        from storytrace.spark.components import spark_components

        try:
            return spark_components(self.session, n, pairs)
        except Exception as exc:  # Py4J / executor failure: one line, not a JVM trace
            raise PipelineError(f"Spark components stage failed: {first_line(exc)}") from None

    def stop(self) -> None:
        """Stop the Spark session if one was started."""
        if self._session is not None:
            self._session.stop()
            self._session = None
