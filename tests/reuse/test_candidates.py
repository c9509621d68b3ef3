import numpy as np

from storytrace.reuse.candidates import candidate_pairs, lsh_pairs, rare_pairs
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
    assert _pairs(lsh_pairs(*rows, threshold=0.5)) == set()
    assert _pairs(candidate_pairs(*rows, threshold=0.5)) == {(0, 1)}


def test_shingles_in_many_documents_are_not_rare() -> None:
    texts = [_long(seed) + " " + QUOTE for seed in range(4)]
    rows = _rows(*texts)
    every_pair = {(i, j) for i in range(4) for j in range(i + 1, 4)}
    assert _pairs(rare_pairs(*rows, max_df=4)) == every_pair
    assert _pairs(rare_pairs(*rows, max_df=3)) == set()


def test_lsh_finds_a_wire_copy_and_not_an_unrelated_article() -> None:
    rows = _rows(WIRE, UNRELATED, OUTLET)
    assert _pairs(lsh_pairs(*rows, threshold=0.3)) == {(0, 2)}
    # With no shingle shared more than by those two, the rare index agrees.
    assert _pairs(rare_pairs(*rows)) == {(0, 2)}


def test_no_rows_no_pairs() -> None:
    rows = _rows("too short", "")
    assert candidate_pairs(*rows).shape == (0, 2)
