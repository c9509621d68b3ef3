"""Story grouping: articles that report one event, from embeddings, names, reuse and time."""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Mapping, Sequence

import numpy as np
from scipy.cluster.hierarchy import fcluster, linkage
from scipy.spatial.distance import squareform

from storytrace.cluster.embed import Vectors, embed
from storytrace.cluster.features import STORY_THRESHOLD, story_similarity
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
    window_days: int = 14,
) -> dict[str, str]:
    """Assign every article a story id: average-link over :func:`story_similarity`.

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
    similar = story_similarity(texts, matrix)
    index = {article_id: i for i, article_id in enumerate(ids)}
    for edge in edges:
        if edge.source in index and edge.target in index:
            similar[index[edge.source], index[edge.target]] = 1.0
            similar[index[edge.target], index[edge.source]] = 1.0
    for i, j in _pairs_in_same_story(ids, existing):
        similar[i, j] = similar[j, i] = 1.0
    for i, j in _pairs_apart(articles, window_days):
        similar[i, j] = similar[j, i] = 0.0
    distances = np.clip(1.0 - similar, 0.0, None)
    np.fill_diagonal(distances, 0.0)
    tree = linkage(squareform(distances, checks=False), method="average")
    labels = fcluster(tree, t=1.0 - threshold, criterion="distance").tolist()
    return _name_components(ids, labels, existing)


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
