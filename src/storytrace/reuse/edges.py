"""Reuse edges for a batch of articles: shingles → candidates → passages → direction."""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence
from typing import Protocol, TypeVar

import numpy as np
import numpy.typing as npt

from storytrace.records import Article, Passage, ReuseEdge
from storytrace.reuse.candidates import filter_pairs
from storytrace.reuse.direction import Overlap, orient
from storytrace.reuse.fingerprints import DocumentFrequencies
from storytrace.reuse.index import Shingled, find_candidates, publication_days, shingle_article
from storytrace.reuse.passages import WordPassage, align, covered_share
from storytrace.reuse.shingles import CONTENT_SHINGLE_SIZE, SHINGLE_SIZE, Tokens

T = TypeVar("T")

__all__ = ["SHARED_QUOTATION", "edges_of", "find_reuse", "pair_edge"]

SHARED_QUOTATION = "shared quotation only"

# Words of a passage allowed outside quotation marks when it still counts as a quote
# (a copied "he said" between two quoted sentences).
_UNQUOTED_SLACK = 3
# Reworded text changes content words more often than a light edit changes words.
_CONTENT_EDITS = 5


def _quoted_only(passages: Sequence[WordPassage], quoted: tuple[tuple[bool, ...], ...]) -> bool:
    for passage in passages:
        for side, (start, stop) in enumerate((passage.a, passage.b)):
            if stop - start - sum(quoted[side][start:stop]) > _UNQUOTED_SLACK:
                return False
    return True


def _to_words(content: Tokens, tokens: Tokens, span: tuple[int, int]) -> tuple[int, int]:
    """A span of content-word positions as a span of word positions."""
    first = bisect_left(tokens.starts, content.starts[span[0]])
    last = bisect_left(tokens.starts, content.starts[span[1] - 1])
    return first, last + 1


def _overlaps(span: tuple[int, int], others: Sequence[tuple[int, int]]) -> bool:
    return any(min(span[1], o[1]) > max(span[0], o[0]) for o in others)


def _passages(
    first: Shingled, second: Shingled, *, min_words: int, min_content: int
) -> list[WordPassage]:
    """Exact passages, plus reworded ones found on content words where none is exact."""
    exact = align(
        first.tokens.words,
        second.tokens.words,
        first.hashes,
        second.hashes,
        min_words=min_words,
        size=SHINGLE_SIZE,
    )
    if min_content <= 0:
        return exact
    reworded = align(
        first.content.words,
        second.content.words,
        first.content_hashes,
        second.content_hashes,
        min_words=min_content,
        max_edits=_CONTENT_EDITS,
        size=CONTENT_SHINGLE_SIZE,
    )
    found = list(exact)
    for passage in reworded:
        a = _to_words(first.content, first.tokens, passage.a)
        b = _to_words(second.content, second.tokens, passage.b)
        if not _overlaps(a, [p.a for p in found]) and not _overlaps(b, [p.b for p in found]):
            found.append(WordPassage(a, b, passage.matched))
    return sorted(found, key=lambda p: p.a)


def _rarity(
    first: Shingled,
    second: Shingled,
    passages: Sequence[WordPassage],
    frequencies: Frequencies,
) -> tuple[tuple[float, int], tuple[float, int]]:
    """Mean IDF and count of the words each side alone has inside the shared passages."""
    inside = [
        Counter(w for start, stop in spans for w in doc.tokens.words[start:stop])
        for doc, spans in ((first, [p.a for p in passages]), (second, [p.b for p in passages]))
    ]
    result = []
    for own, other in ((inside[0], inside[1]), (inside[1], inside[0])):
        words = list((own - other).elements())
        if not words:
            result.append((0.0, 0))
            continue
        counts = frequencies.of(words)
        idf = np.log((frequencies.documents + 1) / (counts + 1))
        result.append((float(idf.mean()), len(words)))
    return result[0], result[1]


def pair_edge(
    first: Shingled,
    second: Shingled,
    *,
    min_words: int = 8,
    min_content: int = 8,
    min_total: int = 30,
    min_longest: int = 15,
    frequencies: Frequencies | None = None,
) -> ReuseEdge | None:
    """The reuse edge between two shingled articles, or ``None`` if they share too little.

    Args:
        min_words: fewest matching words of an exact passage.
        min_content: fewest matching content words of a reworded passage (0: look
            for exact passages only).
        min_total: fewest words, in the union of the passages on either side, that
            the two must share unless that is half of the shorter text: stock phrases
            ("the margin of error is plus or minus 4 percentage points", "a wall on
            the U.S.-Mexico border") are not reuse.
        min_longest: matching words the longest passage must have, unless the
            passages cover half the shorter text: three stock sentences are not a copy.
        frequencies: the batch's word document frequencies, for the word-choice
            evidence of direction (none without them).
    """
    found = _passages(first, second, min_words=min_words, min_content=min_content)
    if not found:
        return None
    covered = (
        covered_share([p.a for p in found], len(first.tokens)),
        covered_share([p.b for p in found], len(second.tokens)),
    )
    shared = min(covered[0] * len(first.tokens), covered[1] * len(second.tokens))
    if shared < 0.5 * min(len(first.tokens), len(second.tokens)) and (
        shared < min_total or max(p.matched for p in found) < min_longest
    ):
        return None
    overlap = Overlap(
        covered=covered,
        spans=(tuple(p.a for p in found), tuple(p.b for p in found)),
        rarity=None if frequencies is None else _rarity(first, second, found, frequencies),
    )
    source, evidence = orient((first.article, second.article), covered=covered, overlap=overlap)
    if _quoted_only(found, (first.quoted, second.quoted)):
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
    articles: Sequence[Article],
    *,
    min_words: int = 8,
    min_content: int = 8,
    min_total: int = 30,
    min_longest: int = 15,
    max_df: int = 50,
    window_days: float | None = None,
    same_outlet: bool = True,
    only: Collection[str] | None = None,
) -> list[ReuseEdge]:
    """Find text reused between articles: who copied whom, and which passages.

    Args:
        articles: the batch; articles sharing an id are taken once.
        min_words: fewest matching words of an exact shared passage.
        min_content: fewest matching content words of a reworded passage (0 turns
            paraphrase detection off).
        min_total: fewest words the passages of one pair must hold together (on
            the side where they hold fewer), unless they cover half the shorter text.
        min_longest: matching words the longest passage must have (same exception).
        max_df: a shingle found in more articles than this does not pair them
            (near-duplicates are still paired by MinHash LSH).
        window_days: only pair articles published at most this many days apart
            (articles without a date pair with any).
        same_outlet: also pair two articles of one outlet.
        only: if given, only pairs with at least one of these article ids are aligned
            (the new articles of an incremental run; word rarity is still the batch's).

    Returns:
        One edge per pair of articles sharing passages, ``source`` being the
        article judged original (see :mod:`storytrace.reuse.direction`), sorted
        by ``(source, target)``. ``containment`` is the share of the target's words
        inside the passages. An edge whose passages all lie inside quotation marks
        in both articles carries the evidence ``"shared quotation only"``.
    """
    unique = list({a.id: a for a in reversed(articles)}.values())[::-1]
    frequencies = DocumentFrequencies()
    pairs = find_candidates(
        unique,
        max_df=max_df,
        window_days=window_days,
        same_outlet=same_outlet,
        frequencies=frequencies,
    )
    if only is not None:
        chosen = np.array([a.id in only for a in unique], dtype=bool)
        pairs = pairs[chosen[pairs[:, 0]] | chosen[pairs[:, 1]]] if len(pairs) else pairs
    thresholds = {"min_words": min_words, "min_content": min_content,
                  "min_total": min_total, "min_longest": min_longest}  # fmt: skip
    return _pair_edges(unique, pairs, frequencies, thresholds)


class Frequencies(Protocol):
    """Word document frequencies of the corpus (:class:`DocumentFrequencies` or stored)."""

    documents: int

    def of(self, words: Sequence[str]) -> npt.NDArray[np.int64]: ...


def _pair_edges(
    articles: Sequence[Article],
    pairs: npt.NDArray[np.int64],
    frequencies: Frequencies,
    thresholds: Mapping[str, int],
) -> list[ReuseEdge]:
    """The edges of candidate ``pairs`` (positions in ``articles``), by (source, target).

    Each article is shingled when its first pair comes and let go after its last, so
    memory holds the articles of the pairs in progress (those of one date window, in a
    corpus stored in time order), not every article of every pair.
    """
    edges = []
    for first, second in paired(pairs, lambda k: shingle_article(articles[k])):
        edge = pair_edge(first, second, frequencies=frequencies, **thresholds)
        if edge is not None:
            edges.append(edge)
    return sorted(edges, key=lambda e: (e.source, e.target))


def paired(pairs: npt.NDArray[np.int64], load: Callable[[int], T]) -> Iterator[tuple[T, T]]:
    """``(load(i), load(j))`` for each pair in order, each position loaded once while it
    is in use: at its first pair, and dropped after its last."""
    last = np.full(int(pairs.max()) + 1 if len(pairs) else 0, -1, dtype=np.int64)
    np.maximum.at(last, pairs.reshape(-1), np.repeat(np.arange(len(pairs)), 2))
    held: dict[int, T] = {}
    for start in range(0, len(pairs), _PAIR_BATCH):
        for n, (i, j) in enumerate(pairs[start : start + _PAIR_BATCH].tolist(), start):
            for k in (i, j):
                if k not in held:
                    held[k] = load(k)
            yield held[i], held[j]
            for k in (i, j):
                if last[k] == n:
                    held.pop(k, None)


_PAIR_BATCH = 100_000  # candidate pairs taken out of numpy at a time


def edges_of(
    articles: Sequence[Article],
    pairs: Iterable[tuple[str, str]],
    *,
    frequencies: Frequencies,
    window_days: float | None = None,
    same_outlet: bool = True,
) -> list[ReuseEdge]:
    """The edges of candidate ``pairs`` of article ids, as :func:`find_reuse` scores its
    candidates (``articles`` in store order; default thresholds): the pairs filtered by
    date and outlet, then aligned."""
    position = {a.id: i for i, a in enumerate(articles)}
    found = sorted({(min(position[a], position[b]), max(position[a], position[b]))
                    for a, b in pairs if a != b})  # fmt: skip
    array = np.array(found, dtype=np.int64).reshape(-1, 2)
    array = filter_pairs(
        array,
        outlets=[a.outlet for a in articles],
        days=publication_days(articles),
        window_days=window_days,
        same_outlet=same_outlet,
    )
    thresholds = {"min_words": 8, "min_content": 8, "min_total": 30, "min_longest": 15}
    return _pair_edges(articles, array, frequencies, thresholds)
