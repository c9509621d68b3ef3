"""CPU seconds per stage of ``update_stories`` on a composed store, and what it stored.

For comparing two versions of the cross-article stages on the same input: ``fill``
stores composed articles (readings and vectors, no stories) once; ``run`` copies that
store, runs :func:`storytrace.pipeline.update_stories` on the copy (what ``analyze``
runs after reading) and prints the CPU seconds of each stage (``time.process_time``:
the machine is shared), the peak resident memory, and a digest of everything stored:
stories, claim groups with their verdicts, reuse edges, events, events told in several
stories. ``--snapshot`` writes that canonical JSON, for ``cmp`` against another version's.

With ``--add SRC --cache C``, ``run`` then adds 1% new articles (composed with the next
seed, dated inside the first epoch, as ``bench scale`` adds them) to the copy and times
``update_stories`` again, then times ``analyze`` with nothing new. ``run --in-place``
works on the store itself (no copy: a 100k store is tens of GB), which then holds the
stories.

``fill --size N`` stores composed articles up to number N, going on after the highest one
already stored (a 30k store is a copy of the 10k one filled on; a fill stopped by
``SIGTERM`` or killed goes on from its last whole chunk); ``--workers N`` composes and
embeds in N processes (one thread each) while this one writes, in corpus order
(:mod:`storytrace.benchmark.fill`). It prints a line of progress per chunk.

Example (run ``run`` once per version, e.g. with ``PYTHONPATH`` at each version's src):
    python bench/stories_cost.py fill SRC40 --size 1000 --store base-1000.db --cache src.db
    python bench/stories_cost.py run base-1000.db --snapshot after-1000.json
    python bench/stories_cost.py run base-1000.db --add SRC40 --cache src.db
"""

from __future__ import annotations

import argparse
import dataclasses
import hashlib
import json
import resource
import shutil
import signal
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

from storytrace.benchmark.compose import corpus
from storytrace.benchmark.fill import fill_store, stored
from storytrace.benchmark.scale import VectorCache, fill, read_sources
from storytrace.pipeline import analyze, update_stories
from storytrace.store import Store, open_store


def _rss_mb() -> int:
    """The resident memory of this process now, in MB (0 where ``/proc`` is missing)."""
    try:
        with Path("/proc/self/status").open(encoding="ascii") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) // 1024
    except OSError:
        pass
    return 0


class CpuClock:
    """CPU seconds (and wall seconds) by stage, ticked as :class:`pipeline._Clock` is, and
    the highest resident memory seen during each stage (sampled every 50 ms)."""

    def __init__(self) -> None:
        self.cpu: dict[str, float] = {}
        self.wall: dict[str, float] = {}
        self.rss: dict[str, int] = {}
        self._cpu, self._wall = time.process_time(), time.perf_counter()
        self._high = _rss_mb()
        self._done = threading.Event()
        self._sampler = threading.Thread(target=self._sample, daemon=True)
        self._sampler.start()

    def _sample(self) -> None:
        while not self._done.wait(0.05):
            self._high = max(self._high, _rss_mb())

    def tick(self, stage: str) -> None:
        cpu, wall = time.process_time(), time.perf_counter()
        self.cpu[stage] = round(self.cpu.get(stage, 0.0) + cpu - self._cpu, 2)
        self.wall[stage] = round(self.wall.get(stage, 0.0) + wall - self._wall, 2)
        high, self._high = max(self._high, _rss_mb()), _rss_mb()
        self.rss[stage] = max(self.rss.get(stage, 0), high)
        self._cpu, self._wall = cpu, wall
        print(json.dumps({"stage": stage, "cpu": self.cpu[stage], "peak_mb": high}),
              file=sys.stderr, flush=True)  # fmt: skip

    def stop(self) -> None:
        self._done.set()
        self._sampler.join()


def snapshot(store: Store) -> dict[str, Any]:
    """Everything the stages stored, in a canonical order."""
    stories = sorted((dataclasses.asdict(s) for s in store.get_stories()), key=lambda s: s["id"])
    cross = sorted(
        (dataclasses.asdict(e) for e in store.get_cross_events()),
        key=lambda e: json.dumps(e, sort_keys=True, default=str),
    )
    return {"stories": stories, "cross": cross, "grouped": sorted(store.story_articles().items())}


def _stages(store: Store) -> tuple[CpuClock, int]:
    """``update_stories`` timed per stage; the clock and the stories it saved."""
    clock = CpuClock()
    with store.story_update():
        saved = update_stories(store, lambda *_: None, clock)  # type: ignore[arg-type]
    clock.stop()
    return clock, len(saved)


def _added(db: Path, source: Path, cache: Path, fraction: float, seed: int) -> dict[str, Any]:
    """1% new articles added to ``db`` and ``update_stories`` timed; then ``analyze``
    with nothing new (CPU and wall seconds)."""
    sources = read_sources(source, cache)
    vectors = VectorCache(cache.with_name(cache.name + ".vectors"))
    store = open_store(db)
    try:
        known = set(store.story_articles())
        more = max(1, round(len(known) * fraction))
        added = [r for r in corpus(sources, more, seed=seed + 1) if r.article.id not in known]
        fill(store, added, vectors)
        rss_before = _rss_mb()
        clock, saved = _stages(store)
    finally:
        store.close()
        vectors.close()
    cpu, wall = time.process_time(), time.perf_counter()
    analyze([], db=db)
    return {
        "added_articles": len(added),
        "added_cpu_seconds": clock.cpu,
        "added_cpu_total": round(sum(clock.cpu.values()), 2),
        "added_wall_total": round(sum(clock.wall.values()), 2),
        "added_stories_saved": saved,
        "added_rss_before_mb": rss_before,
        "added_peak_mb_by_stage": clock.rss,
        "nothing_new_cpu": round(time.process_time() - cpu, 2),
        "nothing_new_wall": round(time.perf_counter() - wall, 2),
    }


def run(
    base: Path,
    snapshot_to: Path | None,
    add: tuple[Path, Path] | None = None,
    fraction: float = 0.01,
    seed: int = 0,
    *,
    in_place: bool = False,
    rollback_journal: bool = False,
) -> dict[str, Any]:
    """``update_stories`` on a copy of ``base`` (on ``base`` itself with ``in_place``: no
    second copy of a store of tens of GB; it then holds the stories): CPU seconds by
    stage, memory, digest (and with ``add``, the sources and their cache: 1% new
    articles, then nothing new). ``rollback_journal``: the full run writes through a rollback
    journal, not the store's WAL, which holds every page the run's one transaction writes
    until it commits (about 170 KB an article: 17 GB more disk at 100k); the 1% run and
    the run with nothing new use the WAL again."""
    with tempfile.TemporaryDirectory(prefix="stories-cost-", dir=base.parent) as scratch:
        db = base if in_place else Path(scratch) / "run.db"
        if not in_place:
            shutil.copy(base, db)
        store = open_store(db)
        try:
            if rollback_journal:  # the full run's one transaction: no WAL as large as it
                store._conn.execute("PRAGMA journal_mode = DELETE").fetchone()  # type: ignore[attr-defined]
            clock, _ = _stages(store)
            peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024  # before the snapshot
            counts = {"articles": len(store.story_articles()),
                      "stories": store.story_counts().stories}  # fmt: skip
            digest = None
            if snapshot_to is not None:  # (a 30k store's snapshot is gigabytes: on request)
                text = json.dumps(snapshot(store), sort_keys=True, default=str)
                snapshot_to.write_text(text, encoding="utf-8")
                digest = hashlib.sha256(text.encode()).hexdigest()[:16]
                del text
        finally:
            store.close()
        total = sum(clock.cpu.values())
        print(json.dumps({**counts, "cpu_total": round(total, 2), "peak_memory_mb": peak}),
              file=sys.stderr, flush=True)  # the full run's figures, before the 1% run  # fmt: skip
        more = None if add is None else _added(db, add[0], add[1], fraction, seed)
        disk = {"store_mb": round(db.stat().st_size / 2**20)}
    return {
        **counts,
        "cpu_seconds": clock.cpu,
        "cpu_total": round(total, 2),
        "cpu_per_article": round(total / max(1, counts["articles"]), 4),
        "wall_total": round(sum(clock.wall.values()), 2),
        "peak_memory_mb": peak,
        "peak_memory_mb_by_stage": clock.rss,
        "digest": digest,
        **disk,
        **(more or {}),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    filling = commands.add_parser("fill", help="store composed articles, no stories")
    filling.add_argument("source", type=Path, help="folder of source articles")
    filling.add_argument("--size", type=int, required=True)
    filling.add_argument("--store", type=Path, required=True)
    filling.add_argument("--cache", type=Path, required=True, help="the sources' readings")
    filling.add_argument("--seed", type=int, default=0)
    filling.add_argument("--workers", type=int, default=1, help="processes composing")
    running = commands.add_parser("run", help="update_stories on a copy of a filled store")
    running.add_argument("store", type=Path)
    running.add_argument("--snapshot", type=Path, help="write what was stored, as JSON")
    running.add_argument("--add", type=Path, help="sources: then add 1%% new articles")
    running.add_argument("--cache", type=Path, help="the sources' readings (with --add)")
    running.add_argument("--fraction", type=float, default=0.01)
    running.add_argument("--seed", type=int, default=0)
    running.add_argument("--in-place", action="store_true", help="run on the store, no copy")
    running.add_argument("--rollback-journal", action="store_true",
                         help="full run without the WAL (disk: see run)")  # fmt: skip
    args = parser.parse_args()
    if args.command == "fill":
        filled(args.source, args.cache, args.store, args.size, seed=args.seed,
               workers=args.workers)  # fmt: skip
        return
    add = None if args.add is None else (args.add, args.cache)
    print(
        json.dumps(
            run(
                args.store,
                args.snapshot,
                add,
                args.fraction,
                args.seed,
                in_place=args.in_place,
                rollback_journal=args.rollback_journal,
            )
        )
    )


def filled(
    source: Path, cache: Path, db: Path, stop: int, *, seed: int = 0, workers: int = 1
) -> None:
    """Store composed articles up to number ``stop`` in ``db`` (:func:`fill_store`: going
    on after the highest stored), a line of progress a chunk; ``SIGTERM`` stops it
    between two statements, the chunk being written rolled back."""
    signal.signal(signal.SIGTERM, _stopped)
    sources = read_sources(source, cache)
    before, _ = stored(db)
    cpu = time.process_time()

    def progress(done: dict[str, Any]) -> None:
        hours = done["seconds"] / 3600
        line = {**done, "from": before, "stop": stop, "seed": seed,
                "per_hour": round(done["written"] / hours) if hours else None,
                "writer_cpu": round(time.process_time() - cpu, 1),
                "time": time.strftime("%H:%M:%S", time.gmtime())}  # fmt: skip
        print(json.dumps(line), file=sys.stderr, flush=True)

    try:
        written = fill_store(sources, cache.with_name(cache.name + ".vectors"), db, stop,
                             seed=seed, workers=workers, progress=progress)  # fmt: skip
    except SystemExit:
        print(json.dumps({"stopped": "SIGTERM", "next": stored(db)[0], "stop": stop}), flush=True)
        raise
    print(json.dumps({"written": written, "next": stored(db)[0], "stop": stop}), flush=True)


def _stopped(_signal: int, _frame: object) -> None:
    raise SystemExit(143)


if __name__ == "__main__":
    main()
