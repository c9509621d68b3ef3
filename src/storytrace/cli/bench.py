"""``storytrace bench speed [--articles N] [--corpus DIR]``, ``bench scale SOURCE`` and
``bench quality DATASET PATH``."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from storytrace.benchmark import speed
from storytrace.cli.engines import add_engine_arguments, chosen_engine

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
    scale_parser = kinds.add_parser(
        "scale", help="cross-article stages at growing sizes of recombined real articles"
    )
    scale_parser.add_argument("source", type=Path, help="folder of articles to read once")
    scale_parser.add_argument("--sizes", default="1000,10000", help="comma-separated sizes")
    scale_parser.add_argument("--cache", type=Path, help="store of the source readings (kept)")
    scale_parser.add_argument(
        "--no-reports", action="store_true", help="time the stages only (no report is written)"
    )
    add_engine_arguments(
        scale_parser,
        "spark: also time the read and embed stages of SOURCE on Spark against the "
        "embedded engine, in the same run",
    )
    scale_parser.set_defaults(run=run_scale)
    quality_parser = kinds.add_parser(
        "quality", help="run the matching predict on a labelled split and score it"
    )
    quality_parser.add_argument("dataset", choices=sorted(QUALITY), metavar="DATASET")
    quality_parser.add_argument("path", type=Path, metavar="PATH")
    quality_parser.set_defaults(run=run_quality)


def _polnear(path: Path) -> dict[str, Any]:
    from storytrace.benchmark.polnear import quality

    return quality(path)


def _mrpc(path: Path) -> dict[str, Any]:
    from storytrace.benchmark.mrpc import score

    return score(path)


def _ecbplus(path: Path) -> dict[str, Any]:
    from storytrace.benchmark.ecbplus import score

    return score(path)


def _ecbplus_events(path: Path) -> dict[str, Any]:
    from storytrace.benchmark.ecbplus_events import score

    return score(path)


def _case2021(path: Path) -> dict[str, Any]:
    from storytrace.benchmark.case2021 import score

    return score(path)


# dataset -> scorer (each runs the matching predict and scores it).
QUALITY: dict[str, Callable[[Path], dict[str, Any]]] = {
    "case2021": _case2021,
    "ecbplus": _ecbplus,
    "ecbplus-events": _ecbplus_events,
    "mrpc": _mrpc,
    "polnear": _polnear,
}


def run_quality(args: argparse.Namespace) -> int:
    """Print the quality figures of one dataset split as one JSON object.

    Example:
        storytrace bench quality polnear ../shared/data/polnear/dev
    """
    if not args.path.exists():
        print(f"storytrace bench quality: {args.path}: no such file or folder", file=sys.stderr)
        return 2
    try:
        scores = QUALITY[args.dataset](args.path)
    except FileNotFoundError as exc:
        print(f"storytrace bench quality: {exc}", file=sys.stderr)
        return 2
    print(json.dumps(scores, indent=2))
    return 0


def run_speed(args: argparse.Namespace) -> int:
    """Print the speed figures as one JSON object."""
    if args.articles < 1:
        raise SystemExit("storytrace bench speed: --articles must be at least 1")
    print(json.dumps(speed(args.corpus, articles=args.articles), indent=2))
    return 0


def run_scale(args: argparse.Namespace) -> int:
    """Print the scale figures as one JSON object.

    Example:
        storytrace bench scale ../shared/data/polnear/dev/text --sizes 1000,10000
    """
    from storytrace.benchmark.scale import scale

    try:
        sizes = [int(size) for size in args.sizes.split(",")]
    except ValueError:
        sizes = []
    if not sizes or min(sizes) < 1:
        raise SystemExit("storytrace bench scale: --sizes must be positive whole numbers")
    if not args.source.is_dir():
        print(f"storytrace bench scale: {args.source}: no such folder", file=sys.stderr)
        return 2
    with chosen_engine(args.engine, args.spark_master) as engine:
        found = scale(args.source, sizes, cache=args.cache, engine=engine,
                      reports=not args.no_reports)  # fmt: skip
        print(json.dumps(found, indent=2))
    return 0
