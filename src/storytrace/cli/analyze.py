"""``storytrace analyze INPUT... [--db DB] [--out DIR]``."""

from __future__ import annotations

import argparse
import sys

from storytrace.cli.progress import ProgressBar
from storytrace.pipeline import analyze


def add_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Register the command.

    Example:
        storytrace analyze examples/corpus --db out/demo.db --out out/demo
    """
    parser = commands.add_parser(
        "analyze",
        help="ingest inputs, run the whole pipeline, write report.html and stories.json",
        description="Ingest files, folders and JSONL of articles, group them into stories, "
        "align their claims across outlets and judge each claim group. "
        "Example: storytrace analyze examples/corpus --db out/demo.db --out out/demo",
    )
    parser.add_argument(
        "inputs", nargs="+", metavar="INPUT", help="file, folder or JSONL of articles"
    )
    parser.add_argument(
        "--db", default="storytrace.db", help="SQLite path (default: storytrace.db)"
    )
    parser.add_argument(
        "--out", default="storytrace-report", help="folder for report.html and stories.json"
    )
    parser.add_argument("--no-progress", action="store_true", help="never show a progress bar")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Run ``analyze``; every rejected input is named on stderr and makes the exit status 1."""
    with ProgressBar(enabled=False if args.no_progress else None) as progress:
        summary = analyze(args.inputs, db=args.db, out=args.out, progress=progress)
    for rejected in summary.rejected:
        print(f"storytrace: rejected {rejected.source}: {rejected.reason}", file=sys.stderr)
    groups = sum(len(s.claim_groups) for s in summary.stories)
    print(
        f"{summary.stored} new article(s), {summary.duplicates} already stored, "
        f"{len(summary.rejected)} rejected; {len(summary.stories)} stories, {groups} claim groups"
    )
    for path in summary.outputs:
        print(f"wrote {path}")
    return 1 if summary.rejected else 0
