import numpy as np

from storytrace.reuse.shingles import shingle_hashes, shingle_rows, tokenize


def test_tokens_are_normalised_and_point_back_into_the_text() -> None:
    text = "“Putin’s troops,” said 20,000 SOLDIERS — in Pskov's 2.5 km zone."
    tokens = tokenize(text)
    assert tokens.words == (
        "putins", "troops", "said", "20000", "soldiers", "in", "pskovs", "2.5", "km", "zone",
    )  # fmt: skip
    assert [text[s:e] for s, e in zip(tokens.starts, tokens.ends, strict=True)] == [
        "Putin’s", "troops", "said", "20,000", "SOLDIERS", "in", "Pskov's", "2.5", "km", "zone",
    ]  # fmt: skip
    assert tokens.char_span(0, 2) == (1, text.index(",”"))


def test_shingles_ignore_typesetting_but_not_words() -> None:
    plain = tokenize('He said "the barrier was designed for a lower peak".').words
    curly = tokenize("HE SAID: “The barrier was designed — for a lower peak.”").words
    other = tokenize("He said the barrier was designed for a higher peak.").words
    assert len(shingle_hashes(plain)) == len(plain) - 4
    assert np.array_equal(shingle_hashes(plain), shingle_hashes(curly))
    shared = set(shingle_hashes(plain).tolist()) & set(shingle_hashes(other).tolist())
    assert len(shared) == 4  # of 6 shingles, the 2 holding "lower" (9th of 10 words) differ
    assert len(shingle_hashes(("too", "short"))) == 0


def test_shingle_hashes_are_stable_across_processes() -> None:
    # A fixed value: Python's salted hash() would change between runs.
    words = tokenize("one two three four five").words
    assert shingle_hashes(words).tolist() == [15185164877789450520]


def test_rows_are_distinct_and_grouped_by_shingle() -> None:
    repeated = shingle_hashes(tokenize("a b c d e a b c d e").words)
    docs, hashes = shingle_rows([repeated, repeated[:1]])
    assert len(set(zip(docs.tolist(), hashes.tolist(), strict=True))) == len(docs)
    assert len(docs) == len(set(repeated.tolist())) + 1
    assert list(hashes) == sorted(hashes)
    first = repeated[0]
    assert docs[hashes == first].tolist() == [0, 1]
