"""Candidate pairs of documents that may share text, from ``(doc, shingle)`` rows.

Two generators, unioned:

* a **rare-shingle index** (as in passim): group the rows by shingle, keep the
  shingles found in 2 to ``max_df`` documents, and self-join each group on doc.
  Any shared rare shingle makes a pair, so a short wire story quoted inside a
  long article is found however small their Jaccard similarity.
* **MinHash LSH** (datasketch) over each document's shingle set with a low
  Jaccard threshold, which still finds heavily copied pairs whose shared
  shingles are too common for the rare index (a story syndicated everywhere).

Both are group-bys and self-joins over rows, so the same definition runs as SQL or
on Spark DataFrames. Pairs are ``(i, j)`` document positions with ``i < j``.
"""

from __future__ import annotations

from functools import lru_cache
from itertools import combinations

import numpy as np
import numpy.typing as npt
from datasketch import MinHash, MinHashLSH

from storytrace.reuse.shingles import I64, U64

__all__ = ["candidate_pairs", "lsh_pairs", "rare_pairs"]

Pairs = npt.NDArray[np.int64]  # shape (n, 2), i < j, unique, sorted


def _unique_pairs(left: I64, right: I64) -> Pairs:
    low, high = np.minimum(left, right), np.maximum(left, right)
    pairs = np.stack([low, high], axis=1)[low != high]
    if not len(pairs):
        return np.zeros((0, 2), dtype=np.int64)
    return np.unique(pairs, axis=0)


def rare_pairs(docs: I64, hashes: U64, *, max_df: int = 5) -> Pairs:
    """Pairs of documents sharing a shingle that occurs in at most ``max_df`` documents.

    ``docs`` and ``hashes`` are distinct rows sorted by shingle (see
    :func:`~storytrace.reuse.shingles.shingle_rows`). Equivalent SQL::

        WITH df AS (SELECT shingle FROM rows GROUP BY shingle
                    HAVING count(*) BETWEEN 2 AND :max_df)
        SELECT DISTINCT a.doc, b.doc FROM rows a JOIN rows b USING (shingle)
        JOIN df USING (shingle) WHERE a.doc < b.doc
    """
    if not len(hashes):
        return np.zeros((0, 2), dtype=np.int64)
    starts = np.flatnonzero(np.r_[True, hashes[1:] != hashes[:-1]])
    sizes = np.diff(np.r_[starts, len(hashes)])
    lefts: list[I64] = []
    rights: list[I64] = []
    for size in range(2, max_df + 1):
        group_starts = starts[sizes == size]
        if not len(group_starts):
            continue
        # One row per group, one column per member: a (groups, size) matrix of docs.
        members = docs[group_starts[:, None] + np.arange(size)[None, :]]
        for i, j in combinations(range(size), 2):
            lefts.append(members[:, i])
            rights.append(members[:, j])
    if not lefts:
        return np.zeros((0, 2), dtype=np.int64)
    return _unique_pairs(np.concatenate(lefts), np.concatenate(rights))


@lru_cache(maxsize=16)
def _lsh_params(threshold: float, num_perm: int) -> tuple[int, int]:
    """Bands and rows datasketch chooses for ``threshold`` (its optimiser is slow)."""
    lsh = MinHashLSH(threshold=threshold, num_perm=num_perm)
    return lsh.b, lsh.r


def _identity(value: int) -> int:
    return value


def lsh_pairs(
    docs: I64, hashes: U64, *, threshold: float = 0.05, num_perm: int = 128, seed: int = 1
) -> Pairs:
    """Pairs of documents whose shingle sets MinHash LSH puts in a common bucket.

    The shingles are already 64-bit hashes, so they feed datasketch's ``affine64``
    scheme through the identity hash function.
    """
    if not len(hashes):
        return np.zeros((0, 2), dtype=np.int64)
    order = np.argsort(docs, kind="stable")
    docs, hashes = docs[order], hashes[order]
    doc_ids, starts = np.unique(docs, return_index=True)
    groups = np.split(hashes, starts[1:])
    sketches = MinHash.generator(
        (group.tolist() for group in groups),
        num_perm=num_perm,
        seed=seed,
        hashfunc=_identity,
        scheme="affine64",
    )
    lsh = MinHashLSH(num_perm=num_perm, params=_lsh_params(threshold, num_perm))
    kept = []
    with lsh.insertion_session() as session:
        for doc, sketch in zip(doc_ids.tolist(), sketches, strict=True):
            session.insert(doc, sketch, check_duplication=False)
            kept.append((doc, sketch))
    lefts: list[int] = []
    rights: list[int] = []
    for doc, sketch in kept:
        for other in lsh.query(sketch):
            lefts.append(doc)
            rights.append(int(other))
    return _unique_pairs(np.array(lefts, dtype=np.int64), np.array(rights, dtype=np.int64))


def candidate_pairs(
    docs: I64,
    hashes: U64,
    *,
    max_df: int = 5,
    threshold: float = 0.05,
    num_perm: int = 128,
) -> Pairs:
    """The union of :func:`rare_pairs` and :func:`lsh_pairs`."""
    rare = rare_pairs(docs, hashes, max_df=max_df)
    similar = lsh_pairs(docs, hashes, threshold=threshold, num_perm=num_perm)
    both = np.concatenate([rare, similar])
    if not len(both):
        return both
    return np.unique(both, axis=0)
