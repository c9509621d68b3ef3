"""``storytrace export [--db DB] --format json|md|csv|acled|claimreview [--out FILE]``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from storytrace.errors import ConfigError


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
        "claim group), acled (events in ACLED's CSV columns), claimreview (schema.org "
        "JSON-LD per claim group). Writes to stdout unless --out is given. "
        "Example: storytrace export --db out/demo.db --format acled --out events.csv",
    )
    parser.add_argument(
        "--db", default="storytrace.db", help="SQLite path (default: storytrace.db)"
    )
    parser.add_argument("--format", required=True, choices=FORMATS, help="what to write")
    parser.add_argument("--out", help="file to write (default: stdout)")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Read the store, export, write; 0 when written."""
    from storytrace import __version__
    from storytrace.report.export import export
    from storytrace.report.files import write_text_atomic
    from storytrace.store import open_store

    if args.out:
        _check_out(Path(args.out))
    if "://" not in args.db and not Path(args.db).is_file():
        raise ConfigError(f"{args.db}: no such database; run `storytrace analyze` first")
    store = open_store(args.db, read_only=True)  # export never writes to what it reads
    try:
        text = export(store.get_stories(), store.get_articles(), args.format, version=__version__)
    finally:
        store.close()
    if args.out:
        write_text_atomic(args.out, text)
    else:
        sys.stdout.write(text)
    return 0


def _check_out(out: Path) -> None:
    """Refuse, before any work, an ``--out`` that cannot be written as one file."""
    if out.is_dir():
        raise ConfigError(f"--out {str(out)!a}: is a folder; name a file to write")
    if not out.parent.is_dir():
        raise ConfigError(f"--out {str(out)!a}: its folder does not exist")
