import numpy as np

from storytrace.reuse.candidates import candidate_pairs, filter_pairs, lsh_pairs, rare_pairs
from storytrace.reuse.fingerprints import winnowed_rows
from storytrace.reuse.shingles import shingle_hashes, shingle_rows, tokenize

from .texts import OUTLET, UNRELATED, WIRE

QUOTE = "The barrier was designed for a lower peak than the one we saw overnight"


def _rows(*texts: str):
    return shingle_rows([shingle_hashes(tokenize(t).words) for t in texts])


def _pairs(pairs: np.ndarray) -> set[tuple[int, int]]:
    return {(int(a), int(b)) for a, b in pairs}


def _long(seed: int) -> str:
    rng = np.random.default_rng(seed)
    return " ".join(f"w{n}" for n in rng.integers(0, 5000, size=900))


def test_a_short_shared_passage_in_long_texts_is_a_rare_candidate() -> None:
    first, second = _long(1) + " " + QUOTE, QUOTE + " " + _long(2)
    rows = _rows(first, second, _long(3))
    assert _pairs(rare_pairs(*rows)) == {(0, 1)}
    # Jaccard is about 0.005: far below what MinHash LSH can see, hence the rare index.
    assert _pairs(lsh_pairs(*rows)) == set()
    assert _pairs(candidate_pairs(*rows)) == {(0, 1)}
    # Two shared rare shingles are needed by default; the quote has ten.
    assert _pairs(rare_pairs(*rows, min_shared=11)) == set()


def test_shingles_in_many_documents_are_not_rare() -> None:
    texts = [_long(seed) + " " + QUOTE for seed in range(4)]
    rows = _rows(*texts)
    every_pair = {(i, j) for i in range(4) for j in range(i + 1, 4)}
    assert _pairs(rare_pairs(*rows, max_df=4)) == every_pair
    assert _pairs(rare_pairs(*rows, max_df=3)) == set()


def test_lsh_finds_a_wire_copy_and_not_an_unrelated_article() -> None:
    rows = _rows(WIRE, UNRELATED, OUTLET)
    assert _pairs(lsh_pairs(*rows)) == {(0, 2)}
    # With no shingle shared more than by those two, the rare index agrees.
    assert _pairs(rare_pairs(*rows)) == {(0, 2)}


def test_no_rows_no_pairs() -> None:
    rows = _rows("too short", "")
    assert candidate_pairs(*rows).shape == (0, 2)


def test_lsh_pairs_near_duplicates_whose_shingles_are_everywhere() -> None:
    # Six copies of one text: every shingle is in 6 documents, above max_df=5.
    texts = [WIRE] * 6 + [UNRELATED]
    rows = _rows(*texts)
    assert _pairs(rare_pairs(*rows, max_df=5)) == set()
    every_copy = {(i, j) for i in range(6) for j in range(i + 1, 6)}
    assert _pairs(candidate_pairs(*rows, max_df=5)) == every_copy


def test_winnowed_rows_keep_every_shared_run_of_eight_words() -> None:
    rng = np.random.default_rng(7)
    for _ in range(20):
        host_a = [f"a{n}" for n in rng.integers(0, 10**6, size=60)]
        host_b = [f"b{n}" for n in rng.integers(0, 10**6, size=60)]
        shared = [f"s{n}" for n in rng.integers(0, 10**6, size=8)]
        a, b = host_a[:30] + shared + host_a[30:], shared + host_b
        docs, hashes = winnowed_rows([shingle_hashes(a), shingle_hashes(b)])
        assert len(set(hashes[docs == 0].tolist()) & set(hashes[docs == 1].tolist())) >= 1
        full = shingle_rows([shingle_hashes(a), shingle_hashes(b)])
        assert len(docs) < 0.6 * len(full[0])


def test_pairs_are_filtered_by_date_window_and_outlet() -> None:
    pairs = np.array([[0, 1], [0, 2], [1, 3]], dtype=np.int64)
    days = np.array([0.0, 2.0, 30.0, np.nan])
    assert _pairs(filter_pairs(pairs, days=days, window_days=7)) == {(0, 1), (1, 3)}
    outlets = ["AP", "ap", "Gazette", None]
    assert _pairs(filter_pairs(pairs, outlets=outlets, same_outlet=False)) == {(0, 2), (1, 3)}
    assert _pairs(filter_pairs(pairs, outlets=outlets)) == {(0, 1), (0, 2), (1, 3)}
