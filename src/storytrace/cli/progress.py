"""A progress bar on stderr for long runs (rich), silent when stderr is not a terminal."""

from __future__ import annotations

from types import TracebackType

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TaskID,
    TextColumn,
    TimeElapsedColumn,
)

from storytrace.ingest import IngestCounts


class ProgressBar:
    """A context manager whose instances are ``pipeline.Progress`` callbacks.

    It is also an ``ingest.CountsListener``: the ingest bar shows how many articles were
    stored, were already stored (duplicates) and were rejected so far.
    """

    def __init__(self, *, enabled: bool | None = None) -> None:
        console = Console(stderr=True)
        self._progress = Progress(
            TextColumn("{task.description:<8}"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            TextColumn("{task.fields[counts]}"),
            console=console,
            disable=not (console.is_terminal if enabled is None else enabled),
            transient=False,
        )
        self._tasks: dict[str, TaskID] = {}

    def __call__(self, stage: str, done: int, total: int) -> None:
        self._task(stage, total)
        self._progress.update(self._tasks[stage], completed=done, total=total)

    def ingest_counts(self, counts: IngestCounts) -> None:
        """Show stored, duplicate and rejected counts beside the ingest bar."""
        task = self._task("ingest", counts.inputs_total)
        self._progress.update(task, counts=describe_counts(counts))

    def _task(self, stage: str, total: int) -> TaskID:
        if stage not in self._tasks:
            self._tasks[stage] = self._progress.add_task(stage, total=total, counts="")
        return self._tasks[stage]

    def __enter__(self) -> ProgressBar:
        self._progress.start()
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        value: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self._progress.stop()


def describe_counts(counts: IngestCounts) -> str:
    """``"12 stored · 3 duplicate · 1 rejected"``."""
    return f"{counts.stored} stored · {counts.duplicates} duplicate · {counts.rejected} rejected"
