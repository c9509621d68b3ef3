"""``storytrace serve [--db DB] [--host 127.0.0.1] [--port 8000]``."""

from __future__ import annotations

import argparse


def add_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Register the command.

    Example:
        storytrace serve --db out/demo.db --port 8000
    """
    parser = commands.add_parser(
        "serve",
        help="serve the stories of a store as a read-only web app and JSON API",
        description="Serve a store read-only: the stories with search (/), each story "
        "(/stories/ID) and article (/articles/ID), the JSON API (/api/stories) and its "
        "OpenAPI description (/openapi.json). Binds to 127.0.0.1 unless told otherwise. "
        "Example: storytrace serve --db out/demo.db --port 8000",
    )
    parser.add_argument(
        "--db", default="storytrace.db", help="SQLite path (default: storytrace.db)"
    )
    parser.add_argument(
        "--host",
        default="127.0.0.1",
        help="address to listen on (default: 127.0.0.1, this machine only)",
    )
    parser.add_argument("--port", type=_port, default=8000, help="port (default: 8000)")
    parser.set_defaults(run=run)


def _port(text: str) -> int:
    try:
        port = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a port number") from None
    if not 0 < port < 65536:
        raise argparse.ArgumentTypeError(f"{port} is not a port number (1 to 65535)")
    return port


def run(args: argparse.Namespace) -> int:
    """Serve until interrupted (Ctrl-C); 0 when stopped."""
    from storytrace.cli.paths import check_db
    from storytrace.web import serve  # the web stack loads only for this command

    check_db(args.db, write=False)  # a folder or a file that is not SQLite: usage errors
    serve(args.db, host=args.host, port=args.port)
    return 0
