"""Cross-document event coreference: which event mentions of one story refer to one event.

:func:`chain_mentions` is the one function ``analyze``, ``predict coref`` and ``bench quality
ecbplus-events`` call. Inside each story (``groups``; chains never cross stories) every pair
of mentions is scored by the logistic model of :mod:`storytrace.align.coref_model` over the
features of :mod:`storytrace.align.coref_features`, and mentions are agglomerated by single
link, cut at the model's threshold (both chosen on ECB+ dev, #15). Where the reader filled a
mention's slots, they act as rules the model cannot learn from ECB+ (which has none): a
place or date clash scales a pair down by :data:`CLASH_FACTOR`, so one verb about two
places or days stays two events. A shared participant alone lifts nothing: on ECB+ train,
pairs whose agent or patient heads match are one event in only 42% of cases (22% across
documents with different verbs), and lifting them cost 0.08 CoNLL F1 there (#15). The
slot rules of :mod:`storytrace.align.mention_chains` are constraints: a must-link (the same
counted people, or one specific action in one place) lifts a pair to :data:`MUST_LINK`; a
cannot-link (counts that cannot be the same people, or different outcomes: killed is not
injured) sets it to 0, and clusters holding a cannot-linked pair are never merged.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Mapping, Sequence

import numpy as np
import numpy.typing as npt
from scipy.cluster.hierarchy import fcluster, linkage
from scipy.spatial.distance import squareform

from storytrace.align.coref_features import (
    MentionContext,
    MentionVectors,
    PairInputs,
    feature_block,
    mention_contexts,
    slot_clash,
)
from storytrace.align.coref_model import CorefModel, load_model
from storytrace.align.mention_chains import effective_places, slot_links
from storytrace.cluster.embed import Vectors
from storytrace.records import EventMention

# The reader's slots (participants, places, dates) are not in ECB+, so the model cannot weigh
# them; where they are filled they act as rules on the learned probability:
CLASH_FACTOR = 0.2  # a place or date clash: the probability is scaled down by this much
MUST_LINK = 0.95  # a pair the slot rules say tells one event
_ROWS = 256  # rows of the pair-feature block computed at once (memory ~ rows * n * features)


def pair_probabilities(
    contexts: Sequence[MentionContext],
    model: CorefModel,
    links: tuple[Sequence[tuple[int, int]], Sequence[tuple[int, int]]] = ((), ()),
) -> Vectors:
    """P(same event) for every pair of mentions of one story (a symmetric matrix).

    ``links`` are the slot rules' (must-links, cannot-links) as index pairs; a
    cannot-linked pair gets probability 0.
    """
    n = len(contexts)
    out = np.zeros((n, n), dtype=np.float32)
    inputs = PairInputs(contexts)
    for start in range(0, n, _ROWS):
        rows = slice(start, min(n, start + _ROWS))
        out[rows] = model.probability(feature_block(contexts, rows, inputs))
    symmetric = (out + out.T) / 2
    clash = slot_clash(contexts)
    out = np.asarray(np.where(clash > 0, symmetric * CLASH_FACTOR, symmetric), dtype=np.float32)
    must, cannot = links
    for i, j in must:
        out[i, j] = out[j, i] = max(out[i, j], MUST_LINK)
    for i, j in cannot:
        out[i, j] = out[j, i] = 0.0
    np.fill_diagonal(out, 1.0)
    return out


def cluster_mentions(
    probabilities: Vectors,
    threshold: float,
    cannot: Sequence[tuple[int, int]] = (),
    must: Sequence[tuple[int, int]] = (),
) -> list[int]:
    """Single-link clusters of one story's mentions, cut where the best probability < threshold.

    Two clusters holding a ``cannot``-linked pair are never merged: a cluster that the
    unconstrained tree (SciPy) would give with such a pair inside is agglomerated again
    under the constraint (:func:`_constrained`). Then the clusters of a ``must``-linked
    pair are joined, unless that would put a cannot-linked pair together.
    """
    n = len(probabilities)
    if n < 2:
        return [0] * n
    distances = np.clip(1.0 - probabilities.astype(np.float64), 0.0, 1.0)
    np.fill_diagonal(distances, 0.0)
    tree = linkage(squareform(distances, checks=False), method="single")
    labels = [int(x) for x in fcluster(tree, t=1.0 - threshold, criterion="distance")]
    broken = {labels[i] for i, j in cannot if labels[i] == labels[j]}
    next_label = max(labels) + 1
    for label in sorted(broken):
        members = [i for i, x in enumerate(labels) if x == label]
        where = {m: k for k, m in enumerate(members)}
        inside = [(where[i], where[j]) for i, j in cannot if i in where and j in where]
        block = probabilities[np.ix_(members, members)]
        for member, part in zip(members, _constrained(block, threshold, inside), strict=True):
            labels[member] = next_label + part
        next_label += len(members)
    return _join_must(labels, cannot, must)


def _join_must(
    labels: list[int], cannot: Sequence[tuple[int, int]], must: Sequence[tuple[int, int]]
) -> list[int]:
    """Join the clusters of each must-linked pair that no cannot-linked pair keeps apart."""
    members: dict[int, set[int]] = defaultdict(set)
    for index, label in enumerate(labels):
        members[label].add(index)
    apart: dict[int, set[int]] = defaultdict(set)
    for i, j in cannot:
        apart[i].add(j)
        apart[j].add(i)
    for i, j in must:
        first, second = labels[i], labels[j]
        if first == second:
            continue
        if any(apart[k] & members[second] for k in members[first]):
            continue
        for k in members.pop(second):
            labels[k] = first
            members[first].add(k)
    return labels


def _constrained(block: Vectors, threshold: float, cannot: Sequence[tuple[int, int]]) -> list[int]:
    """Average-link agglomeration of one cluster where cannot-linked members never meet.

    Each step joins the two live clusters of highest mean probability (the first such
    pair in row order) that no cannot-link keeps apart. The matrix of means is kept up to
    date (a join changes one row and one column) with each row's first best column, so a
    step reads O(n) values rather than recomputing the whole matrix."""
    n = len(block)
    sums = block.astype(np.float64)
    np.fill_diagonal(sums, 0.0)
    sizes = np.ones(n)
    forbidden = np.eye(n, dtype=bool)
    for i, j in cannot:
        forbidden[i, j] = forbidden[j, i] = True
    dead = np.zeros(n, dtype=bool)
    mean = sums / np.outer(sizes, sizes)
    mean[forbidden] = -1.0
    best = np.argmax(mean, axis=1)
    top = mean[np.arange(n), best]
    labels = list(range(n))
    while True:
        i = int(np.argmax(top))
        j = int(best[i])
        if mean[i, j] < threshold:
            return labels
        sums[i] += sums[j]
        sums[:, i] = sums[i]
        sums[i, i] = 0.0
        sizes[i] += sizes[j]
        forbidden[i] |= forbidden[j]
        forbidden[:, i] = forbidden[i]
        dead[j] = True
        mean[j, :] = mean[:, j] = -1.0
        row = sums[i] / (sizes[i] * sizes)
        row[forbidden[i] | dead] = -1.0
        column = sums[:, i] / (sizes * sizes[i])
        column[forbidden[:, i] | dead] = -1.0
        mean[i, :] = row
        mean[:, i] = column
        _update_best(mean, best, top, i, j, dead)
        labels = [int(i) if x == j else x for x in labels]


def _update_best(
    mean: npt.NDArray[np.float64],
    best: npt.NDArray[np.intp],
    top: npt.NDArray[np.float64],
    i: int,
    j: int,
    dead: npt.NDArray[np.bool_],
) -> None:
    """Each live row's first best column and its mean, after row and column ``i`` changed
    and cluster ``j`` died (its row and column all -1)."""
    stale = (best == i) | (best == j)
    stale[i] = True
    stale &= ~dead
    for row in np.flatnonzero(stale).tolist():
        best[row] = int(np.argmax(mean[row]))
        top[row] = mean[row, best[row]]
    rows = np.flatnonzero(~stale & ~dead)
    value, held = mean[rows, i], top[rows]
    better = rows[(value > held) | ((value == held) & (i < best[rows]))]
    best[better] = i
    top[better] = mean[better, i]
    best[j], top[j] = 0, -1.0


def _chain_id(members: Sequence[str]) -> str:
    """A stable chain id: a digest of its first mention (the chain's members are disjoint)."""
    return "ev-" + hashlib.sha256(min(members).encode("utf-8")).hexdigest()[:12]


def chain_mentions(
    mentions: Sequence[EventMention],
    texts: Mapping[str, str],
    *,
    groups: Mapping[str, str] | None = None,
    threshold: float | None = None,
    vectors: Mapping[str, MentionVectors] | None = None,
) -> dict[str, str]:
    """Mention id -> chain id: mentions that refer to one real event share a chain.

    ``texts`` are the article texts (each mention's sentence is read from its
    ``sentence_span``); ``groups`` maps an article id to its story, and chains never cross
    stories (articles missing from ``groups`` form one story together). ``threshold``
    overrides the model's cut (for choosing it on dev). ``vectors`` are the mentions'
    sentence and trigger vectors stored when they were read; the others are encoded now,
    by the same function (:func:`~storytrace.align.coref_features.mention_vectors`).
    """
    model = load_model()
    cut = model.threshold if threshold is None else threshold
    groups = groups or {}
    by_story: dict[str, list[EventMention]] = defaultdict(list)
    for mention in mentions:
        by_story[groups.get(mention.article_id, "")].append(mention)
    chains: dict[str, str] = {}
    for members in by_story.values():
        contexts = mention_contexts(members, texts, vectors)
        links = slot_links(members, effective_places(members, texts))
        labels = cluster_mentions(
            pair_probabilities(contexts, model, links), cut, links[1], links[0]
        )
        clusters: dict[int, list[str]] = defaultdict(list)
        for mention, label in zip(members, labels, strict=True):
            clusters[label].append(mention.id)
        for ids in clusters.values():
            chain = _chain_id(ids)
            chains.update((mention_id, chain) for mention_id in ids)
    return chains
