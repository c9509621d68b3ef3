"""Story grouping: articles that report one event, from embeddings, names, reuse and time."""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Mapping, Sequence

import numpy as np
from scipy.cluster.hierarchy import fcluster, linkage
from scipy.spatial.distance import squareform

from storytrace.cluster.embed import Vectors, embed
from storytrace.cluster.events import (
    EVENT_THRESHOLD,
    MIN_NEIGHBOURHOOD,
    REJOIN_THRESHOLD,
    same_event,
)
from storytrace.cluster.features import (
    STORY_THRESHOLD,
    TOPIC_THRESHOLD,
    combine_views,
    global_views,
)
from storytrace.records import Article, ReuseEdge

_LEAD_CHARS = 1200


def article_vectors(articles: Sequence[Article]) -> Vectors:
    """One embedding per article, of its title and lead (where the event is told)."""
    texts = [f"{a.title or ''}\n{a.text[:_LEAD_CHARS]}".strip() for a in articles]
    return embed(texts)


def _days_apart(a: Article, b: Article) -> float | None:
    try:
        first = dt.date.fromisoformat((a.published or "")[:10])
        second = dt.date.fromisoformat((b.published or "")[:10])
    except ValueError:
        return None
    return abs((first - second).days)


def group_stories(
    articles: Sequence[Article],
    vectors: Mapping[str, Vectors],
    *,
    edges: Sequence[ReuseEdge] = (),
    existing: Mapping[str, str] | None = None,
    threshold: float = STORY_THRESHOLD,
    topic_threshold: float = TOPIC_THRESHOLD,
    event_threshold: float = EVENT_THRESHOLD,
    window_days: int = 14,
) -> dict[str, str]:
    """Assign every article a story id, in two passes of average-link clustering.

    1. Topics: average link over :func:`story_similarity`, cut at ``topic_threshold``.
    2. Events: a topic of at least :data:`MIN_NEIGHBOURHOOD` articles is split by
       :func:`~storytrace.cluster.events.same_event` (event detail weighed inside the
       topic), cut at ``event_threshold``, and an article left alone rejoins the part it
       is likeliest to share (:data:`REJOIN_THRESHOLD`); a smaller topic is cut by
       :func:`story_similarity` at ``threshold``.

    Reused text links two articles outright, and so does an existing story: articles in
    ``existing`` keep their story id, so a new run adds articles to the stories they belong
    to rather than renumbering. Two dated articles more than ``window_days`` apart are never
    linked, even by reused text: text recycled months later starts a new story.
    """
    existing = existing or {}
    ids = [a.id for a in articles]
    if len(articles) < 2:
        return _name_components(ids, [1] * len(ids), existing)
    texts = [f"{a.title or ''}\n{a.text}" for a in articles]
    matrix = np.stack([vectors[a.id] for a in articles])
    views = global_views(texts, matrix)
    forced = _forced(articles, edges, existing, window_days)
    topics = _average_link(_with_forced(combine_views(views), forced), topic_threshold)
    labels = [0] * len(ids)
    next_label = 0
    for members in _groups(topics):
        if len(members) >= MIN_NEIGHBOURHOOD:
            part = np.ix_(members, members)
            similar = same_event(
                [texts[i] for i in members],
                matrix[members],
                {name: view[part] for name, view in views.items()},
            )
            similar = _with_forced(similar, forced, members)
            sub = _rejoin_lone(similar, _average_link(similar, event_threshold))
        else:
            similar = combine_views(
                {name: view[np.ix_(members, members)] for name, view in views.items()}
            )
            sub = _average_link(_with_forced(similar, forced, members), threshold)
        for i, label in zip(members, sub, strict=True):
            labels[i] = next_label + label
        next_label += max(sub) + 1
    return _name_components(ids, labels, existing)


def _forced(
    articles: Sequence[Article],
    edges: Sequence[ReuseEdge],
    existing: Mapping[str, str],
    window_days: int,
) -> dict[tuple[int, int], float]:
    """Pairs whose similarity is fixed: 1 for reused text and one story, 0 when far apart."""
    ids = [a.id for a in articles]
    index = {article_id: i for i, article_id in enumerate(ids)}
    forced: dict[tuple[int, int], float] = {}
    for edge in edges:
        if edge.source in index and edge.target in index and edge.source != edge.target:
            i, j = sorted((index[edge.source], index[edge.target]))
            forced[i, j] = 1.0
    for pair in _pairs_in_same_story(ids, existing):
        forced[pair] = 1.0
    for pair in _pairs_apart(articles, window_days):
        forced[pair] = 0.0
    return forced


def _with_forced(
    similar: Vectors, forced: Mapping[tuple[int, int], float], members: Sequence[int] | None = None
) -> Vectors:
    """``similar`` (over ``members``, or every article) with the forced pairs set."""
    similar = similar.copy()
    position = {m: k for k, m in enumerate(members)} if members is not None else None
    for (i, j), value in forced.items():
        if position is None:
            similar[i, j] = similar[j, i] = value
        elif i in position and j in position:
            a, b = position[i], position[j]
            similar[a, b] = similar[b, a] = value
    return similar


def _average_link(similar: Vectors, threshold: float) -> list[int]:
    """0-based cluster labels: average link on ``1 - similar``, cut at ``1 - threshold``."""
    if len(similar) < 2:
        return [0] * len(similar)
    distances = np.clip(1.0 - similar, 0.0, None)
    np.fill_diagonal(distances, 0.0)
    tree = linkage(squareform(distances, checks=False), method="average")
    return [int(label) - 1 for label in fcluster(tree, t=1.0 - threshold, criterion="distance")]


def _rejoin_lone(similar: Vectors, labels: list[int]) -> list[int]:
    """Labels with each article left alone moved to the part it is likeliest to share.

    One article is weak evidence of a second event: it rejoins the part of two or more
    articles with the highest average probability, when that is at least
    :data:`REJOIN_THRESHOLD`. The labels are renumbered 0..k-1.
    """
    parts = _groups(labels)
    larger = [part for part in parts if len(part) > 1]
    if not larger:
        return labels
    moved = list(labels)
    for part in parts:
        if len(part) == 1:
            (lone,) = part
            best = max(larger, key=lambda other: float(similar[lone, other].mean()))
            if similar[lone, best].mean() >= REJOIN_THRESHOLD:
                moved[lone] = labels[best[0]]
    order = {label: k for k, label in enumerate(dict.fromkeys(moved))}
    return [order[label] for label in moved]


def _groups(labels: Sequence[int]) -> list[list[int]]:
    members: dict[int, list[int]] = {}
    for i, label in enumerate(labels):
        members.setdefault(label, []).append(i)
    return list(members.values())


def _pairs_in_same_story(ids: list[str], existing: Mapping[str, str]) -> list[tuple[int, int]]:
    members: dict[str, list[int]] = {}
    for i, article_id in enumerate(ids):
        if article_id in existing:
            members.setdefault(existing[article_id], []).append(i)
    return [(a, b) for group in members.values() for a in group for b in group if a < b]


def _pairs_apart(articles: Sequence[Article], window_days: int) -> list[tuple[int, int]]:
    dated = [(i, a) for i, a in enumerate(articles) if a.published]
    return [
        (i, j)
        for (i, a), (j, b) in itertools.combinations(dated, 2)
        if (apart := _days_apart(a, b)) is not None and apart > window_days
    ]


def _name_components(
    ids: list[str], labels: list[int], existing: Mapping[str, str]
) -> dict[str, str]:
    """Story ids: an existing id where a component has one, else one from its first article."""
    components: dict[int, list[str]] = {}
    for article_id, label in zip(ids, labels, strict=True):
        components.setdefault(label, []).append(article_id)
    assignment: dict[str, str] = {}
    for members in components.values():
        known = sorted({existing[a] for a in members if a in existing})
        story_id = known[0] if known else f"story-{min(members)}"
        for article_id in members:
            assignment[article_id] = story_id
    return assignment
