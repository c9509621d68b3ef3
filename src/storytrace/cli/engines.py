"""``--engine`` and ``--spark-master``: where the read and embed stages run."""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from storytrace.spark.session import DEFAULT_MASTER

if TYPE_CHECKING:
    from storytrace.pipeline import Engine


def add_engine_arguments(parser: argparse.ArgumentParser, engine_help: str) -> None:
    """Add ``--engine embedded|spark`` and ``--spark-master URL`` to ``parser``."""
    parser.add_argument(
        "--engine", choices=("embedded", "spark"), default="embedded", help=engine_help
    )
    parser.add_argument(
        "--spark-master",
        default=DEFAULT_MASTER,
        metavar="URL",
        help=f"Spark master for --engine spark (default: {DEFAULT_MASTER}; e.g. spark://host:7077)",
    )


@contextmanager
def chosen_engine(
    name: str, master: str = DEFAULT_MASTER, partitions: int | None = None
) -> Iterator[Engine | None]:
    """The engine ``name`` names (None: the embedded default), Spark stopped on exit.

    Spark starts here, before any work: a missing Java or a master that cannot be reached
    stops the command at once with one line.
    """
    if name != "spark":
        yield None
        return
    from storytrace.spark import SparkEngine

    engine = SparkEngine(master, partitions)
    try:
        engine.session  # noqa: B018 -- start Spark now
        yield engine
    finally:
        engine.stop()
