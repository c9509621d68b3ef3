"""Views of a few articles from the corpus's stored term counts equal the whole corpus's."""

from __future__ import annotations

from collections.abc import Collection
from pathlib import Path

import numpy as np

from storytrace.cluster.blocking import corpus_views
from storytrace.cluster.terms import stored_views, term_counts
from storytrace.incremental import with_new

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "corpus"


def test_rows_from_stored_counts_are_the_whole_corpus_rows_bit_for_bit() -> None:
    texts = [p.read_text(encoding="utf-8") for p in sorted(EXAMPLES.glob("*.txt"))]
    texts.append("No names here, and no numbers either: only words.")  # names view "-"
    vectors = np.random.default_rng(0).normal(size=(len(texts), 8)).astype(np.float32)
    whole = corpus_views(texts, vectors)
    stored = term_counts(texts[:6])  # indexed in an earlier run
    new = term_counts(texts[6:], first=6)  # this run's, not yet indexed

    def counts(kind: str, terms: Collection[str]) -> dict[str, tuple[int, int]]:
        return {t: stored[kind][t] for t in terms if t in stored[kind]}

    chosen = [1, 4, 7, 9, len(texts) - 1]
    part = stored_views([texts[i] for i in chosen], vectors[chosen], with_new(counts, new),
                        len(texts))  # fmt: skip
    mine = part.block(range(len(chosen)), range(len(chosen)))
    for name, matrix in whole.block(chosen, chosen).items():
        assert np.array_equal(matrix, mine[name]), name
    assert mine["names"][0, 1] > 0  # two reports of one fire share names


def test_a_view_empty_in_every_article_weighs_nothing() -> None:
    texts = ["the river rose in the night", "the barrier gave way at dawn"]
    vectors = np.eye(2, 8, dtype=np.float32)
    counts = term_counts(texts)
    part = stored_views(texts, vectors, lambda k, t: {x: counts[k][x] for x in t}, 2)
    whole = corpus_views(texts, vectors)
    for name in ("names", "facts", "words"):
        assert np.array_equal(whole.block([0, 1], [0, 1])[name], part.block([0, 1], [0, 1])[name])
