"""Reuse edges for a batch of articles: shingles → candidates → passages → direction."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from storytrace.records import Article, Passage, ReuseEdge
from storytrace.reuse.candidates import candidate_pairs
from storytrace.reuse.direction import orient
from storytrace.reuse.passages import WordPassage, align, covered_share
from storytrace.reuse.quotations import quoted_words
from storytrace.reuse.shingles import (
    SHINGLE_SIZE,
    U64,
    Tokens,
    shingle_hashes,
    shingle_rows,
    tokenize,
)

__all__ = ["SHARED_QUOTATION", "find_reuse"]

SHARED_QUOTATION = "shared quotation only"

# Words of a passage allowed outside quotation marks when it still counts as a quote
# (a copied "he said" between two quoted sentences).
_UNQUOTED_SLACK = 3


@dataclass(frozen=True)
class _Doc:
    article: Article
    tokens: Tokens
    hashes: U64


def _quoted_only(passages: Sequence[WordPassage], quoted: tuple[tuple[bool, ...], ...]) -> bool:
    for passage in passages:
        for side, (start, stop) in enumerate((passage.a, passage.b)):
            if stop - start - sum(quoted[side][start:stop]) > _UNQUOTED_SLACK:
                return False
    return True


def _edge(first: _Doc, second: _Doc, *, min_words: int) -> ReuseEdge | None:
    found = align(
        first.tokens.words, second.tokens.words, first.hashes, second.hashes, min_words=min_words
    )
    if not found:
        return None
    covered = (
        covered_share([p.a for p in found], len(first.tokens)),
        covered_share([p.b for p in found], len(second.tokens)),
    )
    source, evidence = orient((first.article, second.article), covered=covered)
    quoted = (
        quoted_words(first.tokens, first.article.text),
        quoted_words(second.tokens, second.article.text),
    )
    if _quoted_only(found, quoted):
        evidence = (*evidence, SHARED_QUOTATION)
    docs = (first, second)
    passages = [
        Passage(
            source_span=docs[source].tokens.char_span(*(p.a if source == 0 else p.b)),
            target_span=docs[1 - source].tokens.char_span(*(p.b if source == 0 else p.a)),
        )
        for p in found
    ]
    return ReuseEdge(
        source=docs[source].article.id,
        target=docs[1 - source].article.id,
        containment=round(covered[1 - source], 4),
        direction_evidence=evidence,
        passages=tuple(sorted(passages, key=lambda p: (p.target_span, p.source_span))),
    )


def find_reuse(
    articles: Sequence[Article], *, min_words: int = 8, threshold: float = 0.05
) -> list[ReuseEdge]:
    """Find text reused between articles: who copied whom, and which passages.

    Args:
        articles: the batch; articles sharing an id are taken once.
        min_words: fewest matching words of a shared passage; pairs without one
            get no edge.
        threshold: Jaccard threshold of the MinHash LSH candidate index. Keep it low:
            a rare-shingle index finds pairs sharing a short passage regardless.

    Returns:
        One edge per pair of articles sharing a passage, ``source`` being the
        article judged original (see :mod:`storytrace.reuse.direction`), sorted
        by ``(source, target)``. ``containment`` is the share of the target's words
        inside the passages. An edge whose passages all lie inside quotation marks
        in both articles carries the evidence ``"shared quotation only"``.
    """
    unique = list({a.id: a for a in reversed(articles)}.values())[::-1]
    docs = []
    for article in unique:
        tokens = tokenize(article.text)
        docs.append(_Doc(article, tokens, shingle_hashes(tokens.words, size=SHINGLE_SIZE)))
    rows = shingle_rows([d.hashes for d in docs])
    edges = []
    for i, j in candidate_pairs(*rows, threshold=threshold).tolist():
        edge = _edge(docs[i], docs[j], min_words=min_words)
        if edge is not None:
            edges.append(edge)
    return sorted(edges, key=lambda e: (e.source, e.target))
