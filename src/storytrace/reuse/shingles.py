"""Word tokens with character offsets, and hashed word n-gram shingles.

Tokens are normalised so that light re-typesetting does not hide reuse: case is
folded, punctuation (straight and curly quotes, dashes, brackets) is dropped,
apostrophes inside words are removed ("Putin's" and "Putin’s" are both
``putins``), and numbers are kept with their thousands separators removed.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
from spacy.lang.en.stop_words import STOP_WORDS

_STOP_WORDS = frozenset(w.replace("'", "").replace("’", "") for w in STOP_WORDS) | {"said", "says"}

__all__ = [
    "CONTENT_SHINGLE_SIZE",
    "MULTIPLIER",
    "SHINGLE_SIZE",
    "TOKEN_PATTERN",
    "Tokens",
    "content_stem",
    "content_tokens",
    "distinct",
    "mix_hashes",
    "normalise_word",
    "pack_rows",
    "shingle_hashes",
    "shingle_rows",
    "tokenize",
    "unpack_rows",
    "winnow",
    "word_hash",
]

SHINGLE_SIZE = 5
CONTENT_SHINGLE_SIZE = 3

TOKEN_PATTERN = re.compile(r"\d+(?:[.,]\d+)*|[^\W_]+(?:['’][^\W_]+)*")
_APOSTROPHES = str.maketrans("", "", "'’")
# Odd 64-bit multiplier for the polynomial combination of token hashes.
MULTIPLIER = np.uint64(0x9E3779B97F4A7C15)

# Per-process memo of word hashes and stems, cleared when it outgrows a vocabulary.
_CACHE_LIMIT = 2_000_000
_HASHES: dict[str, int] = {}
_STEMS: dict[str, str] = {}

_DOC_BITS = 24
_DOC_MASK = np.uint64((1 << _DOC_BITS) - 1)

U64 = npt.NDArray[np.uint64]
I64 = npt.NDArray[np.int64]


@dataclass(frozen=True)
class Tokens:
    """The normalised words of a text and their ``[start, end)`` character offsets."""

    words: tuple[str, ...]
    starts: tuple[int, ...]
    ends: tuple[int, ...]

    def __len__(self) -> int:
        return len(self.words)

    def char_span(self, first: int, stop: int) -> tuple[int, int]:
        """Character span of the words ``first`` up to (not including) ``stop``."""
        return (self.starts[first], self.ends[stop - 1])


def normalise_word(word: str) -> str:
    if word[0].isdigit():
        return word.replace(",", "")
    return unicodedata.normalize("NFKC", word).casefold().translate(_APOSTROPHES)


def tokenize(text: str) -> Tokens:
    """Split ``text`` into normalised word tokens with offsets into ``text``.

    Example:
        >>> tokenize("“Putin’s 20,000 men,” he said.").words
        ('putins', '20000', 'men', 'he', 'said')
    """
    matches = list(TOKEN_PATTERN.finditer(text))
    return Tokens(
        words=tuple(normalise_word(m.group()) for m in matches),
        starts=tuple(m.start() for m in matches),
        ends=tuple(m.end() for m in matches),
    )


def _stem(word: str) -> str:
    """A crude suffix-stripping stem: "reported", "reports", "reporting" -> "report"."""
    for suffix in ("ingly", "edly", "ing", "ies", "ied", "ed", "es", "ly", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


def content_stem(word: str) -> str:
    """The stem of a content word, "" for a function word (memoised: vocabularies are small)."""
    stem = _STEMS.get(word)
    if stem is None:
        if len(_STEMS) > _CACHE_LIMIT:
            _STEMS.clear()
        stem = _STEMS[word] = "" if len(word) <= 2 or word in _STOP_WORDS else _stem(word)
    return stem


def content_tokens(tokens: Tokens) -> Tokens:
    """The content words of ``tokens``, stemmed, with their offsets.

    Function words (spaCy's English stop list) and one- or two-letter words are
    dropped, so a paraphrase that only changes articles, prepositions, auxiliaries
    or inflections keeps the same content sequence.

    Example:
        >>> content_tokens(tokenize("The troops were reportedly refusing orders")).words
        ('troop', 'report', 'refus', 'order')
    """
    stems = [content_stem(word) for word in tokens.words]
    keep = [i for i, stem in enumerate(stems) if stem]
    return Tokens(
        words=tuple(stems[i] for i in keep),
        starts=tuple(tokens.starts[i] for i in keep),
        ends=tuple(tokens.ends[i] for i in keep),
    )


def word_hash(word: str) -> int:
    value = _HASHES.get(word)
    if value is None:
        if len(_HASHES) > _CACHE_LIMIT:
            _HASHES.clear()
        digest = hashlib.blake2b(word.encode("utf-8"), digest_size=8).digest()
        value = _HASHES[word] = int.from_bytes(digest, "little")
    return value


def mix_hashes(values: U64) -> U64:
    """MurmurHash3's 64-bit finaliser, elementwise: spreads values over all 64 bits."""
    shift = np.uint64(33)
    mixed = values >> shift
    mixed ^= values
    mixed *= np.uint64(0xFF51AFD7ED558CCD)
    spare = mixed >> shift
    mixed ^= spare
    mixed *= np.uint64(0xC4CEB9FE1A85EC53)
    np.right_shift(mixed, shift, out=spare)
    mixed ^= spare
    return mixed


def shingle_hashes(words: Sequence[str], *, size: int = SHINGLE_SIZE, salt: int = 0) -> U64:
    """Stable 64-bit hashes of the word ``size``-grams of ``words``, in text order.

    Entry ``i`` hashes ``words[i : i + size]``; a text shorter than ``size`` has none.
    The hashes do not depend on the Python process (no ``hash()`` salt), so rows built
    on different machines join. A non-zero ``salt`` keeps another family of shingles
    (content words) apart from the word shingles in one index.
    """
    count = len(words) - size + 1
    if count <= 0:
        return np.zeros(0, dtype=np.uint64)
    token = np.fromiter(map(word_hash, words), dtype=np.uint64, count=len(words))
    combined = np.full(count, salt, dtype=np.uint64)
    for offset in range(size):
        combined = combined * MULTIPLIER + token[offset : offset + count]
    return mix_hashes(combined)


def shingle_rows(shingles: Sequence[U64]) -> tuple[I64, U64]:
    """The distinct ``(doc, shingle)`` rows of a batch, as two parallel arrays.

    ``doc`` is the position of the document in ``shingles``. Rows are sorted by
    shingle, then doc: the table a relational engine would group by shingle.
    """
    docs = np.concatenate(
        [np.full(len(h), i, dtype=np.int64) for i, h in enumerate(shingles)]
        or [np.zeros(0, dtype=np.int64)]
    )
    hashes = np.concatenate(list(shingles) or [np.zeros(0, dtype=np.uint64)])
    order = np.lexsort((docs, hashes))
    docs, hashes = docs[order], hashes[order]
    keep = np.ones(len(docs), dtype=bool)
    keep[1:] = (hashes[1:] != hashes[:-1]) | (docs[1:] != docs[:-1])
    return docs[keep], hashes[keep]


def winnow(hashes: U64, *, window: int = 4) -> U64:
    """The distinct minimum hash of every ``window`` consecutive shingles (winnowing).

    Winnowing (Schleimer, Wilkerson and Aiken, 2003) keeps about ``2 / (window + 1)``
    of the shingles, chosen by content, so two texts sharing a run of
    ``window + size - 1`` words always share a kept shingle. With 5-word shingles and
    ``window=4``, every shared stretch of 8 words is still indexed. As SQL, a window
    function: ``MIN(hash) OVER (PARTITION BY doc ORDER BY pos ROWS 3 PRECEDING)``.

    Example:
        >>> winnow(np.array([5, 3, 9, 7, 8, 1], dtype=np.uint64), window=2).tolist()
        [1, 3, 7]
    """
    if len(hashes) < window:
        return np.unique(hashes)
    windows = np.lib.stride_tricks.sliding_window_view(hashes, window)
    return np.unique(windows.min(axis=1))


def pack_rows(docs: npt.NDArray[np.uint64] | I64, hashes: U64) -> U64:
    """One 64-bit key per row: the hash's top 40 bits, then the doc number."""
    return (hashes & ~_DOC_MASK) | docs.astype(np.uint64)


def unpack_rows(keys: U64) -> tuple[I64, U64]:
    """``(docs, hashes)`` of packed keys (the hash with its low bits cleared)."""
    return (keys & _DOC_MASK).astype(np.int64), keys & ~_DOC_MASK


def distinct(keys: U64) -> U64:
    """The sorted distinct values of ``keys`` (a radix sort; faster than ``np.unique``)."""
    ordered = np.sort(keys)
    keep = np.ones(len(ordered), dtype=bool)
    keep[1:] = ordered[1:] != ordered[:-1]
    return ordered[keep]
