"""Shared passages of two texts: seed on shared shingles, extend, and chain.

1. Seeds are the positions ``(i, j)`` where both texts have the same shingle.
2. Seeds on one diagonal (``i - j``) at consecutive positions form an exact run,
   which is extended word by word while the words still match.
3. Runs are chained in text order into passages when the words between them differ
   by at most ``max_edits`` (substituted, inserted or deleted words), so a lightly
   edited copy stays one passage. Runs on other diagonals start their own chains,
   so reordered paragraphs give separate passages.
4. A passage is kept when it has at least ``min_words`` matching words.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from rapidfuzz.distance import LCSseq

from storytrace.records import ReuseEdge
from storytrace.reuse.shingles import SHINGLE_SIZE, U64

__all__ = ["WordPassage", "align", "covered_share", "covers"]

# A shingle repeated more often than this inside one text is boilerplate, not a seed.
_MAX_REPEATS = 8


@dataclass(frozen=True)
class WordPassage:
    """A shared passage as word positions ``[start, stop)`` in each of the two texts."""

    a: tuple[int, int]
    b: tuple[int, int]
    matched: int  # words that match exactly inside the passage


@dataclass
class _Chain:
    a_start: int
    b_start: int
    a_end: int
    b_end: int
    matched: int


def _positions(hashes: U64, shared: set[int]) -> dict[int, list[int]]:
    where: dict[int, list[int]] = defaultdict(list)
    for position, value in enumerate(hashes.tolist()):
        if value in shared:
            where[value].append(position)
    return where


def _runs(
    words_a: Sequence[str], words_b: Sequence[str], hashes_a: U64, hashes_b: U64, size: int
) -> list[tuple[int, int, int]]:
    """Maximal exact runs ``(a_start, b_start, length)`` grown from shared shingles."""
    shared = set(hashes_a.tolist()) & set(hashes_b.tolist())
    in_a, in_b = _positions(hashes_a, shared), _positions(hashes_b, shared)
    seeds = sorted(
        (i - j, i)
        for value in shared
        if len(in_a[value]) <= _MAX_REPEATS and len(in_b[value]) <= _MAX_REPEATS
        for i in in_a[value]
        for j in in_b[value]
    )
    runs: set[tuple[int, int, int]] = set()
    index = 0
    while index < len(seeds):
        diagonal, first = seeds[index]
        last = first
        while index + 1 < len(seeds) and seeds[index + 1] == (diagonal, last + 1):
            index += 1
            last += 1
        index += 1
        a0, a1 = first, last + size
        while a0 > 0 and a0 - diagonal > 0 and words_a[a0 - 1] == words_b[a0 - 1 - diagonal]:
            a0 -= 1
        while (
            a1 < len(words_a)
            and a1 - diagonal < len(words_b)
            and words_a[a1] == words_b[a1 - diagonal]
        ):
            a1 += 1
        runs.add((a0, a0 - diagonal, a1 - a0))
    return sorted(runs)


def _attach(
    chain: _Chain,
    run: tuple[int, int, int],
    words_a: Sequence[str],
    words_b: Sequence[str],
    max_edits: int,
) -> tuple[int, int] | None:
    """Differing words in the gap and matching words gained, if ``run`` continues ``chain``."""
    a0, b0, length = run
    overlap = max(chain.a_end - a0, chain.b_end - b0, 0)
    if overlap >= length:
        return None
    a0, b0, length = a0 + overlap, b0 + overlap, length - overlap
    gap_a, gap_b = a0 - chain.a_end, b0 - chain.b_end
    if max(gap_a, gap_b) > 4 * max_edits:
        return None
    common = int(
        LCSseq.similarity(words_a[chain.a_end : a0], words_b[chain.b_end : b0])
        if gap_a and gap_b
        else 0
    )
    edits = max(gap_a, gap_b) - common
    if edits > max_edits:
        return None
    return edits, common + length


def _match_length(words_a: Sequence[str], words_b: Sequence[str], a: int, b: int, step: int) -> int:
    """Words matching from ``(a, b)`` on, going forwards (``step`` 1) or backwards (-1)."""
    length = 0
    while 0 <= a < len(words_a) and 0 <= b < len(words_b) and words_a[a] == words_b[b]:
        length, a, b = length + 1, a + step, b + step
    return length


def _extend(chain: _Chain, words_a: Sequence[str], words_b: Sequence[str], max_edits: int) -> None:
    """Grow ``chain`` at both ends across edits followed by more matching words than edits.

    Catches what no shingle can seed: "Firefighters used" before a changed word.
    """
    for step in (1, -1):
        while True:
            best = (0, 0, 0)  # (matched, skip_a, skip_b)
            for skip_a in range(max_edits + 1):
                for skip_b in range(max_edits + 1):
                    if skip_a == skip_b == 0:
                        continue
                    if step == 1:
                        a, b = chain.a_end + skip_a, chain.b_end + skip_b
                    else:
                        a, b = chain.a_start - 1 - skip_a, chain.b_start - 1 - skip_b
                    length = _match_length(words_a, words_b, a, b, step)
                    if length >= 2 and length > max(skip_a, skip_b) and length > best[0]:
                        best = (length, skip_a, skip_b)
            length, skip_a, skip_b = best
            if not length:
                break
            chain.matched += length
            if step == 1:
                chain.a_end += skip_a + length
                chain.b_end += skip_b + length
            else:
                chain.a_start -= skip_a + length
                chain.b_start -= skip_b + length


def align(
    words_a: Sequence[str],
    words_b: Sequence[str],
    hashes_a: U64,
    hashes_b: U64,
    *,
    min_words: int = 8,
    max_edits: int = 3,
    size: int = SHINGLE_SIZE,
) -> list[WordPassage]:
    """Maximal shared passages of two tokenised texts, in the order of text ``a``.

    Args:
        words_a, words_b: normalised words of each text.
        hashes_a, hashes_b: their shingle hashes (see ``shingle_hashes``).
        min_words: fewest matching words a passage must have.
        max_edits: most differing words allowed between two matching runs of one passage.
        size: the shingle size the hashes were built with.
    """
    chains: list[_Chain] = []
    for run in _runs(words_a, words_b, hashes_a, hashes_b, size):
        best: tuple[int, int] | None = None
        best_chain: _Chain | None = None
        for chain in chains:
            if chain.a_end < run[0] - 4 * max_edits:
                continue
            fit = _attach(chain, run, words_a, words_b, max_edits)
            if fit is not None and (best is None or fit[0] < best[0]):
                best, best_chain = fit, chain
        if best is None or best_chain is None:
            a0, b0, length = run
            chains.append(_Chain(a0, b0, a0 + length, b0 + length, length))
            continue
        best_chain.a_end = run[0] + run[2]
        best_chain.b_end = run[1] + run[2]
        best_chain.matched += best[1]
    for chain in chains:
        _extend(chain, words_a, words_b, max_edits)
    found = [
        WordPassage((c.a_start, c.a_end), (c.b_start, c.b_end), c.matched)
        for c in chains
        if c.matched >= min_words
    ]
    return [
        p
        for p in found
        if not any(
            q is not p
            and q.a[0] <= p.a[0]
            and p.a[1] <= q.a[1]
            and q.b[0] <= p.b[0]
            and p.b[1] <= q.b[1]
            for q in found
        )
    ]


def covered_share(spans: Sequence[tuple[int, int]], total: int) -> float:
    """Share of ``total`` words that fall inside the union of word ``spans``."""
    if total <= 0:
        return 0.0
    covered = 0
    reach = 0
    for start, stop in sorted(spans):
        start = max(start, reach)
        if stop > start:
            covered += stop - start
            reach = stop
    return min(covered / total, 1.0)


def covers(
    edge: ReuseEdge, article_id: str, span: tuple[int, int], *, min_share: float = 0.6
) -> bool:
    """Whether ``span`` of article ``article_id`` lies mostly inside the edge's passages.

    ``span`` is a character span on that article's side of the edge; it is covered
    when at least ``min_share`` of its characters fall inside the edge's passages.
    An article that is neither the source nor the target is never covered.

    Example:
        >>> edge = ReuseEdge("a", "b", 1.0, passages=(Passage((0, 100), (10, 110)),))
        >>> covers(edge, "b", (20, 60)), covers(edge, "a", (90, 130))
        (True, False)

        (``Passage`` and ``ReuseEdge`` come from ``storytrace.records``.)
    """
    if article_id == edge.source:
        sides = [p.source_span for p in edge.passages]
    elif article_id == edge.target:
        sides = [p.target_span for p in edge.passages]
    else:
        return False
    start, stop = span
    if stop <= start:
        return any(s <= start <= e for s, e in sides)
    inside = 0
    reach = start
    for s, e in sorted(sides):
        s, e = max(s, reach), min(e, stop)
        if e > s:
            inside += e - s
            reach = e
    return inside / (stop - start) >= min_share
