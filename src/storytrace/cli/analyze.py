"""``storytrace analyze INPUT... [--db DB] [--out DIR] [--max-bytes N] [--timeout S] ...``.

The ingest limits and the options that loosen them are described in ``docs/ingest.md``.
"""

from __future__ import annotations

import argparse
import sys

from storytrace.cli.engines import add_engine_arguments, chosen_engine
from storytrace.cli.progress import ProgressBar
from storytrace.ingest import ReadOptions, read_options
from storytrace.ingest.names import printable
from storytrace.ingest.registry import (
    DEFAULT_EXTRACT_MEMORY,
    DEFAULT_EXTRACT_TIMEOUT,
    DEFAULT_MAX_BYTES,
    DEFAULT_MAX_FEED_LINKS,
    DEFAULT_MAX_REDIRECTS,
    DEFAULT_TIMEOUT,
)
from storytrace.pipeline import RunSummary, analyze


def add_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Register the command.

    Example:
        storytrace analyze examples/corpus --db out/demo.db --out out/demo
        storytrace analyze https://news.example/feed.xml crawl.warc.gz export.csv \
            --max-bytes 5000000
    """
    parser = commands.add_parser(
        "analyze",
        help="ingest inputs, run the whole pipeline, write report.html and stories.json",
        description="Ingest files, folders, http(s) URLs, RSS/Atom feeds, WARC archives and "
        "JSONL/CSV exports of articles, group them into stories, align their claims across "
        "outlets and judge each claim group. "
        "Example: storytrace analyze examples/corpus --db out/demo.db --out out/demo",
    )
    parser.add_argument(
        "inputs",
        nargs="+",
        metavar="INPUT",
        help="file, folder, http(s) URL, RSS/Atom feed, WARC, JSONL or CSV of articles",
    )
    parser.add_argument(
        "--db", default="storytrace.db", help="SQLite path (default: storytrace.db)"
    )
    parser.add_argument(
        "--out", default="storytrace-report", help="folder for report.html and stories.json"
    )
    parser.add_argument(
        "--max-bytes",
        type=_positive_int,
        default=DEFAULT_MAX_BYTES,
        metavar="N",
        help="reject any file, download, archive record or feed entry bigger than N bytes "
        f"(after decompression; default: {DEFAULT_MAX_BYTES})",
    )
    parser.add_argument(
        "--timeout",
        type=_positive_float,
        default=DEFAULT_TIMEOUT,
        metavar="S",
        help=f"give up on a download after S seconds (default: {DEFAULT_TIMEOUT:g})",
    )
    parser.add_argument(
        "--no-fetch-links",
        action="store_true",
        help="never download the linked page of a feed entry without full text",
    )
    _add_ingest_limits(parser)
    add_engine_arguments(
        parser,
        "where the read and embed stages run: this process (default) or Spark "
        "(docs/spark.md; needs Java 17 and pyspark)",
    )
    parser.add_argument(
        "--spark-partitions",
        type=_positive_int,
        default=None,
        metavar="N",
        help="split the articles into N Spark partitions (default: Spark's parallelism)",
    )
    parser.add_argument(
        "--parquet",
        metavar="DIR",
        default=None,
        help="with --engine spark: write what the read and embed stages find to DIR as "
        "Parquet instead of a store (no stories, no reports); `storytrace load DIR` brings "
        "it into a store (docs/spark.md)",
    )
    parser.add_argument("--no-progress", action="store_true", help="never show a progress bar")
    parser.set_defaults(run=run)


def _add_ingest_limits(parser: argparse.ArgumentParser) -> None:
    """The options that loosen or tighten what ingest refuses (docs/ingest.md)."""
    parser.add_argument(
        "--allow-private-hosts",
        action="append",
        default=[],
        metavar="NET",
        help="let downloads reach this address or network although it is loopback, private, "
        "link-local or otherwise not public (e.g. 127.0.0.1 or 10.0.0.0/8; repeatable)",
    )
    parser.add_argument(
        "--max-redirects",
        type=_count,
        default=DEFAULT_MAX_REDIRECTS,
        metavar="N",
        help=f"follow at most N redirects per download (default: {DEFAULT_MAX_REDIRECTS})",
    )
    parser.add_argument(
        "--max-feed-links",
        type=_count,
        default=DEFAULT_MAX_FEED_LINKS,
        metavar="N",
        help="fetch at most N linked pages per feed; entries past that are rejected "
        f"(default: {DEFAULT_MAX_FEED_LINKS})",
    )
    parser.add_argument(
        "--follow-symlinks",
        action="store_true",
        help="read files and folders that symlinks lead to outside the input folder",
    )
    parser.add_argument(
        "--extract-timeout",
        type=_positive_float,
        default=DEFAULT_EXTRACT_TIMEOUT,
        metavar="S",
        help="give up extracting one web page's text after S seconds "
        f"(default: {DEFAULT_EXTRACT_TIMEOUT:g})",
    )
    parser.add_argument(
        "--extract-memory",
        type=_positive_int,
        default=DEFAULT_EXTRACT_MEMORY // 1_000_000,
        metavar="MB",
        help="give up extracting one web page's text past MB megabytes of memory "
        f"(default: {DEFAULT_EXTRACT_MEMORY // 1_000_000})",
    )


def read_options_of(args: argparse.Namespace) -> ReadOptions:
    """The ingest limits the command line sets."""
    return ReadOptions(
        max_bytes=args.max_bytes,
        timeout=args.timeout,
        fetch_links=not args.no_fetch_links,
        max_redirects=args.max_redirects,
        max_feed_links=args.max_feed_links,
        allow_private_hosts=tuple(args.allow_private_hosts),
        follow_symlinks=args.follow_symlinks,
        extract_timeout=args.extract_timeout,
        extract_memory=args.extract_memory * 1_000_000,
    )


def run(args: argparse.Namespace) -> int:
    """Run ``analyze``; every rejected input and failed article is named on stderr (exit 1)."""
    from pathlib import Path

    from storytrace.cli.paths import check_db, check_out_folder
    from storytrace.errors import ConfigError

    for given in args.inputs:
        if given != "-" and "://" not in given and not Path(given).exists():
            raise ConfigError(f"{printable(given)}: no such file or folder; nothing was written")
    if args.parquet is not None:
        if args.engine != "spark":
            raise ConfigError("--parquet needs --engine spark; nothing was written")
        return _to_parquet(args)
    check_out_folder(args.out)  # before the run: a report that cannot be written fails now
    check_db(args.db, write=True)
    options = read_options_of(args)
    with (
        chosen_engine(args.engine, args.spark_master, args.spark_partitions) as engine,
        read_options(options),
        ProgressBar(enabled=False if args.no_progress else None) as progress,
    ):
        summary = analyze(args.inputs, db=args.db, out=args.out, progress=progress, engine=engine)
    return print_summary(summary, rejected=True)


def _to_parquet(args: argparse.Namespace) -> int:
    """``analyze --engine spark --parquet DIR``: no store, no reports (docs/spark.md)."""
    from storytrace.spark.engine import SparkEngine
    from storytrace.spark.handoff import analyze_to_parquet

    with (
        chosen_engine(args.engine, args.spark_master, args.spark_partitions) as engine,
        read_options(read_options_of(args)),
        ProgressBar(enabled=False if args.no_progress else None) as progress,
    ):
        assert isinstance(engine, SparkEngine)
        summary = analyze_to_parquet(args.inputs, args.parquet, engine, progress=progress)
    print_problems(summary)
    print(
        f"{summary.stored} article(s), {summary.duplicates} duplicate(s), "
        f"{len(summary.rejected)} rejected; wrote {len(summary.outputs)} Parquet datasets to "
        f"{printable(args.parquet)} (bring them into a store with: storytrace load "
        f"{printable(args.parquet)} --db DB)"
    )
    return 1 if summary.rejected or summary.failed else 0


def print_summary(summary: RunSummary, *, rejected: bool) -> int:
    """Print a finished run's problems (stderr), counts and files; its exit status (1 when an
    input was rejected or an article failed). ``rejected``: the run took inputs itself."""
    print_problems(summary)
    counts = summary.counts
    print(
        f"{summary.stored} new article(s), {summary.duplicates} already stored"
        + (f", {len(summary.rejected)} rejected" if rejected else "")
        + (f", {len(summary.failed)} failed" if summary.failed else "")
        + f"; {counts.stories} stories, {counts.claim_groups} claim groups"
    )
    for path in summary.outputs:
        print(f"wrote {path}")
    for path in summary.kept:
        print(f"kept {path}: the store has not changed since it was written")
    return 1 if summary.rejected or summary.failed else 0


def print_problems(summary: RunSummary) -> None:
    """Name every rejected input and every failed article on stderr."""
    for rejected in summary.rejected:
        print(
            f"storytrace: rejected {printable(rejected.source)}: {printable(rejected.reason)}",
            file=sys.stderr,
        )
    for failed in summary.failed:
        where = printable(failed.source or failed.article_id)
        print(
            f"storytrace: failed {where} (article {failed.article_id}, {failed.stage} stage):"
            f" {printable(failed.reason)}; kept without claims",
            file=sys.stderr,
        )


def _positive_int(value: str) -> int:
    """An argparse type: a whole number of at least 1."""
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {value!r}") from None
    if number < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, not {number}")
    return number


def _count(value: str) -> int:
    """An argparse type: a whole number of 0 or more."""
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {value!r}") from None
    if number < 0:
        raise argparse.ArgumentTypeError(f"must be 0 or more, not {number}")
    return number


def _positive_float(value: str) -> float:
    """An argparse type: a number of seconds above 0."""
    try:
        number = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {value!r}") from None
    if not number > 0:
        raise argparse.ArgumentTypeError(f"must be above 0, not {value}")
    return number
