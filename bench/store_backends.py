"""``analyze`` into SQLite and into PostgreSQL, in the same process, on the same input.

Models are warmed up first (one small run), then the input is analysed into a fresh
SQLite file and into a fresh PostgreSQL database, in that order; prints one JSON object
with the wall time of each run and its stages. Without ``--pg-url`` a private
PostgreSQL cluster is started in a temporary folder (Debian's ``postgresql`` package).

Example:
    .venv/bin/python bench/store_backends.py /work/shared/data/polnear/dev/text
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("inputs", nargs="+")
    parser.add_argument("--pg-url", help="a postgresql:// URL to an empty database")
    parser.add_argument("--out", type=Path, help="also write the results here, after each backend")
    parser.add_argument("--keep", type=Path, help="keep the SQLite store here (not in a temp dir)")
    args = parser.parse_args()
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    from storytrace.pipeline import analyze

    cluster = None
    url = args.pg_url
    if url is None:
        sys.path.insert(0, str(ROOT / "tests"))
        from pg_cluster import Cluster, binaries  # the tests' private-cluster helper

        found = binaries()
        if found is None:
            raise SystemExit("PostgreSQL is not installed: apt-get install -y postgresql")
        cluster = Cluster(found)
        url = cluster.fresh_url()
    results = {}
    try:
        with tempfile.TemporaryDirectory(prefix="storytrace-bench-") as tmp:
            analyze([str(ROOT / "examples" / "corpus")], db=Path(tmp) / "warm.db")
            sqlite_db = str(args.keep or Path(tmp) / "st.db")
            for name, db in (("sqlite", sqlite_db), ("postgresql", url)):
                started = time.perf_counter()
                summary = analyze(args.inputs, db=db)
                results[name] = {
                    "seconds": round(time.perf_counter() - started, 1),
                    "articles": summary.stored,
                    "stories": summary.counts.stories,
                    "claim_groups": summary.counts.claim_groups,
                    "stages": summary.seconds,
                }
                if args.out is not None:
                    args.out.write_text(json.dumps({"inputs": args.inputs, **results}, indent=2))
    finally:
        if cluster is not None:
            cluster.stop()
    results["ratio_postgresql_to_sqlite"] = round(
        results["postgresql"]["seconds"] / results["sqlite"]["seconds"], 2
    )
    print(json.dumps({"inputs": args.inputs, **results}, indent=2))


if __name__ == "__main__":
    main()
