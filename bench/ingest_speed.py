"""Ingest throughput on HTML pages against trafilatura's own extraction of the same pages.

Builds realistic article pages (navigation, scripts, styles, a byline, a captioned photo,
share buttons, related links, a footer) around real news texts, then times, in one run
and in alternating rounds:

- ``trafilatura``: read each file, decode it, ``trafilatura.bare_extraction`` with the
  settings storytrace uses (metadata on, comments off);
- ``ingest``: ``storytrace.ingest.read_inputs`` over the same folder (all of the above,
  plus encoding detection, boilerplate removal, outlet normalisation, language detection,
  validation and content hashing);
- optionally (``--store``) ingest into a fresh SQLite store through ``pipeline.ingest_into``;
- optionally (``--urls``) the same pages served from a local HTTP server on 127.0.0.1:
  ``download_trafilatura`` (a plain ``httpx.get`` of each URL, then trafilatura in
  process) against ``ingest_urls`` (``read_inputs`` over the URLs: the fetch policy with
  ``allow_private_hosts=127.0.0.1``, pinned connections, the deadline, and extraction in
  the worker under its time and memory budget).

Since #17, ``ingest`` runs trafilatura in the extraction worker under the per-page limits,
so ``overhead`` includes what those limits cost; ``worker_ratio`` isolates it (the same
pages extracted through ``extraction.extract_page`` against trafilatura in process).
Prints one JSON object. The goal is an ingest overhead under 25% of trafilatura's time.

Example:
    .venv/bin/python bench/ingest_speed.py --pages 300 --rounds 3 --urls
"""

from __future__ import annotations

import argparse
import html
import json
import os
import platform
import random
import statistics
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import httpx
import trafilatura

from storytrace.ingest import ReadOptions, read_inputs
from storytrace.ingest.extraction import extract_page
from storytrace.records import Article

DEFAULT_CORPUS = Path(__file__).resolve().parents[2] / "shared/data/polnear/train/text"
OUTLETS = ["The Valley Courier", "Highland News", "Metro Daily", "The Harbour Times"]
GOAL = 0.25


def build_pages(corpus: Path, count: int, folder: Path, seed: int = 7) -> int:
    """Write ``count`` pages built from the texts in ``corpus``; return their total bytes."""
    texts = sorted(corpus.glob("*.txt"))
    if not texts:
        raise SystemExit(f"no .txt files in {corpus}; pass --corpus with news texts")
    rng = random.Random(seed)
    total = 0
    for number in range(count):
        source = texts[number % len(texts)]
        paragraphs = [
            p.strip() for p in source.read_text(encoding="utf-8").split("\n") if p.strip()
        ]
        title = paragraphs[0][:120] if paragraphs else f"Story {number}"
        body = paragraphs[1:] or paragraphs
        page = _page(number, title, body, rng.choice(OUTLETS), rng)
        path = folder / f"page{number:04d}.html"
        path.write_text(page, encoding="utf-8")
        total += path.stat().st_size
    return total


def _page(number: int, title: str, body: list[str], outlet: str, rng: random.Random) -> str:
    """One page around ``body`` with the furniture real news sites carry."""
    esc = html.escape
    nav = "".join(f"<li><a href='/section/{n}'>Section {n}</a></li>" for n in range(40))
    paragraphs = [f"<p>{esc(p)}</p>" for p in body]
    figure = (
        "<figure><img src='/photo.jpg' alt='Officials at the scene'>"
        "<figcaption>Officials at the scene Reuters/Jane Doe</figcaption></figure>"
    )
    paragraphs.insert(min(2, len(paragraphs)), figure)
    related = "".join(
        f"<li><a href='/story/{rng.randint(1, 9999)}'>Related story {n}</a></li>" for n in range(8)
    )
    day = 1 + number % 28
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{esc(title)} | {esc(outlet)}</title>
<meta property="og:site_name" content="{esc(outlet)}">
<meta property="og:title" content="{esc(title)}">
<meta name="author" content="Reporter {number}">
<meta property="article:published_time" content="2016-03-{day:02d}T09:00:00Z">
<link rel="canonical" href="https://news{number % 4}.example/story/{number}">
<style>body {{ font-family: serif; }} .nav li {{ display: inline; }}</style>
<script>window.dataLayer = []; function track(e) {{ dataLayer.push(e); }}</script>
<script type="application/ld+json">{{"@type": "NewsArticle", "headline": "x"}}</script>
</head><body>
<header><div class="logo">{esc(outlet)}</div><div class="menu">Menu Search Sign in</div></header>
<nav class="nav"><ul>{nav}</ul></nav>
<main><article>
<h1>{esc(title)}</h1><p class="byline">By Reporter {number}</p>
<div class="share">Share this article</div>
<p class="stamp">Updated 10:45 GMT, {day} March 2016</p>
{"".join(paragraphs)}
<p>Read more: Another story from this week</p>
</article>
<aside class="related"><h3>Related stories</h3><ul>{related}</ul></aside>
<section class="comments"><h3>Comments</h3><p>First! Great article.</p></section>
</main>
<footer><p>© 2016 {esc(outlet)}. All rights reserved.</p><a href="/privacy">Privacy</a></footer>
<script>track("pageview");</script>
</body></html>
"""


def time_trafilatura(paths: list[Path]) -> float:
    """Seconds to read, decode and extract every page with trafilatura alone."""
    started = time.perf_counter()
    for path in paths:
        trafilatura.bare_extraction(
            path.read_bytes().decode("utf-8"),
            include_comments=False,
            include_tables=True,
            include_images=False,
            include_links=False,
            with_metadata=True,
        )
    return time.perf_counter() - started


def time_worker(paths: list[Path]) -> float:
    """Seconds to extract every page in the extraction worker, under the per-page limits."""
    options = ReadOptions()
    started = time.perf_counter()
    for path in paths:
        extract_page(path.read_bytes().decode("utf-8"), None, path.name, options)
    return time.perf_counter() - started


def time_ingest(folder: Path) -> tuple[float, int, int]:
    """Seconds for ``read_inputs`` over the folder, and its articles and rejections."""
    started = time.perf_counter()
    results = list(read_inputs([str(folder)]))
    seconds = time.perf_counter() - started
    articles = sum(isinstance(result, Article) for result in results)
    return seconds, articles, len(results) - articles


def time_store(folder: Path, db: Path) -> float:
    """Seconds to ingest the folder into a fresh SQLite store, one transaction per article."""
    from storytrace.pipeline import RunSummary, ingest_into
    from storytrace.store import open_store

    store = open_store(db)
    try:
        started = time.perf_counter()
        ingest_into(store, [str(folder)], RunSummary(), lambda *_: None, db=db)
        return time.perf_counter() - started
    finally:
        store.close()


@contextmanager
def serving(folder: Path) -> Iterator[str]:
    """Serve ``folder`` over HTTP on a free 127.0.0.1 port; yields the base URL."""
    handler = partial(_QuietHandler, directory=str(folder))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass


def time_download_trafilatura(urls: list[str]) -> float:
    """Seconds to download every page with a plain httpx client and extract it in process."""
    started = time.perf_counter()
    with httpx.Client(trust_env=False) as client:
        for url in urls:
            trafilatura.bare_extraction(
                client.get(url).text,
                include_comments=False,
                include_tables=True,
                include_images=False,
                include_links=False,
                with_metadata=True,
            )
    return time.perf_counter() - started


def time_ingest_urls(urls: list[str]) -> tuple[float, int]:
    """Seconds for ``read_inputs`` over the URLs (policy, pinning, limits), and its articles."""
    options = ReadOptions(allow_private_hosts=("127.0.0.1",))
    started = time.perf_counter()
    results = list(read_inputs(urls, options=options))
    seconds = time.perf_counter() - started
    return seconds, sum(isinstance(result, Article) for result in results)


def _time_urls(folder: Path, paths: list[Path], rounds: int) -> dict[str, Any]:
    """The ``--urls`` figures: plain download + trafilatura against ingest over the URLs."""
    with serving(folder) as base:
        urls = [f"{base}/{path.name}" for path in paths]
        time_ingest_urls(urls[:5])
        plain, ours = [], []
        articles = 0
        for _ in range(rounds):
            plain.append(time_download_trafilatura(urls))
            seconds, articles = time_ingest_urls(urls)
            ours.append(seconds)
    plain_s, ours_s = statistics.median(plain), statistics.median(ours)
    return {
        "url_articles": articles,
        "download_trafilatura_seconds": round(plain_s, 3),
        "ingest_urls_seconds": round(ours_s, 3),
        "ingest_urls_ratio": round(ours_s / plain_s, 3),
    }


def run(
    corpus: Path, pages: int, rounds: int, with_store: bool, with_urls: bool = False
) -> dict[str, Any]:
    """Build the pages, time both sides in alternating rounds, and report medians."""
    with tempfile.TemporaryDirectory(prefix="ingest-bench-") as tmp:
        folder = Path(tmp) / "pages"
        folder.mkdir()
        size = build_pages(corpus, pages, folder)
        paths = sorted(folder.glob("*.html"))
        time_trafilatura(paths[:5])  # warm up imports and caches on both sides
        time_ingest(folder)
        time_worker(paths[:5])
        base, ours, stored, worker = [], [], [], []
        articles = rejected = 0
        for number in range(rounds):
            base.append(time_trafilatura(paths))
            worker.append(time_worker(paths))
            seconds, articles, rejected = time_ingest(folder)
            ours.append(seconds)
            if with_store:
                stored.append(time_store(folder, Path(tmp) / f"store{number}.db"))
        url_figures = _time_urls(folder, paths, rounds) if with_urls else {}
    trafilatura_s, ingest_s = statistics.median(base), statistics.median(ours)
    figures: dict[str, Any] = {
        "pages": pages,
        "megabytes": round(size / 1e6, 2),
        "rounds": rounds,
        "articles": articles,
        "rejected": rejected,
        "trafilatura_seconds": round(trafilatura_s, 3),
        "ingest_seconds": round(ingest_s, 3),
        "trafilatura_pages_per_second": round(pages / trafilatura_s, 1),
        "ingest_pages_per_second": round(pages / ingest_s, 1),
        "overhead": round(ingest_s / trafilatura_s - 1, 3),
        "worker_seconds": round(statistics.median(worker), 3),
        "worker_ratio": round(statistics.median(worker) / trafilatura_s, 3),
        "goal_overhead": GOAL,
        "meets_goal": ingest_s / trafilatura_s - 1 < GOAL,
        **url_figures,
    }
    if with_store:
        store_s = statistics.median(stored)
        figures["ingest_with_store_seconds"] = round(store_s, 3)
        figures["ingest_with_store_pages_per_second"] = round(pages / store_s, 1)
        figures["overhead_with_store"] = round(store_s / trafilatura_s - 1, 3)
    figures["machine"] = {
        "python": platform.python_version(),
        "trafilatura": trafilatura.__version__,
        "cpus": os.cpu_count(),
        "platform": platform.platform(),
        "load_average_1m": round(os.getloadavg()[0], 2),
    }
    return figures


def main(argv: list[str] | None = None) -> int:
    """Parse the options, run the benchmark, print its JSON."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--pages", type=int, default=300, help="pages to build (default 300)")
    parser.add_argument("--rounds", type=int, default=3, help="timed rounds (default 3)")
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="folder of .txt texts")
    parser.add_argument("--store", action="store_true", help="also time ingest into SQLite")
    parser.add_argument(
        "--urls", action="store_true", help="also time ingest of the pages over local HTTP"
    )
    args = parser.parse_args(argv)
    if args.pages < 1 or args.rounds < 1:
        parser.error("--pages and --rounds must be at least 1")
    print(json.dumps(run(args.corpus, args.pages, args.rounds, args.store, args.urls), indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
