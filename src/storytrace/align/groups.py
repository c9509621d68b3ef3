"""Claim alignment: the claims of one story that state the same fact end up in one group."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np
import numpy.typing as npt
from scipy.cluster.hierarchy import fcluster, linkage
from scipy.sparse import coo_matrix
from scipy.sparse.csgraph import connected_components
from scipy.spatial.distance import squareform

from storytrace.align.compare import shares_slot
from storytrace.align.coref_features import MentionVectors, mention_lemma
from storytrace.align.pairs import CORROBORATION_CUT, SAME_FACT_CUT, compared_text, same_fact_scores
from storytrace.align.quotations import join_quotations
from storytrace.cluster.embed import Vectors, embed, embed_keyed
from storytrace.records import Claim

# Claims whose same-fact score (align/pairs.py) reaches this share a group. Best F1 of plain
# cosine on MRPC dev lies at 0.55-0.65; the seeds' and the example corpus's tests hold here.
DEFAULT_THRESHOLD = SAME_FACT_CUT
# Each claim is scored against its this many nearest claims only (blocking).
NEIGHBOURS = 50
# Pairs this far below the threshold are still scored: agreeing counts can lift them over.
SCORE_MARGIN = 0.15


def claim_vectors(claims: Sequence[Claim]) -> Vectors:
    """The vectors alignment compares claims by (embedded once, when the claims are read)."""
    return embed([compared_text(c) for c in claims])


SENTENCE = "#sentence"  # key suffix of a claim's whole-sentence vector (see read_vectors)
LEMMA = "#lemma"  # key suffix of a mention's lemma vector


def vector_keys(claim: Claim) -> list[str]:
    """The keys :func:`read_vectors` stores for a claim."""
    keys = [claim.id, *(k for m in claim.mentions for k in (m.id, m.id + LEMMA))]
    if claim.mentions and compared_text(claim) != claim.text:
        keys.append(claim.id + SENTENCE)
    return keys


def read_vectors(claims: Sequence[Claim]) -> dict[str, Vectors]:
    """Every vector alignment and event coreference need, from one encoder pass.

    By key: a claim id gives what alignment compares (:func:`claim_vectors`); a mention id
    its trigger's vector in its sentence, ``mention id + LEMMA`` its lemma's; ``claim id +
    SENTENCE`` the whole sentence's, where the claim is compared by a part of it (a
    quotation's content). Each distinct text is encoded once, its triggers read from the
    same forward pass.
    """
    texts: dict[str, list[tuple[str, tuple[int, int]]]] = {}
    for claim in claims:
        texts.setdefault(compared_text(claim), [])
        for mention in claim.mentions:
            local = (mention.span[0] - claim.span[0], mention.span[1] - claim.span[0])
            texts.setdefault(claim.text, []).append((mention.id, local))
            texts.setdefault(mention_lemma(mention), [])
    by_text, out = embed_keyed(texts)  # out: each mention's trigger vector, by mention id
    for claim in claims:
        out[claim.id] = by_text[compared_text(claim)]
        if claim.mentions and compared_text(claim) != claim.text:
            out[claim.id + SENTENCE] = by_text[claim.text]
        for mention in claim.mentions:
            out[mention.id + LEMMA] = by_text[mention_lemma(mention)]
    return out


def stored_mention_vectors(
    claims: Sequence[Claim], vectors: Mapping[str, Vectors]
) -> dict[str, MentionVectors]:
    """The sentence and trigger vectors of the claims' mentions, from :func:`read_vectors`
    keys (mentions whose vectors are not there are left out)."""
    out: dict[str, MentionVectors] = {}
    for claim in claims:
        differs = compared_text(claim) != claim.text
        sentence = vectors.get(claim.id + SENTENCE if differs else claim.id)
        if sentence is None:
            continue
        for mention in claim.mentions:
            trigger, lemma = vectors.get(mention.id), vectors.get(mention.id + LEMMA)
            if trigger is not None and lemma is not None:
                out[mention.id] = MentionVectors(sentence, trigger, lemma)
    return out


def pair_scores(claims: Sequence[Claim], vectors: Vectors) -> Vectors:
    """Same-fact scores for every pair (:func:`~storytrace.align.pairs.same_fact_scores`);
    pairs too far below the threshold to be lifted over it keep their cosine.

    Dense (quadratic): for a handful of claims. :func:`group_claims` scores only blocked pairs.
    """
    scores = vectors @ vectors.T
    rows, cols = np.nonzero(np.triu(scores, k=1) >= DEFAULT_THRESHOLD - SCORE_MARGIN)
    found = _scores(claims, rows, cols, scores[rows, cols])
    scores[rows, cols] = scores[cols, rows] = found
    return scores


def _scores(
    claims: Sequence[Claim],
    first: npt.NDArray[np.intp],
    second: npt.NDArray[np.intp],
    cosines: Vectors,
) -> Vectors:
    """The pair scorer's same-fact scores of the pairs ``(first[k], second[k])``."""
    firsts = [claims[i] for i in first.tolist()]
    return same_fact_scores(firsts, [claims[j] for j in second.tolist()], cosines.tolist())


def group_claims(
    claims: Sequence[Claim], *, threshold: float = DEFAULT_THRESHOLD, vectors: Vectors | None = None
) -> list[list[Claim]]:
    """Groups of claims stating the same fact (average-link agglomeration), singletons included.

    Pairs are blocked twice before they are scored: each claim meets only its
    :data:`NEIGHBOURS` nearest claims by embedding cosine (:func:`candidate_pairs`), and
    only claims connected by scored pairs at or above the threshold are agglomerated
    together. Scoring therefore costs O(n·k) and agglomeration follows the size of the
    connected components rather than the square of the story. Two claims of different
    articles scored between the threshold and the corroboration cut are one fact only when
    they share a slot (:func:`~storytrace.align.compare.shares_slot`: an action or a count):
    sentences of one topic told with other actions ("the crowd reacted loudly", "he
    focused on immigration") are neighbours, not one fact. The parts of one speaker's
    quotation are then joined (:func:`~storytrace.align.quotations.join_quotations`). An
    article's restatements of its own fact may share a group; the verdict counts articles
    and origins, never members.
    """
    if not claims:
        return []
    if vectors is None:
        vectors = claim_vectors(claims)
    first, second, cosines = candidate_pairs(vectors, threshold - SCORE_MARGIN)
    scores = _scores(claims, first, second, cosines).astype(np.float64)
    loose = np.flatnonzero((scores >= threshold) & (scores < max(threshold, CORROBORATION_CUT)))
    for k in loose.tolist():
        one, two = claims[int(first[k])], claims[int(second[k])]
        if one.article_id != two.article_id and not shares_slot(one, two):
            scores[k] = threshold - SCORE_MARGIN  # related words, no shared slot: not one fact
    linked = scores >= threshold
    graph = coo_matrix(
        (np.ones(int(linked.sum())), (first[linked], second[linked])), shape=(len(claims),) * 2
    )
    count, labels = connected_components(graph, directed=False)
    members_of = np.split(np.argsort(labels, kind="stable"), np.cumsum(np.bincount(labels))[:-1])
    inside = np.flatnonzero(labels[first] == labels[second])
    inside = inside[np.argsort(labels[first[inside]], kind="stable")]
    pairs_of = np.split(inside, np.searchsorted(labels[first[inside]], np.arange(1, count)))
    groups: list[list[int]] = []
    for members, pairs in zip(members_of, pairs_of, strict=True):
        if len(members) == 1:
            groups.append([int(members[0])])
            continue
        block = vectors[members] @ vectors[members].T
        a, b = np.searchsorted(members, first[pairs]), np.searchsorted(members, second[pairs])
        block[a, b] = block[b, a] = scores[pairs]
        for cluster in _average_link(block, threshold):
            groups.append([int(members[p]) for p in cluster])
    return [[claims[i] for i in group] for group in join_quotations(groups, claims)]


def candidate_pairs(
    vectors: Vectors, floor: float, *, neighbours: int = NEIGHBOURS, chunk: int = 1024
) -> tuple[npt.NDArray[np.intp], npt.NDArray[np.intp], Vectors]:
    """Blocked pairs ``i < j``: each claim with its ``neighbours`` nearest, cosine >= ``floor``.

    A pair is kept when either claim is among the other's nearest. Returns the two index
    arrays and the cosines. Neighbours are exact: the upper triangle of the cosine matrix
    is computed by blocks of ``chunk`` rows (memory O(chunk·n)), and only the pairs handed
    to scoring are kept, O(n·k) of them.
    """
    n = len(vectors)
    keep = min(neighbours, n - 1)
    firsts, seconds, found = [], [], []
    for start in range(0, max(0, n - 1), chunk):
        block = vectors[start : start + chunk] @ vectors[start:].T
        r, c = np.nonzero(block >= floor)
        upper = c > r
        r, c = r[upper], c[upper]
        firsts.append(r + start)
        seconds.append(c + start)
        found.append(block[r, c])
    if not firsts or keep < 1:
        empty = np.zeros(0, dtype=np.intp)
        return empty, empty, np.zeros(0, dtype=np.float32)
    first, second = np.concatenate(firsts), np.concatenate(seconds)
    cosines = np.concatenate(found).astype(np.float32)
    if np.any(np.bincount(np.concatenate([first, second]), minlength=n) > keep):
        near = _nearest_of_either(first, second, cosines, keep)
        first, second, cosines = first[near], second[near], cosines[near]
    order = np.lexsort((second, first))
    return first[order].astype(np.intp), second[order].astype(np.intp), cosines[order]


def _nearest_of_either(
    first: npt.NDArray[np.intp], second: npt.NDArray[np.intp], cosines: Vectors, keep: int
) -> npt.NDArray[np.bool_]:
    """Which pairs are among the ``keep`` most similar of at least one of their two claims."""
    pair = np.tile(np.arange(len(first)), 2)
    claim = np.concatenate([first, second])
    order = np.lexsort((-np.tile(cosines, 2), claim))  # by claim, nearest first
    ranked = claim[order]
    rank = np.arange(len(order)) - np.searchsorted(ranked, ranked, side="left")
    near = np.zeros(len(first), dtype=bool)
    near[pair[order[rank < keep]]] = True
    return near


def _average_link(block: Vectors, threshold: float) -> list[list[int]]:
    """Average-link agglomeration over one component's scores (SciPy), cut at ``threshold``."""
    distances = np.clip(1.0 - block, 0.0, None)
    np.fill_diagonal(distances, 0.0)
    tree = linkage(squareform(distances, checks=False), method="average")
    labels = fcluster(tree, t=1.0 - threshold, criterion="distance")
    clusters: dict[int, list[int]] = {}
    for member, label in enumerate(labels.tolist()):
        clusters.setdefault(label, []).append(member)
    return list(clusters.values())
