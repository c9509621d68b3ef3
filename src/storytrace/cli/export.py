"""``storytrace export [--db DB] --format json|md|csv|members|acled|claimreview [--out FILE]``."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from storytrace.errors import ConfigError
from storytrace.ingest.names import printable
from storytrace.records import Run


def add_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Register the command.

    Example:
        storytrace export --db out/demo.db --format acled --out events.csv
    """
    from storytrace.report.export import FORMATS

    parser = commands.add_parser(
        "export",
        help="write a store's stories as JSON, claim tables (CSV, Markdown), ACLED events "
        "or ClaimReview JSON-LD",
        description="Export what a store holds: json (stories.json), csv and md (one row per "
        "claim group), members (CSV, one row per claim per article), acled (events in "
        "ACLED's CSV columns), claimreview (schema.org JSON-LD per claim group, rated by "
        "how it is sourced, never as true or false). Writes to stdout unless --out is "
        "given. Example: storytrace export --db out/demo.db --format acled --out events.csv",
    )
    parser.add_argument(
        "--db", default="storytrace.db", help="SQLite path (default: storytrace.db)"
    )
    parser.add_argument("--format", required=True, choices=FORMATS, help="what to write")
    parser.add_argument("--out", help="file to write (default: stdout)")
    parser.add_argument(
        "--base-url",
        metavar="URL",
        help="where `storytrace serve` is published, e.g. https://desk.example.org; "
        "ClaimReview urls become URL/stories/ID (default: /stories/ID, relative to the "
        "site that publishes the reviews)",
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Read the store, export, write; 0 when written."""
    from storytrace import __version__
    from storytrace.cli.paths import check_db, check_out_file
    from storytrace.report.export import export
    from storytrace.report.files import write_text_atomic
    from storytrace.report.views import safe_href
    from storytrace.store import open_store

    if args.out:
        check_out_file(args.out)
    if args.base_url is not None and not safe_href(args.base_url):
        raise ConfigError(
            f"--base-url {printable(args.base_url)}: not an http(s) URL;"
            " give the address the web app is published at, e.g. https://desk.example.org"
        )
    if "://" not in args.db and not Path(args.db).exists():
        raise ConfigError(f"{printable(args.db)}: no such database; run `storytrace analyze` first")
    check_db(args.db, write=False)
    store = open_store(args.db, read_only=True)  # export never writes to what it reads
    try:
        text = export(
            store.get_stories(),
            store.get_articles(),
            args.format,
            version=__version__,
            base_url=args.base_url,
            events=store.get_cross_events(),
            reviewed=_last_run_date(store.get_runs()),
        )
    finally:
        store.close()
    if args.out:
        write_text_atomic(args.out, text)
    else:
        sys.stdout.write(text)
    return 0


def _last_run_date(runs: Sequence[Run]) -> str | None:
    """The ISO date the store's latest run finished: when its verdicts were made."""
    finished = [run.finished for run in runs if run.finished]
    return max(finished)[:10] if finished else None
