"""The batch (vectorised) fingerprints equal the per-article reference implementation."""

import itertools

import numpy as np
import pytest

from storytrace.reuse.candidates import lsh_pairs, rare_pairs
from storytrace.reuse.fingerprints import (
    CONTENT_SALT,
    CONTENT_WINDOW,
    WORD_WINDOW,
    DocumentFrequencies,
    Vocabulary,
    batch_shingles,
    fingerprint_texts,
    hash_tokens,
    winnow_tokens,
    winnowed_rows,
)
from storytrace.reuse.shingles import (
    CONTENT_SHINGLE_SIZE,
    SHINGLE_SIZE,
    content_tokens,
    distinct,
    pack_rows,
    shingle_hashes,
    tokenize,
    unpack_rows,
    word_hash,
)

from .texts import EDITED, OUTLET, PARAPHRASE, UNRELATED, WIRE

# Every kind of token the tokeniser treats specially, documents of every length
# around the shingle and window sizes, and an empty one.
TEXTS = [
    WIRE,
    OUTLET,
    "“Putin’s 20,000 men,” he said; 3abc a3's U.S. 2.5km naïve Straße ﬁne x_y ②.",
    "",
    "one",
    "one two three four five",
    "one two three four five six seven",
    "one two three four five six seven eight",
    EDITED,
    PARAPHRASE,
    UNRELATED,
]


def _split(values: np.ndarray, offsets: np.ndarray) -> list[list[int]]:
    return [values[a:b].tolist() for a, b in itertools.pairwise(offsets)]


def test_token_hashes_equal_tokenize_then_hash() -> None:
    tokens = hash_tokens(TEXTS)
    words = _split(tokens.words, tokens.word_offsets)
    content = _split(tokens.content, tokens.content_offsets)
    for text, mine, mine_content in zip(TEXTS, words, content, strict=True):
        reference = tokenize(text)
        assert mine == [word_hash(w) for w in reference.words]
        assert mine_content == [word_hash(w) for w in content_tokens(reference).words]
    assert len(tokens) == len(TEXTS)


def test_token_hashes_equal_tokenize_on_random_tricky_text() -> None:
    """Chunks cut at whitespace, each split once by the tokeniser's pattern: the same tokens."""
    alphabet = [*"ab3_'’.,-  \n\t\u00a0\u2028\x1f", "é", "ß", "ﬁ", "②", "٣", "Ⅻ", "²", "“"]
    alphabet += ["Ab", "X"]
    rng = np.random.default_rng(11)
    texts = ["".join(rng.choice(alphabet, size=int(n))) for n in rng.integers(0, 60, size=400)]
    texts += ["a..b 1,2,3 it's' __init__ ’tis rock’n’roll 1.5.6,7 abc,def 3,abc a'1 x_y_z"]
    vocabulary = Vocabulary()
    for batch in (texts[:200], texts[200:]):  # the second batch reuses the vocabulary
        tokens = hash_tokens(batch, vocabulary)
        words = _split(tokens.words, tokens.word_offsets)
        content = _split(tokens.content, tokens.content_offsets)
        for text, mine, mine_content in zip(batch, words, content, strict=True):
            reference = tokenize(text)
            assert mine == [word_hash(w) for w in reference.words], text
            assert mine_content == [word_hash(w) for w in content_tokens(reference).words], text


def test_a_shared_vocabulary_gives_the_same_hashes_batch_after_batch(monkeypatch) -> None:
    import storytrace.reuse.fingerprints as fingerprints

    vocabulary = Vocabulary()
    first = hash_tokens(TEXTS[:3], vocabulary)
    again = hash_tokens(TEXTS[:3], vocabulary)
    assert np.array_equal(first.words, again.words)
    assert np.array_equal(first.content, hash_tokens(TEXTS[:3]).content)
    # A vocabulary over its limit is emptied before the next batch, not in the middle.
    monkeypatch.setattr(fingerprints, "_VOCABULARY_LIMIT", 5)
    trimmed = hash_tokens(TEXTS, vocabulary)
    assert len(vocabulary) > 5
    assert np.array_equal(trimmed.words, hash_tokens(TEXTS).words)
    assert np.array_equal(hash_tokens(TEXTS[:3], vocabulary).words, first.words)


@pytest.mark.parametrize(("family", "size", "salt"), [("word", 5, 0), ("content", 3, CONTENT_SALT)])
def test_batch_shingles_equal_shingle_hashes(family: str, size: int, salt: int) -> None:
    tokens = hash_tokens(TEXTS)
    values, offsets = (
        (tokens.words, tokens.word_offsets)
        if family == "word"
        else (tokens.content, tokens.content_offsets)
    )
    hashes, shingle_offsets = batch_shingles(values, offsets, size=size, salt=salt)
    for text, mine in zip(TEXTS, _split(hashes, shingle_offsets), strict=True):
        words = tokenize(text)
        words = words if family == "word" else content_tokens(words)
        assert mine == shingle_hashes(words.words, size=size, salt=salt).tolist()


def _reference_keys(texts: list[str], *, first_doc: int = 0) -> tuple[np.ndarray, np.ndarray]:
    """Word and both-family keys, article by article, with the scalar reference code."""
    word_keys, content_keys = [], []
    for doc, text in enumerate(texts, start=first_doc):
        tokens = tokenize(text)
        words = shingle_hashes(tokens.words, size=SHINGLE_SIZE)
        content = shingle_hashes(
            content_tokens(tokens).words, size=CONTENT_SHINGLE_SIZE, salt=CONTENT_SALT
        )
        for keys, hashes, window in (
            (word_keys, words, WORD_WINDOW),
            (content_keys, content, CONTENT_WINDOW),
        ):
            docs, kept = winnowed_rows([hashes], window=window)
            keys.append(pack_rows(docs + doc, kept))
    words = distinct(np.concatenate([np.zeros(0, np.uint64), *word_keys]))
    both = distinct(np.concatenate([words, *content_keys]))
    return words, both


def test_batch_fingerprints_equal_the_per_article_winnowing() -> None:
    found = fingerprint_texts(TEXTS, first_doc=7)
    words, both = _reference_keys(TEXTS, first_doc=7)
    assert np.array_equal(found.words, words)
    assert np.array_equal(found.both, both)
    assert found.documents == len(TEXTS)
    docs, _ = unpack_rows(found.both)
    assert set(docs.tolist()) == {7 + i for i, t in enumerate(TEXTS) if len(tokenize(t)) >= 3}


def test_winnow_tokens_on_random_documents_of_every_length() -> None:
    rng = np.random.default_rng(5)
    lengths = rng.integers(0, 40, size=300)
    tokens = rng.integers(0, 50, size=int(lengths.sum()), dtype=np.uint64)  # many repeats
    offsets = np.r_[0, np.cumsum(lengths)].astype(np.int64)
    for size, window in ((5, 4), (3, 3), (1, 2)):
        per_doc = [
            shingle_hashes([str(t) for t in tokens[a:b]], size=size)
            for a, b in itertools.pairwise(offsets)
        ]
        # shingle_hashes hashes words by name; winnow_tokens takes token hashes, so
        # compare with hashes of the same names.
        names = np.array([word_hash(str(t)) for t in range(50)], dtype=np.uint64)
        keys = winnow_tokens(names[tokens], offsets, size=size, window=window)
        docs, hashes = winnowed_rows(per_doc, window=window)
        assert np.array_equal(keys, pack_rows(docs, hashes)), (size, window)


def test_fingerprint_pairs_are_those_of_the_reference_rows() -> None:
    words, both = _reference_keys(TEXTS)
    found = fingerprint_texts(TEXTS)
    assert np.array_equal(rare_pairs(*unpack_rows(found.both)), rare_pairs(*unpack_rows(both)))
    assert np.array_equal(lsh_pairs(*unpack_rows(found.words)), lsh_pairs(*unpack_rows(words)))


def test_document_frequencies_count_each_document_once() -> None:
    frequencies = DocumentFrequencies()
    frequencies.add(hash_tokens(["Said said SAID, he said.", "He said no.", ""]))
    frequencies.add(hash_tokens(["No, he did not."]))
    assert frequencies.documents == 4
    assert frequencies.of(["said", "he", "no", "did", "absent"]).tolist() == [2, 3, 2, 1, 0]
    assert DocumentFrequencies().of(["said"]).tolist() == [0]
