"""Do claim groups hold one fact? Pairwise precision and recall of alignment on ECB+.

Each ECB+ topic (two seminal events of one kind, e.g. two earthquakes, each told by several
articles: its two subtopics) is analysed as one story by the pipeline's own
:func:`storytrace.pipeline.build_story` (read stage, stored vectors, sentence groups joined
by event chains, verdicts). A document's validated sentences are its text,
one line each. Two claims from different documents report the same fact, by the gold
annotation, when their sentences hold mentions of one cross-document event chain
(``ACT``/``NEG`` chains; ``INTRA_`` and ``Singleton_`` chains never cross documents).

Prints one JSON object: over all cross-document claim pairs of a subtopic, the pairwise
precision, recall and F1 of "in one claim group", the share of gold pairs (the precision
of putting every claim of a story in one group: the peer), the pairs grouped across the
topic's two events (claims about another event of the same kind), and the precision of the
pairs inside ``corroborated`` groups alone.

Usage:
    python bench/align_ecbplus.py ../shared/data/ecbplus/dev_events.jsonl [--limit N]
"""

from __future__ import annotations

import argparse
import itertools
import json
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

from storytrace.align.groups import read_vectors
from storytrace.claims import read_stage
from storytrace.pipeline import build_story
from storytrace.records import Article, Claim


def _documents(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def _article(doc: dict[str, Any]) -> tuple[Article, list[tuple[int, int, set[str]]]]:
    """The document as an article, with each sentence's character span and gold chains."""
    chains: dict[int, set[str]] = defaultdict(set)
    for mention in doc["mentions"]:
        chain = str(mention.get("chain", ""))
        if chain.startswith(("ACT", "NEG")):
            chains[mention["sent"]].add(chain)
    lines, spans, offset = [], [], 0
    for k, tokens in enumerate(doc["sentences"]):
        line = " ".join(tokens)
        lines.append(line)
        spans.append((offset, offset + len(line), chains.get(k, set())))
        offset += len(line) + 1
    article = Article.from_text("\n".join(lines), outlet=doc["doc_id"], source=doc["doc_id"])
    return article, spans


def _chains_of(claim: Claim, spans: list[tuple[int, int, set[str]]]) -> set[str]:
    found: set[str] = set()
    for start, end, chains in spans:
        if start < claim.span[1] and claim.span[0] < end:
            found |= chains
    return found


def main() -> None:
    """Analyse each subtopic as a story and print the pairwise figures."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("events", type=Path)
    parser.add_argument("--limit", type=int, default=0, help="first N topics only")
    args = parser.parse_args()
    by_topic: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for doc in _documents(args.events):
        by_topic[str(doc["topic"])].append(doc)
    topics = sorted(by_topic, key=int)[: args.limit or None]
    counts = defaultdict(int)
    began = time.perf_counter()
    for name in topics:
        made = [_article(doc) for doc in by_topic[name]]
        event_of = {
            article.id: doc["subtopic"]
            for (article, _), doc in zip(made, by_topic[name], strict=True)
        }
        articles = [article for article, _ in made]
        spans = {article.id: s for article, s in made}
        claims = [c for reading in read_stage(articles) for c in reading.claims]
        story = build_story(name, articles, claims, [], vectors=read_vectors(claims))
        gold = {c.id: _chains_of(c, spans[c.article_id]) for c in claims}
        group_of: dict[str, int] = {}
        corroborated: set[int] = set()
        for k, group in enumerate(story.claim_groups):
            for member in group.members:
                group_of[member.id] = k
            if group.verdict == "corroborated":
                corroborated.add(k)
        for a, b in itertools.combinations(claims, 2):
            if a.article_id == b.article_id:
                continue
            same = bool(gold[a.id] & gold[b.id])
            grouped = a.id in group_of and group_of.get(a.id) == group_of.get(b.id)
            counts["pairs"] += 1
            counts["gold"] += same
            counts["grouped"] += grouped
            counts["both"] += same and grouped
            counts["grouped_across_events"] += (
                grouped and event_of[a.article_id] != event_of[b.article_id]
            )
            if grouped and group_of[a.id] in corroborated:
                counts["corroborated_pairs"] += 1
                counts["corroborated_right"] += same
    precision = counts["both"] / counts["grouped"] if counts["grouped"] else 0.0
    recall = counts["both"] / counts["gold"] if counts["gold"] else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    print(
        json.dumps(
            {
                "benchmark": "claim groups against ECB+ cross-document event chains",
                "input": str(args.events),
                "topics": len(topics),
                "cross_document_claim_pairs": counts["pairs"],
                "gold_pairs": counts["gold"],
                "grouped_pairs": counts["grouped"],
                "grouped_across_the_two_events": counts["grouped_across_events"],
                "precision": round(precision, 3),
                "recall": round(recall, 3),
                "f1": round(f1, 3),
                "peer_one_group_per_story_precision": round(
                    counts["gold"] / counts["pairs"] if counts["pairs"] else 0.0, 3
                ),
                "corroborated_pairs": counts["corroborated_pairs"],
                "corroborated_precision": round(
                    counts["corroborated_right"] / counts["corroborated_pairs"], 3
                )
                if counts["corroborated_pairs"]
                else None,
                "seconds": round(time.perf_counter() - began, 1),
            },
            indent=2,
        )
    )


if __name__ == "__main__":
    main()
