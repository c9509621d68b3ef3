"""``storytrace``: the entry point; maps library errors to messages and exit statuses once."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from storytrace import __version__
from storytrace.cli import analyze, bench, export, load, predict, serve
from storytrace.errors import ConfigError, StorytraceError

EXIT_OK, EXIT_REJECTED, EXIT_USAGE = 0, 1, 2


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every command registered."""
    parser = argparse.ArgumentParser(
        prog="storytrace",
        description="Group news articles into stories, align their claims across outlets, "
        "trace each claim to its origins and judge it: corroborated, echoed, single_source "
        "or conflicting.",
    )
    parser.add_argument("--version", action="version", version=f"storytrace {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    analyze.add_parser(commands)
    bench.add_parser(commands)
    serve.add_parser(commands)
    export.add_parser(commands)
    load.add_parser(commands)
    predict.add_parser(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command: 0 on success, 1 on rejected inputs or a failed run, 2 on usage errors."""
    args = build_parser().parse_args(argv)
    try:
        status: int = args.run(args)
    except ConfigError as exc:
        print(f"storytrace: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except StorytraceError as exc:
        print(f"storytrace: error: {exc}", file=sys.stderr)
        return EXIT_REJECTED
    except KeyboardInterrupt:
        print("storytrace: interrupted; what was stored so far is kept", file=sys.stderr)
        return 130
    return status


if __name__ == "__main__":
    sys.exit(main())
