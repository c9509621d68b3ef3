"""Running totals of an ingest run, for progress displays that want more than a bar."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol, runtime_checkable


@dataclass
class IngestCounts:
    """How far an ingest run is: inputs read of all, and articles stored, duplicate, rejected."""

    inputs_done: int = 0
    inputs_total: int = 0
    stored: int = 0
    duplicates: int = 0
    rejected: int = 0


@runtime_checkable
class CountsListener(Protocol):
    """A progress callback that also wants the counts (``cli.progress.ProgressBar`` is one).

    ``pipeline.ingest_into`` calls :meth:`ingest_counts` after each result, besides the
    plain ``progress("ingest", done, total)`` call every callback gets.
    """

    def ingest_counts(self, counts: IngestCounts) -> None:
        """Show the current counts."""
