"""Candidate pairs of documents that may share text, from ``(doc, shingle)`` rows.

Two generators, unioned, then filtered by outlet and date window:

* a **rare-shingle index** (as in passim): group the rows by shingle, keep the
  shingles found in 2 to ``max_df`` documents, self-join each group on doc and
  keep the pairs that share at least ``min_shared`` such shingles. A short wire
  story quoted inside a long article is found however small their Jaccard
  similarity.
* **MinHash LSH** over each document's shingle set, computed as one-permutation
  MinHash with densification (Li, Owen and Zhang 2012; Shrivastava and Li 2014):
  one hash per row instead of one per row and permutation, binned, the minimum per
  bin, and the bins cut into bands. It finds near-duplicates whose shingles are all
  too common for the rare index (a story syndicated everywhere).

Every step is a group-by, a self-join or a filter over rows, written once with numpy
here and given in SQL in each docstring, so a relational engine (SQLite, Spark) runs
the same definition. Pairs are ``(i, j)`` document positions with ``i < j``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np
import numpy.typing as npt

from storytrace.reuse.shingles import I64, U64, mix_hashes

__all__ = [
    "band_keys",
    "bucket_pairs",
    "candidate_pairs",
    "count_pairs",
    "filter_pairs",
    "group_self_join",
    "lsh_pairs",
    "pair_filter",
    "rare_pairs",
    "sketches",
]

Pairs = npt.NDArray[np.int64]  # shape (n, 2), i < j, unique, sorted
PairFilter = Callable[[I64, I64], npt.NDArray[np.bool_]]  # which (left, right) pairs to keep
_EMPTY = np.iinfo(np.uint64).max


def _no_pairs() -> Pairs:
    return np.zeros((0, 2), dtype=np.int64)


def group_self_join(keys: U64, docs: I64, *, max_size: int) -> tuple[I64, I64]:
    """Every pair of docs within each run of equal ``keys`` of 2 to ``max_size`` rows.

    ``keys`` must be sorted. One vectorised step per offset: row ``i`` meets row
    ``i + d`` when both lie in the same group.
    """
    if len(keys) < 2:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    starts = np.flatnonzero(np.r_[True, keys[1:] != keys[:-1]])
    sizes = np.diff(np.r_[starts, len(keys)])
    keep = np.repeat((sizes >= 2) & (sizes <= max_size), sizes)
    keys, docs = keys[keep], docs[keep]
    lefts: list[I64] = []
    rights: list[I64] = []
    for offset in range(1, max_size):
        if offset >= len(keys):
            break
        same = keys[:-offset] == keys[offset:]
        if not same.any():
            break
        lefts.append(docs[:-offset][same])
        rights.append(docs[offset:][same])
    if not lefts:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    return np.concatenate(lefts), np.concatenate(rights)


def count_pairs(left: I64, right: I64, *, min_count: int) -> Pairs:
    """Distinct ``(low, high)`` pairs met at least ``min_count`` times (``GROUP BY pair``)."""
    low, high = np.minimum(left, right), np.maximum(left, right)
    distinct = low != high
    low, high = low[distinct], high[distinct]
    if not len(low):
        return _no_pairs()
    width = np.int64(int(high.max()) + 1)
    ordered = np.sort(low * width + high)
    starts = np.flatnonzero(np.r_[True, ordered[1:] != ordered[:-1]])
    counts = np.diff(np.r_[starts, len(ordered)])
    keys = ordered[starts][counts >= min_count]
    return np.stack([keys // width, keys % width], axis=1).astype(np.int64)


def rare_pairs(docs: I64, hashes: U64, *, max_df: int = 50, min_shared: int = 2) -> Pairs:
    """Pairs of documents sharing ``min_shared`` shingles that occur in 2 to ``max_df`` docs.

    ``docs`` and ``hashes`` are distinct rows sorted by shingle (see
    :func:`~storytrace.reuse.shingles.shingle_rows`). Equivalent SQL::

        WITH rare AS (SELECT shingle FROM rows GROUP BY shingle
                      HAVING count(*) BETWEEN 2 AND :max_df)
        SELECT a.doc, b.doc FROM rows a JOIN rows b USING (shingle) JOIN rare USING (shingle)
        WHERE a.doc < b.doc GROUP BY a.doc, b.doc HAVING count(*) >= :min_shared
    """
    left, right = group_self_join(hashes, docs, max_size=max_df)
    return count_pairs(left, right, min_count=min_shared)


def sketches(docs: I64, hashes: U64, *, count: int, bins: int, seed: int = 1) -> U64:
    """One-permutation MinHash: a ``(count, bins)`` matrix, empty bins densified.

    SQL: ``SELECT doc, h % :bins AS bin, MIN(h >> 32) FROM rows GROUP BY doc, bin``
    with ``h`` the row's shingle hash re-mixed with ``seed`` (32-bit values: a band
    compares 4 of them, so chance agreement stays negligible); an empty bin then takes
    the value of the next non-empty bin to its right (cyclically), re-mixed with its
    own index (a window function over bins). A document without rows keeps all bins
    empty.
    """
    mixed = mix_hashes(hashes ^ np.uint64(seed))
    cell = docs.astype(np.uint64) * np.uint64(bins) + mixed % np.uint64(bins)
    if len(cell) and int(cell.max()) >= 1 << 32:
        raise ValueError(f"at most {(1 << 32) // bins} documents per sketch batch")
    # GROUP BY (doc, bin) with MIN(value) as one sort: (doc, bin) in the high 32 bits,
    # the top 32 bits of the value in the low ones; the first key of each cell wins.
    ordered = np.sort((cell << np.uint64(32)) | (mixed >> np.uint64(32)))
    cells = ordered >> np.uint64(32)
    first = np.ones(len(ordered), dtype=np.bool_)
    first[1:] = cells[1:] != cells[:-1]
    sketch = np.full((count, bins), _EMPTY, dtype=np.uint64)
    sketch.reshape(-1)[cells[first].astype(np.int64)] = ordered[first] & np.uint64(0xFFFFFFFF)
    gaps = np.flatnonzero((sketch == _EMPTY).any(axis=1) & (sketch != _EMPTY).any(axis=1))
    if len(gaps):
        sketch[gaps] = _densify(sketch[gaps])
    return sketch


def _densify(sketch: U64) -> U64:
    """Fill each empty bin from the next non-empty bin to its right, cyclically."""
    bins = sketch.shape[1]
    borrowed = np.full(len(sketch), _EMPTY, dtype=np.uint64)
    for position in [*range(bins - 1, -1, -1)] * 2:
        present = sketch[:, position] != _EMPTY
        borrowed = np.where(present, sketch[:, position], borrowed)
        fill = ~present & (borrowed != _EMPTY)
        sketch[fill, position] = mix_hashes(borrowed[fill] + np.uint64(position + 1))
    return sketch


def band_keys(sketch: U64, *, bands: int, rows: int) -> U64:
    """One 64-bit key per document and band: the hash of the band's ``rows`` bins.

    A document whose sketch is empty (no rows) gets the key 0 in every band, which
    :func:`bucket_pairs` ignores.
    """
    keys = np.empty((len(sketch), bands), dtype=np.uint64)
    for band in range(bands):
        key = np.full(len(sketch), np.uint64(band), dtype=np.uint64)
        for column in range(band * rows, (band + 1) * rows):
            key = mix_hashes(key ^ sketch[:, column])
        keys[:, band] = key
    keys[sketch[:, 0] == _EMPTY] = 0
    return keys


def bucket_pairs(
    keys: U64, *, first_doc: int = 0, max_bucket: int = 1000, keep: PairFilter | None = None
) -> Pairs:
    """Pairs of documents with equal keys in some band (column) of ``keys``.

    Row ``r`` of ``keys`` is document ``first_doc + r``; key 0 (no sketch) never
    pairs; buckets larger than ``max_bucket`` are skipped. ``keep``, if given, is
    applied to each band's pairs as they are found (the result is the filtered one,
    without every band's pairs held at once). Equivalent SQL::

        SELECT DISTINCT a.doc, b.doc FROM keys a JOIN keys b USING (band, key)
        WHERE a.doc < b.doc AND a.key <> 0
    """
    lefts: list[I64] = []
    rights: list[I64] = []
    indexed = np.flatnonzero(keys[:, 0] != 0) if len(keys) else np.zeros(0, dtype=np.int64)
    docs = indexed + first_doc
    for band in range(keys.shape[1]):
        key = keys[indexed, band]
        order = np.argsort(key)
        left, right = group_self_join(key[order], docs[order], max_size=max_bucket)
        if keep is not None:
            chosen = keep(left, right)
            left, right = left[chosen], right[chosen]
        lefts.append(left)
        rights.append(right)
    if not lefts:
        return _no_pairs()
    return count_pairs(np.concatenate(lefts), np.concatenate(rights), min_count=1)


def lsh_pairs(
    docs: I64,
    hashes: U64,
    *,
    bands: int = 32,
    rows: int = 4,
    seed: int = 1,
    max_bucket: int = 1000,
) -> Pairs:
    """Pairs of documents whose MinHash sketches agree on all ``rows`` bins of some band.

    With ``bands=32, rows=4`` a pair of Jaccard similarity 0.5 is found with
    probability 0.87, 0.7 with 0.9998, and 0.2 with 0.05. Buckets larger than
    ``max_bucket`` (empty or boilerplate texts) are skipped. Equivalent SQL::

        WITH keys AS (SELECT doc, bin / :rows AS band, hash_of_bins(...) AS key
                      FROM sketch GROUP BY doc, band)
        SELECT DISTINCT a.doc, b.doc FROM keys a JOIN keys b USING (band, key)
        WHERE a.doc < b.doc
    """
    if not len(hashes):
        return _no_pairs()
    sketch = sketches(docs, hashes, count=int(docs.max()) + 1, bins=bands * rows, seed=seed)
    return bucket_pairs(band_keys(sketch, bands=bands, rows=rows), max_bucket=max_bucket)


def pair_filter(
    *,
    outlets: Sequence[str | None] | None = None,
    days: npt.NDArray[np.float64] | None = None,
    window_days: float | None = None,
    same_outlet: bool = True,
) -> PairFilter:
    """:func:`filter_pairs`'s test as a function of two position arrays (for filtering
    pairs as they are found: ``keep`` of :func:`bucket_pairs`)."""

    def keep(left: I64, right: I64) -> npt.NDArray[np.bool_]:
        chosen = np.ones(len(left), dtype=bool)
        if window_days is not None and days is not None and len(left):
            chosen &= ~(np.abs(days[left] - days[right]) > window_days)  # NaN: kept
        if not same_outlet and names is not None and len(left):
            chosen &= (names[left] == "") | (names[left] != names[right])
        return chosen

    names = None if outlets is None else np.array([o.casefold() if o else "" for o in outlets],
                                                  dtype=object)  # fmt: skip
    return keep


def filter_pairs(
    pairs: Pairs,
    *,
    outlets: Sequence[str | None] | None = None,
    days: npt.NDArray[np.float64] | None = None,
    window_days: float | None = None,
    same_outlet: bool = True,
) -> Pairs:
    """Keep the pairs published within ``window_days`` of each other, and across outlets.

    ``days`` gives each document's publication time in days (NaN when unknown: such
    pairs are kept); ``same_outlet=False`` drops pairs of one outlet. Equivalent SQL::

        SELECT p.* FROM pairs p JOIN docs a ON a.doc = p.i JOIN docs b ON b.doc = p.j
        WHERE (a.day IS NULL OR b.day IS NULL OR abs(a.day - b.day) <= :window_days)
          AND (:same_outlet OR a.outlet IS NULL OR a.outlet <> b.outlet)
    """
    keep = pair_filter(outlets=outlets, days=days, window_days=window_days,
                       same_outlet=same_outlet)  # fmt: skip
    return pairs[keep(pairs[:, 0], pairs[:, 1])]


def candidate_pairs(
    docs: I64,
    hashes: U64,
    *,
    max_df: int = 50,
    min_shared: int = 2,
    bands: int = 32,
    rows: int = 4,
    sketch_rows: tuple[I64, U64] | None = None,
) -> Pairs:
    """The union of :func:`rare_pairs` and :func:`lsh_pairs`, sorted.

    ``sketch_rows``, if given, are the rows MinHash LSH sketches (by default the same
    rows as the rare index; near-duplicates need only the word shingles).
    """
    rare = rare_pairs(docs, hashes, max_df=max_df, min_shared=min_shared)
    similar = lsh_pairs(*(sketch_rows or (docs, hashes)), bands=bands, rows=rows)
    both = np.concatenate([rare, similar])
    if not len(both):
        return _no_pairs()
    return count_pairs(both[:, 0], both[:, 1], min_count=1)
