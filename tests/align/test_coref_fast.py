"""The faster event-coreference steps give exactly what the plain computations give.

The constrained agglomeration keeps its matrix of means up to date instead of recomputing
it at every join, and set overlaps are sparse products prepared once per story: both are
checked here against the direct computations they replaced, ties included.
"""

from __future__ import annotations

import random

import numpy as np
import pytest

from storytrace.align.coref import _constrained
from storytrace.align.coref_features import PairInputs, _overlap, feature_block, mention_contexts
from storytrace.align.groups import vector_keys
from storytrace.records import Claim, EventMention


def _direct_constrained(
    block: np.ndarray, threshold: float, cannot: list[tuple[int, int]]
) -> list[int]:
    """The agglomeration as first written: the whole matrix of means at every step."""
    n = len(block)
    sums = block.astype(np.float64)
    np.fill_diagonal(sums, 0.0)
    sizes = np.ones(n)
    forbidden = np.eye(n, dtype=bool)
    for i, j in cannot:
        forbidden[i, j] = forbidden[j, i] = True
    alive = np.ones(n, dtype=bool)
    labels = list(range(n))
    while True:
        mean = sums / np.outer(sizes, sizes)
        mean[forbidden | ~alive[:, None] | ~alive[None, :]] = -1.0
        i, j = (int(x) for x in np.unravel_index(int(np.argmax(mean)), mean.shape))
        if mean[i, j] < threshold:
            return labels
        sums[i] += sums[j]
        sums[:, i] = sums[i]
        sums[i, i] = 0.0
        sizes[i] += sizes[j]
        forbidden[i] |= forbidden[j]
        forbidden[:, i] = forbidden[i]
        alive[j] = False
        labels = [int(i) if x == j else x for x in labels]


@pytest.mark.parametrize("seed", range(12))
def test_constrained_agglomeration_matches_the_direct_one(seed: int) -> None:
    rng = np.random.default_rng(seed)
    n = int(rng.integers(2, 60))
    levels = 4 if seed % 2 else 1000  # few levels: many tied means
    raw = np.round(rng.random((n, n)) * levels) / levels
    block = ((raw + raw.T) / 2).astype(np.float32)
    np.fill_diagonal(block, 1.0)
    cannot = [(int(a), int(b)) for a, b in rng.integers(0, n, (n // 3, 2)) if a != b]
    for threshold in (0.3, 0.5, 0.7):
        assert _constrained(block, threshold, cannot) == _direct_constrained(
            block, threshold, cannot
        )


def _direct_overlap(sets: list[frozenset[str]], rows: slice) -> tuple[np.ndarray, ...]:
    """Shared counts, Jaccard and conflict, pair by pair."""
    chosen = sets[rows]
    shared = np.array([[len(a & b) for b in sets] for a in chosen], dtype=np.float32)
    union = np.array([[len(a | b) for b in sets] for a in chosen], dtype=np.float32)
    jaccard = np.divide(shared, union, out=np.zeros_like(shared), where=union > 0)
    conflict = np.array(
        [[float(bool(a) and bool(b) and not a & b) for b in sets] for a in chosen],
        dtype=np.float32,
    )
    return shared, jaccard, conflict


def test_sparse_overlap_matches_pairwise_sets() -> None:
    rnd = random.Random(7)
    words = [f"w{i}" for i in range(30)]
    sets = [frozenset(rnd.sample(words, rnd.randint(0, 5))) for _ in range(40)]
    for rows in (slice(0, 40), slice(5, 17)):
        for found, expected in zip(_overlap(sets, rows), _direct_overlap(sets, rows), strict=True):
            assert found.dtype == np.float32
            np.testing.assert_array_equal(found, expected)
    empty = _overlap([frozenset(), frozenset()], slice(0, 2))
    assert [x.tolist() for x in empty] == [[[0.0, 0.0]] * 2] * 3


def _mentions() -> tuple[list[EventMention], dict[str, str]]:
    texts, mentions = {}, []
    sentences = ["Police arrested 12 protesters in Minsk on Monday.",
                 "Troops shelled Kharkiv and 3 people died.",
                 "The 12 protesters were detained by police in Minsk."]  # fmt: skip
    for a, text in enumerate(sentences * 3):
        article = f"a{a}"
        texts[article] = text
        word = text.split()[1]
        start = text.index(word)
        mentions.append(
            EventMention(f"{article}:e0", article, word, word.lower().rstrip("ed"),
                         (start, start + len(word)), (0, len(text)), claim_id=f"{article}:0")
        )  # fmt: skip
    return mentions, texts


def test_prepared_inputs_give_the_same_feature_blocks() -> None:
    mentions, texts = _mentions()
    rng = np.random.default_rng(3)
    vectors = {}
    for m in mentions:
        claim = Claim(m.claim_id or "", m.article_id, texts[m.article_id], (0, 1), mentions=(m,))
        vectors.update({k: rng.random(8).astype(np.float32) for k in vector_keys(claim)})
    from storytrace.align.coref_features import MentionVectors

    stored = {m.id: MentionVectors(vectors[m.claim_id or ""], vectors[m.id], vectors[m.id])
              for m in mentions}  # fmt: skip
    contexts = mention_contexts(mentions, texts, stored)
    inputs = PairInputs(contexts)
    for rows in (slice(0, 4), slice(4, 9)):
        np.testing.assert_array_equal(
            feature_block(contexts, rows, inputs), feature_block(contexts, rows)
        )
    names = [c.names for c in contexts]
    shared = feature_block(contexts, slice(0, 9))[..., 7]  # names_shared, capped at 3
    np.testing.assert_array_equal(shared, np.minimum(_direct_overlap(names, slice(0, 9))[0], 3))
