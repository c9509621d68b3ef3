"""Bounded load test of ``storytrace serve`` on 127.0.0.1 with 1,000 stories.

Builds a store of ``--stories`` stories by copying analysed stories under new ids (each
copy gets its own articles, whose text differs by a trailing marker, so ids and spans
stay valid), starts the web app in its own process on a free loopback port, sends a
bounded number of requests per endpoint from a few client threads (each endpoint
stopping after ``--requests`` requests or ``--seconds`` seconds, whichever comes
first), stops the server and prints one JSON object: requests per second and p50/p95
latency per endpoint.

Example:
    .venv/bin/python bench/web_load.py --source-db /tmp/web.db
    .venv/bin/python bench/web_load.py   # analyses examples/corpus first (~30 s)
    .venv/bin/python bench/web_load.py --db postgresql://storytrace@127.0.0.1:5433/postgres
    .venv/bin/python bench/web_load.py --source-db /tmp/web.db --only "story page" --only search
    .venv/bin/python bench/web_load.py --source-db polnear.db --stories 42 --query Trump
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import httpx

from storytrace.records import Article, Claim, Story, to_dict
from storytrace.store import SQLiteStore, open_store

ROOT = Path(__file__).resolve().parents[1]
HOST = "127.0.0.1"  # the only address this test ever sends to


def _renamed(record: Any, ids: dict[str, str]) -> Any:
    """``record`` with every article id replaced (ids are 16 hex digits, never substrings).

    Walks the dataclasses themselves, so every nested record keeps its class whatever
    version of ``records.py`` is measured.
    """
    if isinstance(record, str):
        for old, new in ids.items():
            record = record.replace(old, new)
        return record
    if dataclasses.is_dataclass(record) and not isinstance(record, type):
        changes = {
            f.name: _renamed(getattr(record, f.name), ids) for f in dataclasses.fields(record)
        }
        return dataclasses.replace(record, **changes)
    if isinstance(record, tuple | list):
        return type(record)(_renamed(item, ids) for item in record)
    if isinstance(record, dict):
        return {key: _renamed(value, ids) for key, value in record.items()}
    return record


def build_store(source: Path, target: str, stories: int) -> list[tuple[str, str]]:
    """Fill ``target`` with ``stories`` copies of the stories in ``source``.

    Returns (story id, one article id) for every story saved.
    """
    saved: list[tuple[str, str]] = []
    with SQLiteStore(source) as origin, open_store(target) as store:
        originals = [s for s in origin.get_stories() if s.article_ids]
        articles = {a.id: a for a in origin.get_articles()}
        claims: dict[str, list[Claim]] = {}
        for claim in origin.get_claims(articles):
            claims.setdefault(claim.article_id, []).append(claim)
        copy = 0
        while len(saved) < stories:
            with store.transaction():
                for story in originals[: stories - len(saved)]:
                    ids: dict[str, str] = {}
                    for article_id in story.article_ids:
                        old = articles[article_id]
                        new = Article.from_text(
                            f"{old.text}\n\n[copy {copy}]",
                            **{k: v for k, v in to_dict(old).items() if k not in ("id", "text")},
                        )
                        ids[old.id] = new.id
                        store.add_article(new)
                        store.save_claims(
                            new.id, [_renamed(c, ids) for c in claims.get(old.id, [])]
                        )
                    renamed: Story = _renamed(story, ids)
                    story_id = f"{story.id}-{copy:04d}"
                    store.save_story(
                        Story(
                            story_id,
                            f"{story.title} ({copy})",
                            renamed.article_ids,
                            renamed.claim_groups,
                            renamed.reuse_edges,
                            renamed.events,
                        )
                    )
                    saved.append((story_id, renamed.article_ids[0]))
            copy += 1
    return saved


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        port: int = probe.getsockname()[1]
        return port


def start_server(db: str, port: int) -> subprocess.Popen[bytes]:
    """The web app in its own process (as ``storytrace serve`` runs it)."""
    code = f"from storytrace.web import serve; serve({db!r}, host={HOST!r}, port={port})"
    process = subprocess.Popen(  # noqa: S603 (this Python, running fixed code)
        [sys.executable, "-c", code], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            httpx.get(f"http://{HOST}:{port}/openapi.json", timeout=2)
            return process
        except httpx.TransportError:
            time.sleep(0.2)
    process.kill()
    raise SystemExit("the server did not start within 60 s")


def measure(
    base: str, paths: list[str], *, requests: int, seconds: float, concurrency: int
) -> dict[str, Any]:
    """Send up to ``requests`` GETs (cycling through ``paths``) for at most ``seconds``."""
    latencies: list[float] = []
    failures = 0
    lock = threading.Lock()
    issued = iter(range(requests))
    deadline = time.monotonic() + seconds

    def worker() -> None:
        nonlocal failures
        with httpx.Client(base_url=base, timeout=30) as client:
            for n in issued:
                if time.monotonic() > deadline:
                    return
                started = time.perf_counter()
                response = client.get(paths[n % len(paths)])
                elapsed = time.perf_counter() - started
                with lock:
                    latencies.append(elapsed)
                    failures += response.status_code != 200

    started = time.perf_counter()
    with ThreadPoolExecutor(concurrency) as pool:
        for _ in range(concurrency):
            pool.submit(worker)
    wall = time.perf_counter() - started
    ordered = sorted(latencies)
    return {
        "requests": len(latencies),
        "failures": failures,
        "seconds": round(wall, 2),
        "requests_per_second": round(len(latencies) / wall, 1),
        "p50_ms": round(statistics.median(ordered) * 1000, 1),
        "p95_ms": round(ordered[max(0, int(len(ordered) * 0.95) - 1)] * 1000, 1),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--source-db", type=Path, help="an analysed store to copy stories from")
    parser.add_argument("--stories", type=int, default=1000)
    parser.add_argument("--requests", type=int, default=400, help="per endpoint (at most)")
    parser.add_argument("--seconds", type=float, default=60.0, help="per endpoint (at most)")
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument(
        "--only",
        action="append",
        default=[],
        metavar="NAME",
        help="measure only the endpoints whose name contains NAME (repeatable), e.g. "
        "--only 'story page' --only search",
    )
    parser.add_argument(
        "--db", help="the store to fill and serve: an empty postgresql:// database or a path"
    )
    parser.add_argument(
        "--query",
        action="append",
        default=[],
        help="a search to send (repeatable); default: words of the example corpus",
    )
    args = parser.parse_args()
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    random.seed(8)
    with tempfile.TemporaryDirectory(prefix="storytrace-web-load-") as tmp:
        folder = Path(tmp)
        source = args.source_db
        if source is None:
            from storytrace.pipeline import analyze

            source = folder / "source.db"
            analyze([str(ROOT / "examples" / "corpus")], db=source, out=folder / "out")
        built = time.perf_counter()
        target = args.db or str(folder / "load.db")
        saved = build_store(source, target, args.stories)
        build_seconds = time.perf_counter() - built
        port = _free_port()
        server = start_server(target, port)
        try:
            base = f"http://{HOST}:{port}"
            story_ids = [story_id for story_id, _ in saved]
            random.shuffle(story_ids)
            endpoints = {
                "story page /stories/{id}": [f"/stories/{s}" for s in story_ids],
                "API /api/stories/{id}": [f"/api/stories/{s}" for s in story_ids],
                "API /api/stories?limit=20": [
                    f"/api/stories?limit=20&offset={20 * n}" for n in range(len(saved) // 20)
                ],
                "article page /articles/{id}": [f"/articles/{a}" for _, a in saved],
                "stories list /": [f"/?page={n}" for n in range(1, len(saved) // 50 + 1)],
                "search /?q=": [
                    "/?" + urlencode({"q": q})
                    for q in args.query or ("ferry", "warehouse fire", "library Porto")
                ],
            }
            if args.only:
                endpoints = {
                    name: paths
                    for name, paths in endpoints.items()
                    if any(part in name for part in args.only)
                }
            first = time.perf_counter()
            httpx.get(base + "/", timeout=120)  # the list's summaries are read once
            first_list = time.perf_counter() - first
            results = {
                name: measure(
                    base,
                    paths,
                    requests=args.requests,
                    seconds=args.seconds,
                    concurrency=args.concurrency,
                )
                for name, paths in endpoints.items()
            }
        finally:
            server.terminate()
            server.wait(timeout=20)
    print(
        json.dumps(
            {
                "store": "postgresql" if "://" in target else "sqlite",
                "stories": len(saved),
                "store_build_seconds": round(build_seconds, 1),
                "first_list_seconds": round(first_list, 2),
                "concurrency": args.concurrency,
                "endpoints": results,
            },
            indent=2,
        )
    )


if __name__ == "__main__":
    main()
