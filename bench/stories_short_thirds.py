"""Does a short report join the story of its event? PolNeAR's hand-labelled events.

    python bench/stories_short_thirds.py [--lead 400] [--others 3]

For every two articles of one labelled event (``bench/stories_realnews/SPLIT.tsv``, train
and dev) a third article is cut to its title and first paragraphs (about ``--lead``
characters): either another article of the same event, or one of the ``--others`` other
articles most similar to the pair. Each trio is grouped alone, dated, as ``analyze`` groups
new articles (:func:`~storytrace.cluster.group_stories`). Prints, for same-event and
other-event thirds, how many trios there are, how many thirds joined the pair's story, and
the spread of the third's mean similarity to the pair (:func:`story_similarity`).
"""

from __future__ import annotations

import argparse
import dataclasses
import itertools
import json
from collections.abc import Sequence
from pathlib import Path

import numpy as np

import stories_realnews as realnews
from storytrace.cluster import article_vectors, group_stories
from storytrace.cluster.features import story_similarity


def lead(text: str, size: int) -> str:
    """The first paragraphs of ``text``, up to about ``size`` characters."""
    kept = ""
    for paragraph in (p for p in text.split("\n") if p.strip()):
        if len(kept) >= size:
            break
        kept += paragraph + "\n\n"
    return kept


def trios(data: Path, split: str, size: int, others: int) -> list[dict[str, object]]:
    """One row per trio of ``split``: same event or not, joined or not, mean similarity."""
    labels = realnews.read_labels(realnews.HERE / f"{split}.tsv")
    names = sorted(labels)
    articles = realnews.read_articles(data, split, names)
    short = [dataclasses.replace(a, text=lead(a.text, size), id=f"{a.id}#lead") for a in articles]
    gold = [labels[n] for n in names]
    vectors = dict(zip([a.id for a in articles], article_vectors(articles), strict=True))
    vectors.update(zip([a.id for a in short], article_vectors(short), strict=True))
    texts = [f"{a.title or ''}\n{a.text}" for a in articles]
    full = story_similarity(texts, np.stack([vectors[a.id] for a in articles]))
    by_event: dict[str, list[int]] = {}
    for i, event in enumerate(gold):
        by_event.setdefault(event, []).append(i)
    rows: list[dict[str, object]] = []
    for event, members in by_event.items():
        for p, q in itertools.combinations(members, 2):
            nearest = sorted(
                (k for k in range(len(articles)) if gold[k] != event),
                key=lambda k: -(full[p, k] + full[q, k]),
            )[:others]
            thirds = [(k, True) for k in members if k not in (p, q)] + [(k, False) for k in nearest]
            for k, same in thirds:
                trio = [articles[p], articles[q], short[k]]
                stories = group_stories(trio, vectors, existing={})
                similar = story_similarity(
                    [f"{a.title or ''}\n{a.text}" for a in trio],
                    np.stack([vectors[a.id] for a in trio]),
                )
                joined = stories[trio[2].id] in (stories[trio[0].id], stories[trio[1].id])
                mean = float((similar[2, 0] + similar[2, 1]) / 2)
                rows.append({"split": split, "same": same, "joined": joined, "mean": mean})
    return rows


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=Path("../shared/data/polnear"))
    parser.add_argument("--lead", type=int, default=400)
    parser.add_argument("--others", type=int, default=3)
    args = parser.parse_args(argv)
    rows = [r for s in ("train", "dev") for r in trios(args.data, s, args.lead, args.others)]
    summary = {}
    for same in (True, False):
        chosen = [r for r in rows if r["same"] is same]
        means = sorted(float(r["mean"]) for r in chosen)  # type: ignore[arg-type]
        summary["same event" if same else "other event"] = {
            "trios": len(chosen),
            "joined": sum(bool(r["joined"]) for r in chosen),
            "mean similarity min / median / max": [
                round(means[0], 3), round(means[len(means) // 2], 3), round(means[-1], 3)
            ] if means else [],
        }  # fmt: skip
    print(json.dumps(summary, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
