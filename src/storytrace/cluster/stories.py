"""Story grouping: articles that report one event, from embeddings, entities, reuse and time."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence

import numpy as np

from storytrace.cluster.embed import Vectors, embed
from storytrace.records import Article, Claim, ReuseEdge

_LEAD_CHARS = 1200
_ENTITY_LABELS = {"PERSON", "ORG", "GPE", "LOC", "FAC", "EVENT", "NORP"}


def article_vectors(articles: Sequence[Article]) -> Vectors:
    """One embedding per article, of its title and lead (where the event is told)."""
    texts = [f"{a.title or ''}\n{a.text[:_LEAD_CHARS]}".strip() for a in articles]
    return embed(texts)


def entity_sets(claims: Sequence[Claim]) -> dict[str, set[str]]:
    """The named entities of each article's claims, casefolded."""
    found: dict[str, set[str]] = {}
    for claim in claims:
        names = found.setdefault(claim.article_id, set())
        names.update(e.text.casefold() for e in claim.entities if e.label in _ENTITY_LABELS)
    return found


def _days_apart(a: Article, b: Article) -> float | None:
    try:
        first = dt.date.fromisoformat((a.published or "")[:10])
        second = dt.date.fromisoformat((b.published or "")[:10])
    except ValueError:
        return None
    return abs((first - second).days)


def similarity(
    vector_a: Vectors, vector_b: Vectors, entities_a: set[str], entities_b: set[str]
) -> float:
    """Story similarity of two articles: embedding cosine, nudged by shared named entities."""
    cosine = float(np.dot(vector_a, vector_b))
    union = entities_a | entities_b
    overlap = len(entities_a & entities_b) / len(union) if union else 0.0
    return 0.8 * cosine + 0.2 * overlap


def group_stories(
    articles: Sequence[Article],
    vectors: Mapping[str, Vectors],
    *,
    entities: Mapping[str, set[str]] | None = None,
    edges: Sequence[ReuseEdge] = (),
    existing: Mapping[str, str] | None = None,
    threshold: float = 0.55,
    window_days: int = 14,
) -> dict[str, str]:
    """Assign every article a story id (single-link over similar pairs and reuse edges).

    Articles in ``existing`` keep their story id, so a new run adds articles to the stories
    they belong to rather than renumbering. Two dated articles more than ``window_days``
    apart are never linked, even by reused text: text recycled months later starts a new
    story.
    """
    entities = entities or {}
    existing = existing or {}
    ids = [a.id for a in articles]
    parent = {article_id: article_id for article_id in ids}

    def find(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def union(x: str, y: str) -> None:
        root_x, root_y = find(x), find(y)
        if root_x != root_y:
            parent[max(root_x, root_y)] = min(root_x, root_y)

    by_id = {a.id: a for a in articles}
    for edge in edges:
        if edge.source in parent and edge.target in parent:
            apart = _days_apart(by_id[edge.source], by_id[edge.target])
            if apart is None or apart <= window_days:
                union(edge.source, edge.target)
    for story in set(existing.values()):
        members = [a for a in ids if existing.get(a) == story]
        for other in members[1:]:
            union(members[0], other)
    if articles:
        matrix = np.stack([vectors[a.id] for a in articles])
        cosines = matrix @ matrix.T
        # Entity overlap adds at most 0.2, so pairs whose cosine is far below never link.
        rows, cols = np.nonzero(np.triu(cosines, k=1) >= (threshold - 0.2) / 0.8)
        for i, j in zip(rows.tolist(), cols.tolist(), strict=True):
            first, second = articles[i], articles[j]
            apart = _days_apart(first, second)
            if apart is not None and apart > window_days:
                continue
            score = similarity(
                matrix[i], matrix[j], entities.get(first.id, set()), entities.get(second.id, set())
            )
            if score >= threshold:
                union(first.id, second.id)
    return _name_components(ids, find, existing)


def _name_components(ids: list[str], find: object, existing: Mapping[str, str]) -> dict[str, str]:
    """Story ids: an existing id where a component has one, else one from its first article."""
    components: dict[str, list[str]] = {}
    for article_id in ids:
        components.setdefault(find(article_id), []).append(article_id)  # type: ignore[operator]
    assignment: dict[str, str] = {}
    for members in components.values():
        known = sorted({existing[a] for a in members if a in existing})
        story_id = known[0] if known else f"story-{min(members)}"
        for article_id in members:
            assignment[article_id] = story_id
    return assignment
