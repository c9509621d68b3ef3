"""``storytrace bench speed [--articles N] [--corpus DIR]``."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from storytrace.benchmark import speed

_DEFAULT_CORPUS = Path("examples/corpus")


def add_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Register the command.

    Example:
        storytrace bench speed --articles 1000
    """
    parser = commands.add_parser("bench", help="benchmarks; each prints one JSON object")
    kinds = parser.add_subparsers(dest="kind", required=True, metavar="KIND")
    speed_parser = kinds.add_parser(
        "speed",
        help="articles per second of analyze against spaCy's small model alone, in one run",
    )
    speed_parser.add_argument(
        "--articles", type=int, default=1000, help="corpus size (default 1000)"
    )
    speed_parser.add_argument(
        "--corpus",
        type=Path,
        default=_DEFAULT_CORPUS,
        help="folder of .txt articles to replicate (default examples/corpus)",
    )
    speed_parser.set_defaults(run=run_speed)


def run_speed(args: argparse.Namespace) -> int:
    """Print the speed figures as one JSON object."""
    if args.articles < 1:
        raise SystemExit("storytrace bench speed: --articles must be at least 1")
    print(json.dumps(speed(args.corpus, articles=args.articles), indent=2))
    return 0
