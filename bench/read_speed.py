"""The read stage's cost against spaCy's small model alone, on real news texts, in one run.

Times, in one process and in alternating chunks (so both see the same machine load):

- ``spacy``: ``nlp.pipe`` of the small English model over the texts (batch 16);
- ``read``: :func:`storytrace.claims.read_stage` over the same texts as articles: the same
  parse plus everything the read stage adds (quotes, the attribution tagger, source
  resolution, claims, certainty, quantities, dates, places).

Prints one JSON object with both totals and their ratio (issue #14's goal: at most 1.5x),
in wall-clock seconds and in CPU seconds of this process (user + system: the figure to
compare on a machine other jobs share).

Example:
    .venv/bin/python bench/read_speed.py ../shared/data/polnear/train/text \
        ../shared/data/polnear/dev/text --chunk 50
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import time
from pathlib import Path

from storytrace.claims import read_stage
from storytrace.records import Article
from storytrace.text.nlp import load_nlp


def main() -> None:
    """Time both over every ``*.txt`` of the given folders and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("folders", nargs="+", type=Path)
    parser.add_argument("--chunk", type=int, default=50, help="articles per alternating chunk")
    args = parser.parse_args()
    texts = [p.read_text(encoding="utf-8") for f in args.folders for p in sorted(f.glob("*.txt"))]
    articles = [Article.from_text(text) for text in texts]
    nlp = load_nlp()
    list(read_stage(articles[:2], nlp=nlp))  # load every model once, outside the timings
    spacy_seconds = read_seconds = spacy_cpu = read_cpu = 0.0
    claims = attributions = 0
    for start in range(0, len(texts), args.chunk):
        began, cpu = time.perf_counter(), time.process_time()
        for _doc in nlp.pipe(texts[start : start + args.chunk], batch_size=16):
            pass
        spacy_seconds += time.perf_counter() - began
        spacy_cpu += time.process_time() - cpu
        began, cpu = time.perf_counter(), time.process_time()
        for reading in read_stage(articles[start : start + args.chunk], nlp=nlp):
            claims += len(reading.claims)
            attributions += len(reading.attributions)
        read_seconds += time.perf_counter() - began
        read_cpu += time.process_time() - cpu
    print(
        json.dumps(
            {
                "benchmark": "read-stage speed",
                "articles": len(texts),
                "words": sum(len(t.split()) for t in texts),
                "spacy_small_seconds": round(spacy_seconds, 2),
                "read_stage_seconds": round(read_seconds, 2),
                "ratio_read_to_spacy": round(read_seconds / spacy_seconds, 3),
                "spacy_small_cpu_seconds": round(spacy_cpu, 2),
                "read_stage_cpu_seconds": round(read_cpu, 2),
                "cpu_ratio_read_to_spacy": round(read_cpu / spacy_cpu, 3),
                "attributions": attributions,
                "claims": claims,
                "machine": f"{platform.machine()}, {os.cpu_count()} cores, "
                f"Python {platform.python_version()}",
            },
            indent=2,
        )
    )


if __name__ == "__main__":
    main()
