"""Reuse quality: recall, precision and direction accuracy of planted copies, per level.

Real PolNeAR train articles (those sharing no 12-word run with another, so that the
pool holds no real reuse) with verbatim, lightly edited, paraphrased and heavily cut
copies planted among them (see ``reuse_corpus.py``). Prints one JSON object.

Example:
    .venv/bin/python bench/reuse_quality.py                 # 40 copies per level
    .venv/bin/python bench/reuse_quality.py --per-level 5 --pool 120
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from reuse_corpus import LEVELS, Plant, independent, planted_corpus, read_polnear
from storytrace.records import Article, ReuseEdge
from storytrace.reuse import SHARED_QUOTATION, find_reuse


def _rule(evidence: str) -> str:
    """The name of the direction rule behind one line of evidence."""
    for prefix, name in (
        ("published earlier", "dates"),
        ("wire marker", "wire marker"),
        ("republication note", "republication note"),
        ("excerpt", "excerpt"),
        ("word choice", "word choice"),
        ("containment", "containment"),
        ("direction undetermined", "undetermined"),
    ):
        if evidence.startswith(prefix):
            return name
    return "citation" if " names " in evidence else "other"


def score(corpus: list[Article], plants: list[Plant], edges: list[ReuseEdge]) -> dict[str, Any]:
    """Recall, precision and direction per level, and the links among the pool."""
    position = {a.id: i for i, a in enumerate(corpus)}
    linked = {frozenset((position[e.source], position[e.target])): e for e in edges}
    copies = {p.copy: p for p in plants}
    planted = {frozenset((p.original, p.copy)) for p in plants}
    levels: dict[str, Any] = {}
    for level in LEVELS:
        mine = [p for p in plants if p.level == level]
        found = [p for p in mine if frozenset((p.original, p.copy)) in linked]
        right = [p for p in found if position[linked[frozenset((p.original, p.copy))].source]
                 == p.original]  # fmt: skip
        wrong = [pair for pair in linked if pair not in planted
                 and any(i in copies and copies[i].level == level for i in pair)]  # fmt: skip
        deciding = Counter(
            _rule(linked[frozenset((p.original, p.copy))].direction_evidence[0]) for p in found
        )
        levels[level] = {
            "planted": len(mine),
            "recall": round(len(found) / len(mine), 4) if mine else None,
            "precision": round(len(found) / (len(found) + len(wrong)), 4) if found else None,
            "direction": round(len(right) / len(found), 4) if found else None,
            "direction_decided_by": dict(sorted(deciding.items())),
        }
    among_pool = [e for pair, e in linked.items() if not any(i in copies for i in pair)]
    return {
        "levels": levels,
        "links_between_unrelated": len(among_pool),
        "of_which_shared_quotation_only": sum(
            SHARED_QUOTATION in e.direction_evidence for e in among_pool
        ),
        "unrelated_examples": [
            [corpus[position[e.source]].text[slice(*p.source_span)][:120] for p in e.passages][:2]
            for e in among_pool[:5]
        ],
    }


def run(*, per_level: int, pool_size: int | None, seed: int) -> dict[str, Any]:
    """Both conditions (dated copies; no dates, half the copies credit their source)."""
    articles = read_polnear("train")
    pool = independent(articles if pool_size is None else articles[:pool_size])
    result: dict[str, Any] = {"pool": len(pool), "per_level": per_level, "seed": seed}
    for condition, dated in (("dated", True), ("undated", False)):
        corpus, plants = planted_corpus(pool, per_level=per_level, seed=seed, dated=dated)
        started = time.perf_counter()
        edges = find_reuse(corpus)
        result[condition] = {
            "articles": len(corpus),
            "seconds": round(time.perf_counter() - started, 2),
            **score(corpus, plants, edges),
        }
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--per-level", type=int, default=40)
    parser.add_argument("--pool", type=int, default=None, help="read only this many")
    parser.add_argument("--seed", type=int, default=20240501)
    args = parser.parse_args()
    print(json.dumps(run(per_level=args.per_level, pool_size=args.pool, seed=args.seed), indent=2))


if __name__ == "__main__":
    main()
