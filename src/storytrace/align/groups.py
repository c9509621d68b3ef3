"""Claim alignment: the claims of one story that state the same fact end up in one group."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from scipy.cluster.hierarchy import fcluster, linkage
from scipy.spatial.distance import squareform

from storytrace.align.compare import predicate_clash, quantity_agreement
from storytrace.cluster.embed import Vectors, embed
from storytrace.records import Claim

DEFAULT_THRESHOLD = 0.58  # best F1 of plain cosine on MRPC dev lies at 0.55-0.65


def _content(claim: Claim) -> str:
    """The words that carry the fact: a quote's content rather than "X said".

    The whole sentence is kept when the attributed content is a small part of it (a
    trailing "..., an official told the Courier" leaves the fact before the cue).
    """
    attribution = claim.attribution
    if attribution is not None and attribution.content_span is not None:
        start, end = attribution.content_span
        lo, hi = max(start, claim.span[0]), min(end, claim.span[1])
        if hi - lo > max(20, 0.4 * len(claim.text)):
            offset = claim.span[0]
            return claim.text[lo - offset : hi - offset]
    return claim.text


def pair_scores(claims: Sequence[Claim], vectors: Vectors) -> Vectors:
    """Same-fact scores for every pair: embedding cosine adjusted by counts and predicates."""
    scores = vectors @ vectors.T
    rows, cols = np.nonzero(np.triu(scores, k=1) >= DEFAULT_THRESHOLD - 0.15)
    for i, j in zip(rows.tolist(), cols.tolist(), strict=True):
        a, b = claims[i], claims[j]
        adjust = 0.2 * quantity_agreement(a, b)
        if predicate_clash(a, b):
            adjust -= 0.25
        scores[i, j] = scores[j, i] = scores[i, j] + adjust
    return scores


def group_claims(
    claims: Sequence[Claim], *, threshold: float = DEFAULT_THRESHOLD, vectors: Vectors | None = None
) -> list[list[Claim]]:
    """Groups of claims stating the same fact (average-link agglomeration), singletons included.

    Pairs are blocked first: only claims connected by pairs at or above the threshold are
    agglomerated together, so the cost follows the size of those components rather than
    the square of the story. An article's restatements of its own fact may share a group;
    the verdict counts articles and origins, never members.
    """
    if not claims:
        return []
    if vectors is None:
        vectors = embed([_content(c) for c in claims])
    scores = pair_scores(claims, vectors)
    groups: list[list[Claim]] = []
    for component in _components(scores, threshold):
        for cluster in _average_link(scores, component, threshold):
            groups.append([claims[i] for i in sorted(cluster)])
    groups.sort(key=lambda group: claims.index(group[0]))
    return groups


def _components(scores: Vectors, threshold: float) -> list[list[int]]:
    """Connected components of the graph of pairs at or above ``threshold`` (blocking)."""
    parent = list(range(len(scores)))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    rows, cols = np.nonzero(np.triu(scores, k=1) >= threshold)
    for i, j in zip(rows.tolist(), cols.tolist(), strict=True):
        parent[find(i)] = find(j)
    components: dict[int, list[int]] = {}
    for i in range(len(scores)):
        components.setdefault(find(i), []).append(i)
    return list(components.values())


def _average_link(scores: Vectors, members: list[int], threshold: float) -> list[list[int]]:
    """Average-link agglomeration inside one component (SciPy), cut at ``threshold``."""
    if len(members) == 1:
        return [members]
    block = scores[np.ix_(members, members)]
    distances = np.clip(1.0 - block, 0.0, None)
    np.fill_diagonal(distances, 0.0)
    tree = linkage(squareform(distances, checks=False), method="average")
    labels = fcluster(tree, t=1.0 - threshold, criterion="distance")
    clusters: dict[int, list[int]] = {}
    for member, label in zip(members, labels.tolist(), strict=True):
        clusters.setdefault(label, []).append(member)
    return list(clusters.values())
