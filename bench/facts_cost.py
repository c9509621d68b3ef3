"""Cost of align + provenance + events against the read stage, on real PolNeAR texts.

Writes the PolNeAR texts (train and dev, 924 articles; publisher, date and title as a
sidecar) into a temporary folder, runs ``analyze`` on it, then again with nothing new,
and prints one JSON object with the wall time of each stage in both runs and the ratio
of align + provenance + events to read in the first.

Usage:
    python bench/facts_cost.py [--limit N] [--split train|dev] [--data ../shared/data/polnear]
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import platform
import tempfile
import time
from pathlib import Path

from storytrace.pipeline import analyze

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "polnear"


def write_corpus(
    data: Path, target: Path, limit: int | None, splits: tuple[str, ...] = ("train", "dev")
) -> int:
    """The PolNeAR texts of ``splits`` with sidecars in ``target``; returns how many."""
    meta = {}
    with (data / "metadata.tsv").open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            meta[row["filename"]] = row
    texts = [p for split in splits for p in sorted((data / split / "text").glob("*.txt"))]
    texts = texts[:limit] if limit else texts
    target.mkdir(parents=True, exist_ok=True)
    for path in texts:
        row = meta.get(path.stem, {})
        (target / path.name).write_bytes(path.read_bytes())
        sidecar = {"outlet": row.get("publisher"), "published": row.get("publication_date"),
                   "title": row.get("title")}  # fmt: skip
        (target / f"{path.stem}.meta.json").write_text(json.dumps(sidecar), encoding="utf-8")
    return len(texts)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--split", choices=("train", "dev"), default=None,
                        help="one split only (default: train and dev)")  # fmt: skip
    args = parser.parse_args()
    splits = (args.split,) if args.split else ("train", "dev")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "polnear"
        count = write_corpus(args.data, folder, args.limit, splits)
        runs = []
        for _ in range(2):
            start = time.perf_counter()
            summary = analyze([str(folder)], db=Path(tmp) / "st.db")
            runs.append({"wall_s": round(time.perf_counter() - start, 1), **summary.seconds,
                         "stories": summary.counts.stories})  # fmt: skip
    first = runs[0]
    stage = first.get("align+provenance+events", 0.0)
    print(json.dumps({
        "articles": count,
        "machine": f"{platform.processor() or platform.machine()}, {os.cpu_count()} cores",
        "first_run": first,
        "rerun_nothing_new": runs[1],
        "align_provenance_events_over_read": round(stage / max(first.get("read", 1e-9), 1e-9), 3),
    }, indent=1))  # fmt: skip


if __name__ == "__main__":
    main()
