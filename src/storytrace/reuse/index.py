"""Each article's tokens and shingles for alignment, and the candidate pairs of a batch.

Two shingle families are indexed:

* **word shingles**: hashed 5-grams of the normalised words, which find verbatim and
  lightly edited copies and give exact passages;
* **content shingles**: hashed 3-grams of the stemmed content words (function words
  dropped), salted apart from the word shingles, which still match when a copy has
  been reworded: articles and auxiliaries changed, words inserted or dropped,
  inflections altered.

Only the winnowed fingerprints of each family are indexed (about 40 % of the
shingles for word shingles), which keeps the table small at corpus scale while
guaranteeing that every shared stretch of 8 words (word shingles) or 5 content words
(content shingles) leaves a shared row. Candidates are computed from the texts in
batches (:mod:`storytrace.reuse.fingerprints`, :mod:`storytrace.reuse.partitions`);
only the articles of candidate pairs are tokenised with offsets for alignment.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

import numpy as np
import numpy.typing as npt

from storytrace.records import Article
from storytrace.reuse.candidates import Pairs, filter_pairs, pair_filter
from storytrace.reuse.fingerprints import CONTENT_SALT, DocumentFrequencies
from storytrace.reuse.partitions import candidates_in_chunks
from storytrace.reuse.quotations import quoted_words
from storytrace.reuse.shingles import (
    CONTENT_SHINGLE_SIZE,
    SHINGLE_SIZE,
    U64,
    Tokens,
    content_tokens,
    shingle_hashes,
    tokenize,
)

__all__ = ["Shingled", "find_candidates", "publication_days", "shingle_article"]

_CHUNK = 20_000  # articles fingerprinted at a time


@dataclass(frozen=True)
class Shingled:
    """One article ready for reuse detection."""

    article: Article
    tokens: Tokens
    hashes: U64  # word shingles, in text order
    content: Tokens
    content_hashes: U64  # content shingles, in text order

    @functools.cached_property
    def quoted(self) -> tuple[bool, ...]:
        """For each token, whether it lies inside quotation marks (computed once per article)."""
        return quoted_words(self.tokens, self.article.text)


def shingle_article(article: Article) -> Shingled:
    """Tokens and both shingle families of one article."""
    tokens = tokenize(article.text)
    content = content_tokens(tokens)
    return Shingled(
        article=article,
        tokens=tokens,
        hashes=shingle_hashes(tokens.words, size=SHINGLE_SIZE),
        content=content,
        content_hashes=shingle_hashes(content.words, size=CONTENT_SHINGLE_SIZE, salt=CONTENT_SALT),
    )


def _days(published: str | None) -> float:
    if not published:
        return float("nan")
    try:
        moment = datetime.fromisoformat(published.strip().replace("Z", "+00:00"))
    except ValueError:
        return float("nan")
    return moment.replace(tzinfo=None).timestamp() / 86400.0


def publication_days(articles: Sequence[Article]) -> npt.NDArray[np.float64]:
    """Each article's publication time in days since the epoch (NaN when unknown)."""
    return np.array([_days(a.published) for a in articles], dtype=np.float64)


def find_candidates(
    articles: Sequence[Article],
    *,
    max_df: int = 50,
    min_shared: int = 2,
    bands: int = 32,
    rows: int = 4,
    window_days: float | None = None,
    same_outlet: bool = True,
    frequencies: DocumentFrequencies | None = None,
) -> Pairs:
    """Pairs of positions in ``articles`` likely to share text, filtered by date and outlet.

    Args:
        articles: the batch.
        max_df: a fingerprint in more documents than this is too common to pair them.
        min_shared: rare fingerprints a pair must share.
        bands, rows: MinHash LSH banding (see :func:`~storytrace.reuse.candidates.lsh_pairs`).
        window_days: drop pairs published further apart than this (unknown dates kept).
        same_outlet: keep pairs of two articles of one outlet.
        frequencies: if given, the batch's word document frequencies are counted into it.
    """
    texts = [a.text for a in articles]
    outlets, days = [a.outlet for a in articles], publication_days(articles)
    keep = pair_filter(outlets=outlets, days=days, window_days=window_days,
                       same_outlet=same_outlet)  # fmt: skip
    pairs = candidates_in_chunks(
        (texts[first : first + _CHUNK] for first in range(0, len(texts), _CHUNK)),
        max_df=max_df,
        min_shared=min_shared,
        bands=bands,
        rows=rows,
        frequencies=frequencies,
        keep=keep,  # pairs outside the window dropped as found (in a corpus of years: most)
    )
    return filter_pairs(pairs, outlets=outlets, days=days, window_days=window_days,
                        same_outlet=same_outlet)  # fmt: skip
