"""Corpus-scale candidates: chunked, hash-range partitioned, spilled: same pairs as one batch."""

from pathlib import Path

import numpy as np
import pytest

from storytrace.reuse.candidates import candidate_pairs, sketches
from storytrace.reuse.fingerprints import fingerprint_texts
from storytrace.reuse.partitions import PartitionedRows, candidates_in_chunks
from storytrace.reuse.shingles import mix_hashes, unpack_rows


def _corpus(count: int = 120, seed: int = 3) -> list[str]:
    """Random texts with copies: whole, an excerpt, and one text repeated in 60 documents."""
    rng = np.random.default_rng(seed)
    texts = [" ".join(f"w{n}" for n in rng.integers(0, 3000, size=150)) for _ in range(count)]
    texts[5] = texts[50] + " and a trailer of our own"
    texts[17] = " ".join(texts[40].split()[30:80])
    for position in range(60, 120):  # one syndicated text everywhere: above max_df
        texts[position] = texts[59]
    return texts


def _pairs(pairs: np.ndarray) -> set[tuple[int, int]]:
    return {(int(a), int(b)) for a, b in pairs}


def test_chunks_and_spill_give_the_pairs_of_one_batch(monkeypatch) -> None:
    import storytrace.reuse.partitions as partitions

    monkeypatch.setattr(partitions, "_FLUSH_ROWS", 2000)  # spill every few documents
    texts = _corpus()
    found = fingerprint_texts(texts)
    expected = _pairs(
        candidate_pairs(*unpack_rows(found.both), sketch_rows=unpack_rows(found.words))
    )
    assert {(5, 50), (17, 40)} <= expected
    assert (60, 119) in expected  # by LSH: the rare index skips fingerprints in 61 documents
    for size in (7, 50, len(texts)):
        chunks = [texts[i : i + size] for i in range(0, len(texts), size)]
        for spill in (False, True):
            assert _pairs(candidates_in_chunks(chunks, spill=spill)) == expected, (size, spill)


def test_timings_name_every_phase() -> None:
    timings: dict[str, float] = {}
    candidates_in_chunks([_corpus()], timings=timings)
    assert set(timings) == {"input", "tokens", "fingerprints", "rare", "lsh"}
    assert all(seconds >= 0 for seconds in timings.values())


def test_passes_cover_every_row_once_in_hash_order(tmp_path: Path) -> None:
    rng = np.random.default_rng(1)
    rows = PartitionedRows(bits=4, spill=tmp_path)
    batches = [np.sort(rng.integers(0, 2**63, size=7, dtype=np.uint64) * 2) for _ in range(60)]
    for keys in batches:
        rows.add(keys)
    passes = list(rows.passes(pass_rows=100))
    assert len(passes) > 1
    assert all(np.all(p[1:] >= p[:-1]) for p in passes)
    joined = np.concatenate(passes)
    assert np.array_equal(joined, np.sort(np.concatenate(batches)))
    # One fingerprint's rows never straddle two passes: passes follow hash ranges.
    tops = [set((p >> np.uint64(60)).tolist()) for p in passes]
    assert all(not (a & b) for i, a in enumerate(tops) for b in tops[i + 1 :])


def test_spilled_rows_go_to_files_and_come_back(tmp_path: Path, monkeypatch) -> None:
    import storytrace.reuse.partitions as partitions

    monkeypatch.setattr(partitions, "_FLUSH_ROWS", 150)
    rows = PartitionedRows(bits=1, spill=tmp_path)
    batches = [
        np.sort(np.arange(k, 300, 3, dtype=np.uint64) * np.uint64(2**56 + 1)) for k in (0, 1, 2)
    ]
    for keys in batches:
        rows.add(keys)
    # The second batch brought 200 rows: both ranges were written out; the third waits.
    assert len(list(tmp_path.glob("*.npy"))) == 2
    assert int(rows.pending_rows.sum()) == 100
    back = np.concatenate(list(rows.passes(pass_rows=10)))
    assert np.array_equal(back, np.sort(np.concatenate(batches)))


def _reference_sketch(docs: np.ndarray, hashes: np.ndarray, count: int, bins: int) -> np.ndarray:
    """``MIN`` per (doc, bin) with ``np.minimum.at``, before densification."""
    mixed = mix_hashes(hashes ^ np.uint64(1))
    sketch = np.full((count, bins), np.iinfo(np.uint64).max, dtype=np.uint64)
    np.minimum.at(
        sketch, (docs, (mixed % np.uint64(bins)).astype(np.int64)), mixed >> np.uint64(32)
    )
    return sketch


def test_sort_based_sketch_equals_minimum_at() -> None:
    rng = np.random.default_rng(2)
    docs = np.sort(rng.integers(0, 30, size=30000)).astype(np.int64)
    hashes = rng.integers(0, 2**63, size=30000, dtype=np.uint64)
    mine = sketches(docs, hashes, count=32, bins=64)
    reference = _reference_sketch(docs, hashes, 32, 64)
    full = ~(reference == np.iinfo(np.uint64).max).any(axis=1)
    assert full.sum() > 20
    assert np.array_equal(mine[full], reference[full])
    # Documents without rows (30, 31) stay empty; sparse ones are densified.
    assert (mine[30:] == np.iinfo(np.uint64).max).all()
    few = sketches(np.zeros(3, np.int64), hashes[:3], count=1, bins=64)
    assert not (few == np.iinfo(np.uint64).max).any()


@pytest.mark.parametrize("count", [0, 1])
def test_tiny_corpora(count: int) -> None:
    assert candidates_in_chunks([["a few words only"] * count]).shape == (0, 2)


def test_pairs_kept_as_found_equal_the_pairs_filtered_after() -> None:
    """A date window applied as pairs are found (issue #18) gives the filtered pairs, and
    the filter only ever sees one pass's or one band's pairs, never the corpus's."""
    from storytrace.reuse.candidates import filter_pairs, pair_filter

    texts = _corpus()
    days = np.array([float(i // 10 * 30) for i in range(len(texts))])  # ten a month
    days[7] = np.nan  # undated: pairs with any
    outlets = [f"outlet{i % 3}" if i % 4 else None for i in range(len(texts))]
    everything = candidates_in_chunks([texts])
    for window, same_outlet in ((7.0, True), (45.0, False), (None, False)):
        options = {"outlets": outlets, "days": days, "window_days": window,
                   "same_outlet": same_outlet}  # fmt: skip
        seen: list[int] = []
        keep = pair_filter(**options)

        def watched(left: np.ndarray, right: np.ndarray, keep=keep, seen=seen) -> np.ndarray:
            seen.append(len(left))
            return keep(left, right)

        expected = _pairs(filter_pairs(everything, **options))
        assert _pairs(candidates_in_chunks([texts], keep=watched)) == expected
        assert len(expected) < len(everything) or window is None
        assert len(seen) >= 33  # each of the 32 bands' pairs, and each rare pass's
