"""``storytrace load PARQUET_DIR [--db DB] [--out DIR] [--spark-master URL]``."""

from __future__ import annotations

import argparse

from storytrace.cli.progress import ProgressBar
from storytrace.spark.session import DEFAULT_MASTER


def add_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Register the command.

    Example:
        storytrace analyze corpus/ --engine spark --parquet out/read
        storytrace load out/read --db out/st.db --out out/report
    """
    parser = commands.add_parser(
        "load",
        help="bring what `analyze --engine spark --parquet DIR` wrote into a store, then "
        "group stories and write the reports",
        description="Store the articles, readings and vectors a Parquet folder holds (written "
        "by analyze --engine spark --parquet), then run the rest of analyze over the store: "
        "reuse, stories, claim groups, verdicts, events, reports. Reads the Parquet with "
        "Spark (Java 17). Example: storytrace load out/read --db out/st.db --out out/report",
    )
    parser.add_argument("parquet", metavar="PARQUET_DIR", help="folder or URL Spark wrote")
    parser.add_argument(
        "--db",
        default="storytrace.db",
        help="SQLite path or postgresql:// URL (default: storytrace.db)",
    )
    parser.add_argument(
        "--out", default="storytrace-report", help="folder for report.html and stories.json"
    )
    parser.add_argument(
        "--spark-master",
        default=DEFAULT_MASTER,
        metavar="URL",
        help=f"Spark master that reads the Parquet (default: {DEFAULT_MASTER})",
    )
    parser.add_argument("--no-progress", action="store_true", help="never show a progress bar")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Run ``load``; every failed article is named on stderr (exit 1)."""
    from pathlib import Path

    from storytrace.cli.analyze import print_summary
    from storytrace.cli.engines import chosen_engine
    from storytrace.cli.paths import check_db, check_out_folder
    from storytrace.errors import ConfigError
    from storytrace.ingest.names import printable
    from storytrace.spark.engine import SparkEngine
    from storytrace.spark.handoff import load
    from storytrace.spark.parquet import TABLES

    local = "://" not in args.parquet
    if local and not all((Path(args.parquet) / t).is_dir() for t in TABLES):
        raise ConfigError(
            f"{printable(args.parquet)}: not a Parquet folder written by analyze --parquet "
            f"(it needs {', '.join(TABLES)}); nothing was written"
        )
    check_out_folder(args.out)
    check_db(args.db, write=True)
    with (
        chosen_engine("spark", args.spark_master) as engine,
        ProgressBar(enabled=False if args.no_progress else None) as progress,
    ):
        assert isinstance(engine, SparkEngine)
        summary = load(args.parquet, engine, db=args.db, out=args.out, progress=progress)
    return print_summary(summary, rejected=False)
