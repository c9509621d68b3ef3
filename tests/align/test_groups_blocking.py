"""Claim alignment blocks pairs before scoring them, and the groups stay the same."""

from __future__ import annotations

import numpy as np
from scipy.cluster.hierarchy import fcluster, linkage
from scipy.spatial.distance import squareform

from storytrace.align.groups import (
    DEFAULT_THRESHOLD,
    SCORE_MARGIN,
    candidate_pairs,
    group_claims,
    pair_scores,
)
from storytrace.records import Claim, Quantity


def _dense_groups(claims: list[Claim], vectors: np.ndarray) -> list[list[str]]:
    """The unblocked reference: every pair scored, components, then average link."""
    scores = pair_scores(claims, vectors)
    n = len(claims)
    parent = list(range(n))

    def find(x: int) -> int:
        while parent[x] != x:
            x = parent[x]
        return x

    for i, j in zip(*np.nonzero(np.triu(scores, k=1) >= DEFAULT_THRESHOLD), strict=True):
        parent[find(int(i))] = find(int(j))
    groups = []
    for root in sorted({find(i) for i in range(n)}):
        members = [i for i in range(n) if find(i) == root]
        if len(members) == 1:
            groups.append(members)
            continue
        distances = np.clip(1.0 - scores[np.ix_(members, members)], 0.0, None)
        np.fill_diagonal(distances, 0.0)
        tree = linkage(squareform(distances, checks=False), method="average")
        labels = fcluster(tree, t=1.0 - DEFAULT_THRESHOLD, criterion="distance")
        for label in sorted(set(labels.tolist())):
            groups.append([m for m, lab in zip(members, labels, strict=True) if lab == label])
    groups.sort(key=lambda group: group[0])
    return [[claims[i].id for i in group] for group in groups]


def _story(n: int, seed: int = 7) -> tuple[list[Claim], np.ndarray]:
    """``n`` claims around 60 facts told several ways, some with counts that agree or not."""
    rng = np.random.default_rng(seed)
    facts = rng.normal(size=(60, 32))
    vectors = facts[rng.integers(0, 60, size=n)] + rng.normal(scale=0.9, size=(n, 32))
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    claims = []
    for i in range(n):
        count = int(rng.integers(1, 4)) * 10
        text = f"claim {i}: {count} people"
        quantity = Quantity(f"{count} people", count, count, count, "people")
        claims.append(
            Claim(f"a{i % 9}:{i}", f"a{i % 9}", text, (0, len(text)), quantities=(quantity,))
        )
    return claims, vectors.astype(np.float32)


def test_blocked_grouping_equals_scoring_every_pair() -> None:
    claims, vectors = _story(400)
    blocked = [[c.id for c in group] for group in group_claims(claims, vectors=vectors)]
    assert blocked == _dense_groups(claims, vectors)
    assert any(len(group) > 2 for group in blocked)  # the check has something to compare


def test_each_claim_is_scored_against_its_nearest_claims_only() -> None:
    claims, vectors = _story(400)
    floor = DEFAULT_THRESHOLD - SCORE_MARGIN
    first, second, cosines = candidate_pairs(vectors, floor, neighbours=3)
    assert len(first) <= 3 * len(claims)
    assert np.all(first < second)
    assert np.all(cosines >= floor - 1e-6)
    dense = vectors @ vectors.T
    np.fill_diagonal(dense, -np.inf)
    for i in range(0, 400, 37):  # each claim keeps its nearest neighbour above the floor
        j = int(np.argmax(dense[i]))
        if dense[i, j] >= floor:
            assert (min(i, j), max(i, j)) in set(zip(first.tolist(), second.tolist(), strict=True))


def test_no_pair_below_the_floor_and_none_from_one_claim() -> None:
    vectors = np.eye(3, dtype=np.float32)
    first, second, _ = candidate_pairs(vectors, 0.1)
    assert len(first) == len(second) == 0
    first, second, _ = candidate_pairs(vectors[:1], 0.1)
    assert len(first) == 0
