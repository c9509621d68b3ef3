"""Candidate pairs of a corpus too big for one batch: chunks in, hash-range partitions, pairs out.

The same definition as :func:`~storytrace.reuse.candidates.candidate_pairs` over the
fingerprints of :mod:`storytrace.reuse.fingerprints`, run in passes whose memory is
bounded:

1. Texts arrive in chunks, fingerprinted 2,000 at a time. The packed
   ``(doc, fingerprint)`` keys are cut by the top 8 bits of the fingerprint into 256
   hash ranges (``PARTITION BY fingerprint``), kept as compact ``uint64`` arrays or
   spilled to ``.npy`` files. The word fingerprints become MinHash sketches and then
   one 64-bit key per band; only the ``(documents, bands)`` key matrix is kept.
2. Adjacent hash ranges are taken together, about two million rows per pass, sorted
   and self-joined (every row of one fingerprint lies in one range), giving the
   rare-fingerprint pair occurrences.
3. Each band's keys are sorted and self-joined (LSH buckets).
4. Pair occurrences are counted (``GROUP BY pair HAVING count(*) >= min_shared``) and
   united with the LSH pairs.

Held in memory: the band keys (256 bytes per document), the pair occurrences, the
vocabulary cache, one batch or one pass at a time, and, unless spilled, the rows
themselves as ``uint64`` (8 bytes per row, about 320 rows per 500-word article).
"""

from __future__ import annotations

import tempfile
import time
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

import numpy as np

from storytrace.reuse.candidates import (
    PairFilter,
    Pairs,
    band_keys,
    bucket_pairs,
    count_pairs,
    group_self_join,
    sketches,
)
from storytrace.reuse.fingerprints import (
    DocumentFrequencies,
    Fingerprints,
    Vocabulary,
    fingerprint_tokens,
    hash_tokens,
)
from storytrace.reuse.shingles import I64, U64, unpack_rows

__all__ = ["PartitionedRows", "candidates_in_chunks"]

_MAX_DOCS = 1 << 24  # the doc number fills the low 24 bits of a packed key
# Texts fingerprinted at a time: about a million tokens, whose arrays (8 MB each) the
# allocator reuses batch after batch instead of mapping fresh pages.
_BATCH = 2_000
_FLUSH_ROWS = 1 << 22  # rows (32 MB) held in memory before every range is spilled


class PartitionedRows:
    """Packed ``(doc, fingerprint)`` keys cut into hash ranges, in memory or spilled to disk.

    Keys are cut into ``2 ** bits`` ranges by the top bits of the fingerprint; a pass
    (:meth:`passes`) takes adjacent ranges together until it holds ``pass_rows`` rows,
    so small corpora need one pass and large ones many passes of bounded size.
    """

    def __init__(self, *, bits: int = 8, spill: Path | None = None) -> None:
        self.bits = bits
        self.spill = spill
        self.pending: list[list[U64]] = [[] for _ in range(1 << bits)]
        self.pending_rows = np.zeros(1 << bits, dtype=np.int64)
        self.files: list[list[Path]] = [[] for _ in range(1 << bits)]
        self.range_rows = np.zeros(1 << bits, dtype=np.int64)

    def add(self, keys: U64) -> None:
        """Add sorted keys, cut at the hash-range boundaries."""
        bounds = np.arange(1, 1 << self.bits, dtype=np.uint64) << np.uint64(64 - self.bits)
        cuts = np.searchsorted(keys, bounds)
        sizes = np.diff(np.r_[0, cuts, len(keys)])
        self.range_rows += sizes
        self.pending_rows += sizes
        for part, piece in enumerate(np.split(keys, cuts)):
            if len(piece):
                self.pending[part].append(piece.copy())
        if self.spill is not None and self.pending_rows.sum() >= _FLUSH_ROWS:
            for part in np.flatnonzero(self.pending_rows).tolist():
                self._flush(part)

    def _flush(self, part: int) -> None:
        assert self.spill is not None
        path = self.spill / f"range{part}-{len(self.files[part])}.npy"
        np.save(path, np.concatenate(self.pending[part]))
        self.files[part].append(path)
        self.pending[part] = []
        self.pending_rows[part] = 0

    def _take(self, part: int) -> list[U64]:
        pieces = [np.load(path) for path in self.files[part]] + self.pending[part]
        self.files[part], self.pending[part] = [], []
        return pieces

    def passes(self, pass_rows: int = 1 << 21) -> Iterator[U64]:
        """Sorted keys of adjacent hash ranges, about ``pass_rows`` at a time; forgets them."""
        part = 0
        while part < len(self.pending):
            pieces: list[U64] = []
            rows = 0
            while part < len(self.pending) and (
                not rows or rows + self.range_rows[part] <= pass_rows
            ):
                pieces.extend(self._take(part))
                rows += int(self.range_rows[part])
                part += 1
            if pieces:
                yield np.sort(np.concatenate(pieces))


class _Clock:
    """Adds the CPU seconds since the last lap to a named entry of ``timings``."""

    def __init__(self, timings: dict[str, float] | None) -> None:
        self.timings = timings
        self.last = time.process_time()

    def lap(self, name: str) -> None:
        now = time.process_time()
        if self.timings is not None:
            self.timings[name] = self.timings.get(name, 0.0) + now - self.last
        self.last = now


def _batches(chunks: Iterable[Sequence[str]]) -> Iterator[Sequence[str]]:
    """The texts again, at most ``_BATCH`` at a time (small arrays reuse freed memory)."""
    for chunk in chunks:
        for first in range(0, len(chunk), _BATCH):
            yield chunk[first : first + _BATCH]


def _rare_occurrences(
    rows: PartitionedRows, *, max_df: int, keep: PairFilter | None = None
) -> tuple[I64, I64]:
    lefts: list[I64] = []
    rights: list[I64] = []
    for keys in rows.passes():
        docs, hashes = unpack_rows(keys)
        left, right = group_self_join(hashes, docs, max_size=max_df)
        if keep is not None:
            chosen = keep(left, right)
            left, right = left[chosen], right[chosen]
        lefts.append(left)
        rights.append(right)
    empty = np.zeros(0, dtype=np.int64)
    return np.concatenate([empty, *lefts]), np.concatenate([empty, *rights])


def _band_keys_of(found: Fingerprints, first_doc: int, *, bands: int, rows: int) -> U64:
    docs, hashes = unpack_rows(found.words)
    sketch = sketches(docs - first_doc, hashes, count=found.documents, bins=bands * rows)
    return band_keys(sketch, bands=bands, rows=rows)


def candidates_in_chunks(
    chunks: Iterable[Sequence[str]],
    *,
    max_df: int = 50,
    min_shared: int = 2,
    bands: int = 32,
    rows: int = 4,
    spill: bool = False,
    timings: dict[str, float] | None = None,
    frequencies: DocumentFrequencies | None = None,
    keep: PairFilter | None = None,
) -> Pairs:
    """Candidate pairs of document positions (numbered across chunks) likely to share text.

    Args:
        chunks: the texts, in batches; a document's number is its position overall.
        max_df, min_shared: the rare-fingerprint index (see ``rare_pairs``).
        bands, rows: MinHash LSH banding over the word fingerprints (see ``lsh_pairs``).
        spill: keep the rows in ``.npy`` files in a temporary folder, not in memory.
        timings: if given, CPU seconds are added under ``"input"`` (waiting for
            ``chunks``), ``"tokens"`` (splitting and
            hashing words), ``"fingerprints"`` (shingles, winnowing, sketches, band
            keys), ``"rare"`` and ``"lsh"`` (the joins).
        frequencies: if given, every document's words are counted into it.
        keep: if given, only the pairs it keeps (e.g. :func:`pair_filter`'s date window),
            applied to each pass's and each band's pairs as they are found, so the pairs
            it drops are never all held at once; the result is the unfiltered one
            filtered (the test is per pair).
    """
    clock = _Clock(timings)
    vocabulary = Vocabulary()
    with tempfile.TemporaryDirectory(prefix="storytrace-reuse-") as folder:
        store = PartitionedRows(spill=Path(folder) if spill else None)
        keys: list[U64] = []
        first = 0
        for texts in _batches(chunks):
            clock.lap("input")
            if first + len(texts) > _MAX_DOCS:
                raise ValueError(f"at most {_MAX_DOCS} documents per corpus")
            tokens = hash_tokens(texts, vocabulary)
            if frequencies is not None:
                frequencies.add(tokens)
            clock.lap("tokens")
            found = fingerprint_tokens(tokens, first_doc=first)
            store.add(found.both)
            keys.append(_band_keys_of(found, first, bands=bands, rows=rows))
            first += len(texts)
            clock.lap("fingerprints")
        left, right = _rare_occurrences(store, max_df=max_df, keep=keep)
    rare = count_pairs(left, right, min_count=min_shared)
    del left, right
    clock.lap("rare")
    similar = bucket_pairs(np.concatenate([np.zeros((0, bands), np.uint64), *keys]), keep=keep)
    both = np.concatenate([rare, similar])
    pairs = count_pairs(both[:, 0], both[:, 1], min_count=1)
    clock.lap("lsh")
    return pairs
