"""Story grouping on real political news: the pipeline's stories against same-event labels.

    python bench/stories_realnews.py dev [--data ../shared/data/polnear] [--show]
    python bench/stories_realnews.py train

Reads the PolNeAR articles named in ``bench/stories_realnews/SPLIT.tsv`` (file name and
hand-labelled event; see ``bench/stories_realnews/README.md`` for the rule), with the
publisher, date and title of ``metadata.tsv``, builds each article as the JSONL reader
does, and groups them as ``analyze`` does on a fresh store: article vectors, reuse edges,
then :func:`~storytrace.cluster.group_stories` over the new articles. Prints one JSON
object: pairwise and B-cubed precision, recall and F1, with two peers (every article
alone, and every article of one day in one story). ``--show`` also prints each predicted
story of two or more articles with its titles and gold events, on stderr.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from storytrace.benchmark.ecbplus import partition_scores
from storytrace.cluster import article_vectors, group_stories
from storytrace.ingest.metadata import article_from_fields
from storytrace.pipeline import REUSE_WINDOW_DAYS
from storytrace.records import Article
from storytrace.reuse import find_reuse

HERE = Path(__file__).resolve().parent / "stories_realnews"


def read_labels(path: Path) -> dict[str, str]:
    """``{file name: event label}`` from a two-column TSV with a header."""
    with path.open(encoding="utf-8") as handle:
        return {row["filename"]: row["event"] for row in csv.DictReader(handle, delimiter="\t")}


def read_articles(data: Path, split: str, names: Sequence[str]) -> list[Article]:
    """The named articles of ``split``, with metadata, as the JSONL reader builds them."""
    with (data / "metadata.tsv").open(encoding="utf-8") as handle:
        meta = {r["filename"]: r for r in csv.DictReader(handle, delimiter="\t")}
    articles = []
    for name in names:
        row = meta[name]
        text = (data / split / "text" / f"{name}.txt").read_text(encoding="utf-8")
        fields = {"text": text, "outlet": row["publisher"], "title": row["title"],
                  "published": row["publication_date"]}  # fmt: skip
        articles.append(article_from_fields(fields, f"{split}/{name}", "fix the record"))
    return articles


def predict(articles: Sequence[Article]) -> list[str]:
    """The story of each article, as ``analyze`` groups a batch of new articles."""
    ids = [a.id for a in articles]
    vectors = dict(zip(ids, article_vectors(articles), strict=True))
    edges = find_reuse(articles, only=set(ids), window_days=REUSE_WINDOW_DAYS)
    assignment = group_stories(articles, vectors, edges=edges, existing={}, focus=ids)
    return [assignment[i] for i in ids]


def scores(gold: Sequence[str], guess: Sequence[str]) -> dict[str, Any]:
    """Pairwise and B-cubed precision, recall and F1, and the story counts."""
    return partition_scores(gold, guess)


def _show(articles: Sequence[Article], names: Sequence[str], gold: Sequence[str],
          guess: Sequence[str]) -> None:  # fmt: skip
    stories: dict[str, list[int]] = defaultdict(list)
    for i, story in enumerate(guess):
        stories[story].append(i)
    for members in sorted(stories.values(), key=len, reverse=True):
        if len(members) < 2:
            continue
        print(f"--- {len(members)} articles", file=sys.stderr)
        for i in members:
            print(f"  [{gold[i]}] {names[i]}: {articles[i].title}", file=sys.stderr)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("split", choices=("train", "dev"))
    parser.add_argument("--data", type=Path, default=Path("../shared/data/polnear"))
    parser.add_argument("--labels", type=Path, help="default: bench/stories_realnews/SPLIT.tsv")
    parser.add_argument("--show", action="store_true")
    args = parser.parse_args(argv)
    labels = read_labels(args.labels or HERE / f"{args.split}.tsv")
    names = sorted(labels)
    articles = read_articles(args.data, args.split, names)
    gold = [labels[n] for n in names]
    guess = predict(articles)
    days = [a.published or "" for a in articles]
    result = {
        "benchmark": "stories_realnews",
        "split": args.split,
        "articles": len(articles),
        "pipeline": scores(gold, guess),
        "peer_all_alone": scores(gold, [str(i) for i in range(len(gold))]),
        "peer_one_story_a_day": scores(gold, days),
        "largest_story": int(np.max(np.unique(guess, return_counts=True)[1])),
    }
    print(json.dumps(result, indent=1))
    if args.show:
        _show(articles, names, gold, guess)
    return 0


if __name__ == "__main__":
    sys.exit(main())
