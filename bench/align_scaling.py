"""How claim alignment's cost grows with the claims in one story.

Usage: .venv/bin/python bench/align_scaling.py [--sizes 250 500 1000 2000 4000]

Claims are real sentences from PolNeAR train articles (politics coverage of one election,
so many sentences are alike, as in a long-running story). Embeddings are computed once
and timed separately (linear by construction); the table reports `group_claims` itself
(best of ``--repeat`` runs): the nearest-neighbour blocking, the scoring of the blocked
pairs and the average-link agglomeration, with the number of pairs that were scored.
Prints one JSON object.
"""

from __future__ import annotations

import argparse
import json
import re
import time
from pathlib import Path

from storytrace.align.groups import (
    DEFAULT_THRESHOLD,
    SCORE_MARGIN,
    _content,
    candidate_pairs,
    group_claims,
)
from storytrace.cluster.embed import embed
from storytrace.records import Claim

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
POLNEAR = SHARED / "data" / "polnear" / "train" / "text"


def _sentences(limit: int) -> list[str]:
    found: list[str] = []
    for path in sorted(POLNEAR.glob("*.txt")):
        for sentence in re.split(r"(?<=[.!?])\s+", path.read_text(encoding="utf-8")):
            if 8 <= len(sentence.split()) <= 60:
                found.append(sentence.strip())
        if len(found) >= limit:
            return found[:limit]
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", type=int, nargs="+", default=[250, 500, 1000, 2000, 4000])
    parser.add_argument("--repeat", type=int, default=3, help="timed runs per size (best kept)")
    args = parser.parse_args()
    sentences = _sentences(max(args.sizes))
    claims = [
        Claim(f"a{i // 20}:{i}", f"a{i // 20}", text, (0, len(text)))
        for i, text in enumerate(sentences)
    ]
    started = time.perf_counter()
    vectors = embed([_content(c) for c in claims])
    embed_seconds = time.perf_counter() - started
    rows = []
    for size in args.sizes:
        timings = []
        for _ in range(max(1, args.repeat)):
            started = time.perf_counter()
            groups = group_claims(claims[:size], vectors=vectors[:size])
            timings.append(time.perf_counter() - started)
        seconds = min(timings)
        scored = len(candidate_pairs(vectors[:size], DEFAULT_THRESHOLD - SCORE_MARGIN)[0])
        rows.append({"claims": size, "seconds": round(seconds, 3), "groups": len(groups),
                     "ms_per_claim": round(1000 * seconds / size, 3), "pairs_scored": scored,
                     "pairs_per_claim": round(scored / size, 1)})  # fmt: skip
    print(json.dumps({"benchmark": "align_scaling", "embed_seconds": round(embed_seconds, 2),
                      "embedded_claims": len(claims), "rows": rows}, indent=2))  # fmt: skip


if __name__ == "__main__":
    main()
