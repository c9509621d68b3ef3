"""Reuse candidates of new articles against the corpus index kept in the store.

A run with new articles needs only the pairs that hold one of them. Each indexed
article's winnowed fingerprints (both shingle families) and MinHash LSH band keys are
rows of the store, and so is the number of indexed articles holding each word; the new
articles are fingerprinted, their keys looked up, and only the articles they meet are
read. The pairs are those :func:`~storytrace.reuse.partitions.candidates_in_chunks`
finds over the whole corpus that hold a new article (a fingerprint is rare, and a bucket
small enough, by its count over the index plus the new articles), and the word
frequencies those of the whole corpus, so the edges are the ones
:func:`~storytrace.reuse.edges.find_reuse` with ``only`` gives.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Protocol

import numpy as np

from storytrace.records import Article, ReuseEdge
from storytrace.reuse.candidates import band_keys, count_pairs, group_self_join, sketches
from storytrace.reuse.edges import edges_of
from storytrace.reuse.fingerprints import fingerprint_tokens, hash_tokens
from storytrace.reuse.index import _days
from storytrace.reuse.shingles import I64, distinct, pack_rows, unpack_rows, word_hash

__all__ = [
    "BAND",
    "FINGERPRINT",
    "WORD",
    "IndexStore",
    "Indexed",
    "StoredFrequencies",
    "find_new_reuse",
    "index_articles",
    "new_pairs",
]

FINGERPRINT = "reuse-fingerprint"  # key: a winnowed fingerprint's top 40 bits
BAND = "reuse-band"  # key: an LSH band key (64 bits, signed)
WORD = "reuse-word"  # term: a word hash's top 40 bits, in decimal
_LOW = np.uint64(24)  # the packed doc number's bits (see ``pack_rows``)


class IndexStore(Protocol):
    """What the index is read from (:class:`~storytrace.store.Store` methods)."""

    def index_keys(self, kind: str, keys: Iterable[int]) -> list[tuple[int, str]]: ...

    def index_counts(self, kind: str, terms: Iterable[str]) -> dict[str, tuple[int, int]]: ...


@dataclass(frozen=True)
class Indexed:
    """What indexing a batch of articles adds to the store."""

    ids: tuple[str, ...]
    fingerprints: list[tuple[int, str]] = field(default_factory=list)
    buckets: list[tuple[int, str]] = field(default_factory=list)  # no sketch: none
    words: dict[str, int] = field(default_factory=dict)  # articles holding each word

    def keys(self) -> dict[str, list[tuple[int, str]]]:
        return {FINGERPRINT: self.fingerprints, BAND: self.buckets}

    def counts(self) -> dict[str, dict[str, tuple[int, int]]]:
        return {WORD: {term: (n, 0) for term, n in self.words.items()}}


def index_articles(articles: Sequence[Article], *, bands: int = 32, rows: int = 4) -> Indexed:
    """The index rows of ``articles``: what :func:`~storytrace.reuse.partitions.
    candidates_in_chunks` computes for each document (it depends on the document only)."""
    ids = tuple(a.id for a in articles)
    if not articles:
        return Indexed(ids)
    tokens = hash_tokens([a.text for a in articles])
    found = fingerprint_tokens(tokens)
    docs, hashes = unpack_rows(found.both)
    fingerprints = list(zip((hashes >> _LOW).astype(np.int64).tolist(),
                            (ids[d] for d in docs.tolist()), strict=True))  # fmt: skip
    word_docs, word_hashes = unpack_rows(found.words)
    sketch = sketches(word_docs, word_hashes, count=len(ids), bins=bands * rows)
    keys = band_keys(sketch, bands=bands, rows=rows)
    buckets = [(int(k), ids[d]) for d in range(len(ids)) if keys[d, 0] != 0
               for k in keys[d].view(np.int64).tolist()]  # fmt: skip
    lengths = np.diff(tokens.word_offsets)
    owners = np.repeat(np.arange(len(ids), dtype=np.uint64), lengths)
    _, words = unpack_rows(distinct(pack_rows(owners, tokens.words)))
    held, counts = np.unique(words >> _LOW, return_counts=True)
    return Indexed(ids, fingerprints, buckets,
                   dict(zip(map(str, held.tolist()), counts.tolist(), strict=True)))  # fmt: skip


def _joined(
    new: Sequence[tuple[int, str]],
    stored: Sequence[tuple[int, str]],
    number: Callable[[str], int],
    *,
    max_size: int,
    min_count: int,
) -> I64:
    """Pairs of doc numbers sharing at least ``min_count`` keys held by 2 to ``max_size``."""
    rows = [*new, *stored]
    if len(rows) < 2:
        return np.zeros((0, 2), dtype=np.int64)
    keys = np.array([k for k, _ in rows], dtype=np.int64).view(np.uint64)
    docs = np.array([number(a) for _, a in rows], dtype=np.int64)
    order = np.lexsort((docs, keys))
    left, right = group_self_join(keys[order], docs[order], max_size=max_size)
    return count_pairs(left, right, min_count=min_count)


def new_pairs(
    new: Indexed,
    store: IndexStore,
    *,
    max_df: int = 50,
    min_shared: int = 2,
    max_bucket: int = 1000,
) -> list[tuple[str, str]]:
    """Pairs of article ids, each holding a new article, likely to share text: sharing
    ``min_shared`` fingerprints held by 2 to ``max_df`` articles of the corpus, or a
    band key held by at most ``max_bucket`` (the rules of
    :func:`~storytrace.reuse.candidates.candidate_pairs`). New-new pairs come first, in order."""
    own = set(new.ids)
    position = {a: i for i, a in enumerate(new.ids)}

    def number(article_id: str) -> int:
        return position.setdefault(article_id, len(position))

    found = []
    for kind, rows, size, least in ((FINGERPRINT, new.fingerprints, max_df, min_shared),
                                    (BAND, new.buckets, max_bucket, 1)):  # fmt: skip
        wanted = sorted({k for k, _ in rows})
        stored = [(k, a) for k, a in store.index_keys(kind, wanted) if a not in own]
        found.append(_joined(rows, stored, number, max_size=size, min_count=least))
    both = np.concatenate(found)
    pairs = count_pairs(both[:, 0], both[:, 1], min_count=1) if len(both) else both
    ids = list(position)
    return [(ids[i], ids[j]) for i, j in pairs.tolist() if i < len(new.ids)]


class StoredFrequencies:
    """Word document frequencies of the whole corpus: the index's counts plus the new
    articles' (the :class:`~storytrace.reuse.fingerprints.DocumentFrequencies` interface)."""

    def __init__(self, store: IndexStore, new: Indexed, documents: int) -> None:
        self.documents = documents
        self._store = store
        self._new = new.words
        self._known: dict[str, int] = {}

    def of(self, words: Sequence[str]) -> I64:
        terms = [str(word_hash(w) >> 24) for w in words]
        missing = [t for t in dict.fromkeys(terms) if t not in self._known]
        if missing:
            stored = self._store.index_counts(WORD, missing)
            self._known.update((t, stored.get(t, (0, 0))[0] + self._new.get(t, 0)) for t in missing)
        return np.array([self._known[t] for t in terms], dtype=np.int64)


def find_new_reuse(
    new: Sequence[Article],
    store: IndexStore,
    load: Callable[[Collection[str]], Sequence[Article]],
    *,
    documents: int,
    uncounted: Sequence[Article] | None = None,
    window_days: float | None = None,
    same_outlet: bool = True,
    max_df: int = 50,
    published: Mapping[str, str | None] | None = None,
) -> list[ReuseEdge]:
    """The reuse edges holding one of the ``new`` articles, found through the index.

    ``documents`` is how many articles the corpus holds (the index's and the new ones),
    ``uncounted`` those of ``new`` the index does not hold yet (all by default; the
    others' words are counted already), ``load`` reads the stored articles with these
    ids in store order (the new ones and only their candidate partners). The edges are
    those :func:`~storytrace.reuse.edges.find_reuse` gives over the whole corpus with
    ``only`` the new articles (default thresholds). With ``published`` (stored articles'
    dates by id, as ``Store.ready_articles`` gives them), a partner further than
    ``window_days`` from its new article is dropped before it is read, not after.
    """
    index = index_articles(new)
    every = uncounted is None or len(uncounted) == len(new)
    counted = index if every else index_articles(uncounted or [])
    pairs = new_pairs(index, store, max_df=max_df)
    if published is not None and window_days is not None:
        pairs = _in_window(pairs, {**published, **{a.id: a.published for a in new}}, window_days)
    ordered = load(sorted({a for pair in pairs for a in pair} | {a.id for a in new}))
    frequencies = StoredFrequencies(store, counted, documents)
    return edges_of(ordered, pairs, frequencies=frequencies, window_days=window_days,
                    same_outlet=same_outlet)  # fmt: skip


def _in_window(
    pairs: Sequence[tuple[str, str]], published: Mapping[str, str | None], window_days: float
) -> list[tuple[str, str]]:
    """The pairs not dated further apart than ``window_days`` (as ``filter_pairs`` tests
    them: an unknown date keeps the pair)."""
    days = {a: _days(published.get(a)) for pair in pairs for a in pair}
    return [(a, b) for a, b in pairs if not abs(days[a] - days[b]) > window_days]
