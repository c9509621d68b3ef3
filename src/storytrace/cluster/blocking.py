"""Candidate pairs for story grouping without an all-pairs matrix.

The four views of :mod:`storytrace.cluster.features` are kept as row matrices: the unit
embeddings and three sparse TF-IDF matrices fitted on the whole corpus (the IDF is the
corpus's, as in :func:`~storytrace.cluster.features.global_views`), so the similarity of
any pair, or of any block of rows against another, is exactly the one the dense matrix
holds, computed only where asked.

Pairs are scored a block of rows at a time against the articles inside the date window
(two dated articles more than the window apart are never linked, so they are never
compared); each row keeps its ``top_k`` best neighbours at or above the cut. Memory is
linear in the number of articles: ``block x window`` at a time, ``top_k`` pairs a row.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Protocol

import numpy as np
import numpy.typing as npt
from scipy import sparse
from sklearn.feature_extraction.text import TfidfVectorizer

from storytrace.cluster.embed import Vectors
from storytrace.cluster.features import _WHITESPACE_SEPARATED, WEIGHTS, article_views

BLOCK = 512  # rows scored together
TOP_K = 40  # neighbours kept per article (at or above the cut)
I64 = npt.NDArray[np.int64]
Edges = tuple[I64, I64, npt.NDArray[np.float32]]  # rows, columns, similarity


@dataclass(frozen=True)
class Views:
    """The four views of a corpus as row matrices (``sparse`` ones L2-normalised)."""

    embedding: Vectors
    names: sparse.csr_matrix
    facts: sparse.csr_matrix
    words: sparse.csr_matrix

    def __len__(self) -> int:
        return int(self.embedding.shape[0])

    def block(self, rows: Sequence[int] | I64, cols: Sequence[int] | I64) -> dict[str, Vectors]:
        """Each view's cosines between ``rows`` and ``cols`` (dense, ``rows x cols``)."""
        r, c = np.asarray(rows, dtype=np.int64), np.asarray(cols, dtype=np.int64)
        found = {"embedding": np.asarray(self.embedding[r] @ self.embedding[c].T, np.float32)}
        for name in ("names", "facts", "words"):
            matrix: sparse.csr_matrix = getattr(self, name)
            found[name] = np.asarray((matrix[r] @ matrix[c].T).toarray(), dtype=np.float32)
        return found

    def combined(self, rows: Sequence[int] | I64, cols: Sequence[int] | I64) -> Vectors:
        """The weighted similarity of ``rows`` against ``cols``: 1 on an article itself."""
        total = sum(WEIGHTS.values())
        views = self.block(rows, cols)
        out = np.zeros((len(rows), len(cols)), dtype=np.float32)
        for name, matrix in views.items():
            out += (WEIGHTS[name] / total) * matrix
        same = np.asarray(rows)[:, None] == np.asarray(cols)[None, :]
        out[same] = 1.0
        return out


def _tfidf(texts: Sequence[str], **options: object) -> sparse.csr_matrix:
    """Unit TF-IDF rows, or an all-zero matrix where ``_cosines`` would give zeros."""
    empty = sparse.csr_matrix((len(texts), 1), dtype=np.float32)
    if not any(t.strip("- ") for t in texts):
        return empty
    try:
        matrix = TfidfVectorizer(sublinear_tf=True, **options).fit_transform(texts)
    except ValueError:  # every token filtered out
        return empty
    return sparse.csr_matrix(matrix, dtype=np.float32)


def corpus_views(texts: Sequence[str], vectors: Vectors) -> Views:
    """The views of every article (``texts`` are title and body, ``vectors`` their rows)."""
    names, facts = zip(*(article_views(t) for t in texts), strict=True) if texts else ((), ())
    return Views(
        embedding=np.asarray(vectors, dtype=np.float32),
        names=_tfidf(names, token_pattern=_WHITESPACE_SEPARATED),
        facts=_tfidf(facts, token_pattern=_WHITESPACE_SEPARATED),
        words=_tfidf(texts, stop_words="english"),
    )


def day_numbers(published: Iterable[str | None]) -> npt.NDArray[np.float64]:
    """Each article's day (proleptic ordinal), NaN when its date is unknown or unreadable."""
    days = []
    for value in published:
        try:
            days.append(float(dt.date.fromisoformat((value or "")[:10]).toordinal()))
        except ValueError:
            days.append(np.nan)
    return np.array(days, dtype=np.float64)


def _window(order: I64, days: npt.NDArray[np.float64], lo: float, hi: float) -> I64:
    """Positions (of ``order``, sorted by day) of dated articles on days ``lo..hi``."""
    sorted_days = days[order]
    first = int(np.searchsorted(sorted_days, lo, side="left"))
    last = int(np.searchsorted(sorted_days, hi, side="right"))
    return order[first:last]


def row_blocks(
    days: npt.NDArray[np.float64], rows: Sequence[int] | I64 | None = None, *, block: int = BLOCK
) -> list[I64]:
    """The blocks of ``rows`` (every article by default) scored together, in order: by day,
    undated articles last, ``block`` at a time."""
    n = len(days)
    chosen = np.arange(n) if rows is None else np.asarray(sorted(set(rows)), dtype=np.int64)
    chosen = chosen[np.argsort(np.nan_to_num(days[chosen], nan=np.inf), kind="stable")]
    return [chosen[start : start + block] for start in range(0, len(chosen), block)]


def block_edges(
    views: Views,
    days: npt.NDArray[np.float64],
    part: I64,
    *,
    cut: float,
    window_days: int,
    top_k: int = TOP_K,
) -> Edges:
    """The pairs of one block of rows: each with its ``top_k`` best partners inside the
    date window scoring at least ``cut`` (undated articles meet every article)."""
    n = len(views)
    dated = np.flatnonzero(~np.isnan(days))
    undated = np.flatnonzero(np.isnan(days))
    order = dated[np.argsort(days[dated], kind="stable")]
    part_days = days[part]
    if np.isnan(part_days).any():
        cols = np.arange(n)
    else:
        lo, hi = part_days.min() - window_days, part_days.max() + window_days
        cols = np.concatenate([_window(order, days, lo, hi), undated])
    if not len(cols) or not len(part):
        return _no_edges()
    scores = views.combined(part, cols)
    apart = np.abs(part_days[:, None] - days[cols][None, :]) > window_days  # NaN: False
    scores[apart] = -1.0
    scores[part[:, None] == cols[None, :]] = -1.0
    k = min(top_k, len(cols))
    best = np.argpartition(-scores, k - 1, axis=1)[:, :k]
    picked = np.take_along_axis(scores, best, axis=1)
    keep = picked >= cut
    return np.repeat(part, k).reshape(len(part), k)[keep], cols[best][keep], picked[keep]


def join_edges(found: Sequence[Edges]) -> Edges:
    """Blocks' edges one after another."""
    if not found:
        return _no_edges()
    return tuple(np.concatenate([f[i] for f in found]) for i in range(3))  # type: ignore[return-value]


def _no_edges() -> Edges:
    empty = np.zeros(0, dtype=np.int64)
    return empty, empty, np.zeros(0, dtype=np.float32)


def candidate_edges(
    views: Views,
    days: npt.NDArray[np.float64],
    *,
    cut: float,
    window_days: int,
    rows: Sequence[int] | I64 | None = None,
    top_k: int = TOP_K,
    block: int = BLOCK,
) -> Edges:
    """Pairs scoring at least ``cut``, each of ``rows`` (every article by default) with its
    ``top_k`` best partners inside the date window (undated articles meet every article):
    :func:`block_edges` over each of :func:`row_blocks` in turn."""
    return join_edges(
        [
            block_edges(views, days, part, cut=cut, window_days=window_days, top_k=top_k)
            for part in row_blocks(days, rows, block=block)
        ]
    )


class Candidates(Protocol):
    """Where candidate pairs are scored: :func:`candidate_edges` or an engine's own."""

    def __call__(
        self,
        views: Views,
        days: npt.NDArray[np.float64],
        *,
        cut: float,
        window_days: int,
        rows: Sequence[int] | I64 | None = None,
    ) -> Edges: ...


Components = Callable[[int, Sequence[tuple[int, int]]], list[list[int]]]


def pair_components(n: int, pairs: Sequence[tuple[int, int]]) -> list[list[int]]:
    """Connected components of ``n`` positions joined by ``pairs``, each in order, ordered
    by their first position (what :func:`components` gives; the embedded engine's)."""
    empty = np.zeros(0, dtype=np.int64)
    return components(n, pairs, (empty, empty, np.zeros(0, dtype=np.float32)))


def components(n: int, pairs: Iterable[tuple[int, int]], edges: Edges) -> list[list[int]]:
    """Connected components (lists of positions, in order) of the candidate pairs and edges."""
    left, right, _ = edges
    extra = np.array(list(pairs), dtype=np.int64).reshape(-1, 2)
    rows = np.concatenate([left, extra[:, 0]])
    cols = np.concatenate([right, extra[:, 1]])
    graph = sparse.coo_matrix((np.ones(len(rows), dtype=np.int8), (rows, cols)), shape=(n, n))
    _, labels = sparse.csgraph.connected_components(graph, directed=False)
    groups: dict[int, list[int]] = {}
    for i, label in enumerate(labels.tolist()):
        groups.setdefault(label, []).append(i)
    return list(groups.values())


def background(
    views: Views,
    rows: Sequence[int],
    days: npt.NDArray[np.float64],
    *,
    below: float,
    window_days: int,
    samples: int = 4000,
    seed: int = 0,
) -> float:
    """The mean similarity of pairs of ``rows`` inside the date window scoring under ``below``
    (the pairs candidates leave out), from a fixed random sample of pairs."""
    if len(rows) < 2:
        return 0.0
    rng = np.random.default_rng(seed)
    chosen = np.asarray(rows, dtype=np.int64)
    left = chosen[rng.integers(0, len(chosen), samples)]
    right = chosen[rng.integers(0, len(chosen), samples)]
    keep = (left != right) & ~(np.abs(days[left] - days[right]) > window_days)
    left, right = left[keep], right[keep]
    if not len(left):
        return 0.0
    total = sum(WEIGHTS.values())
    scores = (
        WEIGHTS["embedding"]
        / total
        * np.einsum("ij,ij->i", views.embedding[left], views.embedding[right])
    )
    for name in ("names", "facts", "words"):
        matrix: sparse.csr_matrix = getattr(views, name)
        product = matrix[left].multiply(matrix[right]).sum(axis=1)
        scores = scores + WEIGHTS[name] / total * np.asarray(product).ravel()
    low = scores[scores < below]
    return float(low.mean()) if len(low) else 0.0


def similarity_of(edges: Edges) -> Mapping[tuple[int, int], float]:
    """The candidate edges as ``{(i, j): similarity}`` with ``i < j``."""
    out: dict[tuple[int, int], float] = {}
    for i, j, s in zip(*(a.tolist() for a in edges), strict=True):
        key = (i, j) if i < j else (j, i)
        out[key] = max(out.get(key, -1.0), s)
    return out
