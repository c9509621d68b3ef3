"""Batch fingerprints: texts → token hashes → word and content shingles → winnowed rows.

The same shingles and fingerprints as :mod:`storytrace.reuse.shingles` computes for one
article, computed for a whole batch at once:

1. **Token hashes.** Each text is cut at whitespace; every distinct chunk is split by
   the tokeniser's regular expression, normalised, stemmed and hashed once per batch
   (a vocabulary), so the per-token Python work is a ``str.split`` and one dict
   look-up. The word and content-word streams share this single pass.
2. **Shingles.** Polynomial hashes of word 5-grams and content-word 3-grams over the
   concatenated token hashes of all documents, one numpy operation per offset;
   shingles that straddle two documents are dropped.
3. **Winnowing.** The sliding minimum of every window of shingles, windows that
   straddle two documents and repeats of the previous minimum dropped, packed with
   the document number into one 64-bit key per ``(doc, fingerprint)`` row (see
   :func:`~storytrace.reuse.shingles.pack_rows`).

Every step is an array operation (a window function or a filter in SQL terms), so
a relational engine can run the same definition.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from storytrace.reuse.shingles import (
    CONTENT_SHINGLE_SIZE,
    I64,
    MULTIPLIER,
    SHINGLE_SIZE,
    TOKEN_PATTERN,
    U64,
    content_stem,
    distinct,
    mix_hashes,
    normalise_word,
    pack_rows,
    unpack_rows,
    winnow,
    word_hash,
)

__all__ = [
    "CONTENT_SALT",
    "CONTENT_WINDOW",
    "WORD_WINDOW",
    "DocumentFrequencies",
    "Fingerprints",
    "TokenHashes",
    "Vocabulary",
    "batch_shingles",
    "fingerprint_texts",
    "fingerprint_tokens",
    "hash_tokens",
    "winnow_tokens",
    "winnowed_rows",
]

CONTENT_SALT = 0x5EED_C0_47E4
WORD_WINDOW = 4  # 5-word shingles: every shared run of 8 words is indexed
CONTENT_WINDOW = 3  # 3-word content shingles: every shared run of 5 content words

_DOC_MASK = np.uint64((1 << 24) - 1)  # the low bits pack_rows gives the doc number
# A vocabulary larger than this is emptied between batches (its entries are only
# a cache: hashes do not depend on it).
_VOCABULARY_LIMIT = 2_000_000


class Vocabulary(dict[str, int]):
    """Whitespace-free chunk of text → its tokens' rows in the hash tables, filled on first sight.

    Texts are cut at whitespace (``str.split``, at C speed) and each distinct chunk
    ("said,", "(AP)", "U.S.", "—") is split by the tokeniser's pattern once, here. No
    token holds whitespace and the pattern looks neither behind nor ahead, so the
    tokens of the chunks, in order, are the tokens of the text.
    """

    def __init__(self) -> None:
        super().__init__()
        self.first: list[int] = []
        self.count: list[int] = []
        self.words: list[int] = []
        self.stems: list[int] = []
        self.content: list[bool] = []
        self._cache = self._empty()

    @staticmethod
    def _empty() -> tuple[I64, I64, U64, U64, npt.NDArray[np.bool_]]:
        return (
            np.zeros(0, np.int64),
            np.zeros(0, np.int64),
            np.zeros(0, np.uint64),
            np.zeros(0, np.uint64),
            np.zeros(0, np.bool_),
        )

    def __missing__(self, chunk: str) -> int:
        row = self[chunk] = len(self.first)
        tokens = TOKEN_PATTERN.findall(chunk)
        self.first.append(len(self.words))
        self.count.append(len(tokens))
        for surface in tokens:
            word = normalise_word(surface)
            stem = content_stem(word)
            self.words.append(word_hash(word))
            self.stems.append(word_hash(stem) if stem else 0)
            self.content.append(bool(stem))
        return row

    def arrays(self) -> tuple[I64, I64, U64, U64, npt.NDArray[np.bool_]]:
        """Per chunk row: first token row and token count; per token row: word hash,
        content-stem hash and is-content flag. Rows added since the last call are
        converted and appended; the rest is cached."""
        first, count, words, stems, content = self._cache
        if len(first) < len(self.first):
            rows, tokens = len(first), len(words)
            self._cache = first, count, words, stems, content = (
                np.concatenate([first, np.array(self.first[rows:], dtype=np.int64)]),
                np.concatenate([count, np.array(self.count[rows:], dtype=np.int64)]),
                np.concatenate([words, np.array(self.words[tokens:], dtype=np.uint64)]),
                np.concatenate([stems, np.array(self.stems[tokens:], dtype=np.uint64)]),
                np.concatenate([content, np.array(self.content[tokens:], dtype=np.bool_)]),
            )
        return first, count, words, stems, content

    def trim(self) -> None:
        """Forget every entry once the vocabulary outgrows its limit."""
        if len(self) > _VOCABULARY_LIMIT:
            self.clear()
            for table in (self.first, self.count, self.words, self.stems, self.content):
                table.clear()
            self._cache = self._empty()


@dataclass(frozen=True)
class TokenHashes:
    """Token hashes of a batch, documents one after another.

    Document ``d``'s words are ``words[word_offsets[d] : word_offsets[d + 1]]`` and
    its content words (stems of non-stop words) likewise in ``content``.
    """

    words: U64
    word_offsets: I64
    content: U64
    content_offsets: I64

    def __len__(self) -> int:
        return len(self.word_offsets) - 1


def _offsets(lengths: I64) -> I64:
    offsets = np.zeros(len(lengths) + 1, dtype=np.int64)
    np.cumsum(lengths, out=offsets[1:])
    return offsets


def hash_tokens(texts: Sequence[str], vocabulary: Vocabulary | None = None) -> TokenHashes:
    """The word and content-word hashes of each text, in one pass over its chunks.

    Equal, text by text, to ``tokenize`` → ``word_hash`` and ``content_tokens`` →
    ``word_hash`` of :mod:`storytrace.reuse.shingles`.
    """
    vocabulary = Vocabulary() if vocabulary is None else vocabulary
    vocabulary.trim()
    chunks: list[str] = []
    per_text = np.zeros(len(texts), dtype=np.int64)
    for position, text in enumerate(texts):
        split = text.split()
        per_text[position] = len(split)
        chunks.extend(split)
    rows = np.fromiter(map(vocabulary.__getitem__, chunks), dtype=np.int64, count=len(chunks))
    first, count, words, stems, is_content = vocabulary.arrays()
    first, count = first[rows], count[rows]
    starts = np.cumsum(count) - count
    tokens = np.repeat(first - starts, count) + np.arange(int(count.sum()), dtype=np.int64)
    chunk_text = np.repeat(np.arange(len(texts), dtype=np.int64), per_text)
    lengths = np.bincount(chunk_text, weights=count, minlength=len(texts)).astype(np.int64)
    keep = is_content[tokens]
    doc_of = np.repeat(np.arange(len(texts), dtype=np.int64), lengths)
    content_lengths = np.bincount(doc_of[keep], minlength=len(texts)).astype(np.int64)
    return TokenHashes(
        words=words[tokens],
        word_offsets=_offsets(lengths),
        content=stems[tokens[keep]],
        content_offsets=_offsets(content_lengths),
    )


def batch_shingles(tokens: U64, offsets: I64, *, size: int, salt: int = 0) -> tuple[U64, I64]:
    """Hashes of every document's token ``size``-grams, concatenated, and their offsets.

    Document ``d``'s shingles equal ``shingle_hashes`` of its tokens; a document with
    fewer than ``size`` tokens has none.
    """
    lengths = np.maximum(np.diff(offsets) - size + 1, 0)
    shingle_offsets = _offsets(lengths)
    count = len(tokens) - size + 1
    if count <= 0 or not shingle_offsets[-1]:
        return np.zeros(0, dtype=np.uint64), shingle_offsets
    combined = np.full(count, salt, dtype=np.uint64)
    for offset in range(size):
        combined *= MULTIPLIER
        combined += tokens[offset : offset + count]
    starts = np.repeat(offsets[:-1] - shingle_offsets[:-1], lengths)
    starts += np.arange(shingle_offsets[-1], dtype=np.int64)
    return mix_hashes(combined[starts]), shingle_offsets


def winnow_tokens(
    tokens: U64, offsets: I64, *, size: int, window: int, salt: int = 0, first_doc: int = 0
) -> U64:
    """Distinct packed ``(doc, fingerprint)`` keys of every document's winnowed shingles.

    Document ``d`` (numbered ``first_doc + d``) keeps what ``winnow`` keeps of
    ``shingle_hashes(its tokens, size=size, salt=salt)``: the minimum of every
    ``window`` consecutive shingles, or all of its shingles when it has fewer. The
    shingles are hashed over the concatenation (those straddling two documents are
    never selected), windows straddling two documents are dropped, and a window
    repeating the previous window's minimum is dropped before the sort. Sorted by
    fingerprint, then doc.
    """
    lengths = np.diff(offsets)
    count = len(tokens) - size + 1
    if count <= 0:
        return np.zeros(0, dtype=np.uint64)
    combined = np.full(count, salt, dtype=np.uint64)
    for offset in range(size):
        combined *= MULTIPLIER
        combined += tokens[offset : offset + count]
    hashes = mix_hashes(combined)
    del combined
    doc_of = np.repeat(np.arange(first_doc, first_doc + len(lengths), dtype=np.uint64), lengths)
    parts = [np.zeros(0, dtype=np.uint64)]
    windows = count - window + 1
    if windows > 0:
        minimum = hashes[:windows].copy()
        for offset in range(1, window):
            np.minimum(minimum, hashes[offset : offset + windows], out=minimum)
        inside = doc_of[:windows] == doc_of[size + window - 2 :]
        minimum, docs = minimum[inside], doc_of[:windows][inside]
        fresh = np.ones(len(minimum), dtype=np.bool_)
        fresh[1:] = (minimum[1:] != minimum[:-1]) | (docs[1:] != docs[:-1])
        parts.append(pack_rows(docs[fresh], minimum[fresh]))
    short = (lengths >= size) & (lengths < size + window - 1)
    if short.any():
        whole = (doc_of[:count] == doc_of[size - 1 :]) & np.repeat(short, lengths)[:count]
        parts.append(pack_rows(doc_of[:count][whole], hashes[whole]))
    return distinct(np.concatenate(parts))


def winnowed_rows(shingles: Sequence[U64], *, window: int = WORD_WINDOW) -> tuple[I64, U64]:
    """The distinct ``(doc, fingerprint)`` rows of per-document shingle arrays, winnowed.

    The reference for :func:`winnow_tokens`: ``winnow`` document by document. The
    hash keeps its top 40 bits (the doc number fills the low bits of the packed
    key; fingerprints are compared, never looked up, so the rare collision only adds
    a candidate that alignment rejects). Rows are sorted by fingerprint, then doc.
    """
    keys = [
        pack_rows(np.full(len(kept), doc, dtype=np.uint64), kept)
        for doc, kept in enumerate(winnow(h, window=window) for h in shingles)
    ]
    return unpack_rows(distinct(np.concatenate([np.zeros(0, dtype=np.uint64), *keys])))


class DocumentFrequencies:
    """How many documents of a batch hold each word: a table of (word hash, count) rows.

    SQL: ``SELECT word, count(DISTINCT doc) FROM tokens GROUP BY word``. Words are
    keyed by the top 40 bits of their hash.
    """

    def __init__(self) -> None:
        self.documents = 0
        self._parts: list[tuple[U64, I64]] = []
        self._table: tuple[U64, I64] | None = None

    def add(self, tokens: TokenHashes) -> None:
        """Count the distinct words of each document of ``tokens``."""
        lengths = np.diff(tokens.word_offsets)
        docs = np.repeat(np.arange(len(lengths), dtype=np.uint64), lengths)
        _, words = unpack_rows(distinct(pack_rows(docs, tokens.words)))
        hashes, counts = np.unique(words, return_counts=True)
        self._parts.append((hashes, counts.astype(np.int64)))
        self.documents += len(lengths)
        self._table = None

    def _merged(self) -> tuple[U64, I64]:
        if self._table is None:
            hashes = np.concatenate([np.zeros(0, np.uint64), *(h for h, _ in self._parts)])
            counts = np.concatenate([np.zeros(0, np.int64), *(c for _, c in self._parts)])
            order = np.argsort(hashes, kind="stable")
            hashes, counts = hashes[order], counts[order]
            starts = np.flatnonzero(np.r_[True, hashes[1:] != hashes[:-1]])[: len(hashes)]
            summed = np.add.reduceat(counts, starts) if len(hashes) else counts
            self._table = (hashes[starts], summed.astype(np.int64))
            self._parts = [self._table]
        return self._table

    def of(self, words: Sequence[str]) -> I64:
        """The document frequency of each word (0 for a word no document holds)."""
        hashes, counts = self._merged()
        if not len(hashes):
            return np.zeros(len(words), dtype=np.int64)
        keys = np.array([word_hash(w) for w in words], dtype=np.uint64) & ~_DOC_MASK
        where = np.minimum(np.searchsorted(hashes, keys), len(hashes) - 1)
        return np.where(hashes[where] == keys, counts[where], 0).astype(np.int64)


@dataclass(frozen=True)
class Fingerprints:
    """Packed ``(doc, fingerprint)`` keys of a batch: word shingles, and both families."""

    words: U64
    both: U64
    documents: int


def fingerprint_texts(
    texts: Sequence[str], *, first_doc: int = 0, vocabulary: Vocabulary | None = None
) -> Fingerprints:
    """Winnowed word and content-word fingerprints of ``texts``, numbered from ``first_doc``."""
    tokens = hash_tokens(texts, vocabulary)
    return fingerprint_tokens(tokens, first_doc=first_doc)


def fingerprint_tokens(tokens: TokenHashes, *, first_doc: int = 0) -> Fingerprints:
    """Winnowed fingerprints of both shingle families from a batch's token hashes."""
    words = winnow_tokens(
        tokens.words,
        tokens.word_offsets,
        size=SHINGLE_SIZE,
        window=WORD_WINDOW,
        first_doc=first_doc,
    )
    content = winnow_tokens(
        tokens.content,
        tokens.content_offsets,
        size=CONTENT_SHINGLE_SIZE,
        window=CONTENT_WINDOW,
        salt=CONTENT_SALT,
        first_doc=first_doc,
    )
    return Fingerprints(
        words=words, both=distinct(np.concatenate([words, content])), documents=len(tokens)
    )
