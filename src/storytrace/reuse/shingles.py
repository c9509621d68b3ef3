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

__all__ = ["SHINGLE_SIZE", "Tokens", "shingle_hashes", "shingle_rows", "tokenize"]

SHINGLE_SIZE = 5

_WORD = re.compile(r"\d+(?:[.,]\d+)*|[^\W_]+(?:['’][^\W_]+)*")
_APOSTROPHES = str.maketrans("", "", "'’")
# Odd 64-bit multiplier for the polynomial combination of token hashes.
_MULTIPLIER = np.uint64(0x9E3779B97F4A7C15)

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


def _normalise(word: str) -> str:
    if word[0].isdigit():
        return word.replace(",", "")
    return unicodedata.normalize("NFKC", word).casefold().translate(_APOSTROPHES)


def tokenize(text: str) -> Tokens:
    """Split ``text`` into normalised word tokens with offsets into ``text``.

    Example:
        >>> tokenize("“Putin’s 20,000 men,” he said.").words
        ('putins', '20000', 'men', 'he', 'said')
    """
    matches = list(_WORD.finditer(text))
    return Tokens(
        words=tuple(_normalise(m.group()) for m in matches),
        starts=tuple(m.start() for m in matches),
        ends=tuple(m.end() for m in matches),
    )


def _word_hash(word: str) -> int:
    return int.from_bytes(hashlib.blake2b(word.encode("utf-8"), digest_size=8).digest(), "little")


def _mix(values: U64) -> U64:
    """MurmurHash3's 64-bit finaliser: spreads the polynomial sums over all bits."""
    values = values ^ (values >> np.uint64(33))
    values = values * np.uint64(0xFF51AFD7ED558CCD)
    values = values ^ (values >> np.uint64(33))
    values = values * np.uint64(0xC4CEB9FE1A85EC53)
    return values ^ (values >> np.uint64(33))


def shingle_hashes(words: Sequence[str], *, size: int = SHINGLE_SIZE) -> U64:
    """Stable 64-bit hashes of the word ``size``-grams of ``words``, in text order.

    Entry ``i`` hashes ``words[i : i + size]``; a text shorter than ``size`` has none.
    The hashes do not depend on the Python process (no ``hash()`` salt), so rows built
    on different machines join.
    """
    count = len(words) - size + 1
    if count <= 0:
        return np.zeros(0, dtype=np.uint64)
    cache: dict[str, int] = {}
    token = np.array([cache.setdefault(w, _word_hash(w)) for w in words], dtype=np.uint64)
    combined = np.zeros(count, dtype=np.uint64)
    for offset in range(size):
        combined = combined * _MULTIPLIER + token[offset : offset + count]
    return _mix(combined)


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
