"""Story grouping: articles that report one event, from embeddings, names, reuse and time."""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence

import numpy as np
import numpy.typing as npt
from scipy.cluster.hierarchy import fcluster, linkage
from scipy.spatial.distance import squareform

from storytrace.cluster.blocking import (
    Candidates,
    Components,
    Edges,
    Views,
    background,
    candidate_edges,
    corpus_views,
    day_numbers,
    pair_components,
    similarity_of,
)
from storytrace.cluster.embed import Vectors, embed
from storytrace.cluster.events import (
    DATED_ALIKE,
    EVENT_THRESHOLD,
    MIN_NEIGHBOURHOOD,
    REJOIN_DATED_COSINE,
    REJOIN_THRESHOLD,
    dated_events,
    neighbourhood_similarity,
    same_event,
)
from storytrace.cluster.features import (
    STORY_THRESHOLD,
    TOPIC_THRESHOLD,
    combine_views,
)
from storytrace.cluster.sparse_link import sparse_average_link
from storytrace.cluster.standing import (
    is_standing,
    standing_spans,
    without_spans,
)
from storytrace.records import Article, ReuseEdge

_LEAD_CHARS = 1200
# A connected part of at most this many articles is clustered on its exact matrices.
DENSE_LIMIT = 2000
# Candidate pairs are kept from this share of the topic cut: what is left out of a large
# part's sparse average weighs little.
FLOOR = 0.5
# Two dated articles further apart than this are never linked: news of one event comes out
# within days (PolNeAR train slice of ``bench/stories_realnews``, B-cubed F1 at the shipped
# offset: 14 days 0.817, 7 0.845, 5 0.873, 4 0.881, 3 0.888; 3 sits exactly on the span of
# a story told over three days, so 4 keeps a day's margin. ECB+ has no dates).
WINDOW_DAYS = 4


def article_vectors(articles: Sequence[Article]) -> Vectors:
    """One embedding per article, of its title and lead (where the event is told)."""
    texts = [f"{a.title or ''}\n{a.text[:_LEAD_CHARS]}".strip() for a in articles]
    return embed(texts)


def group_stories(
    articles: Sequence[Article],
    vectors: Mapping[str, Vectors],
    *,
    edges: Sequence[ReuseEdge] = (),
    existing: Mapping[str, str] | None = None,
    threshold: float = STORY_THRESHOLD,
    topic_threshold: float = TOPIC_THRESHOLD,
    event_threshold: float = EVENT_THRESHOLD,
    window_days: int = WINDOW_DAYS,
    focus: Collection[str] | None = None,
    dense_limit: int = DENSE_LIMIT,
    parts_of: Components = pair_components,
    pairs_of: Candidates = candidate_edges,
    views: Views | None = None,
) -> dict[str, str]:
    """Assign every article a story id, in two passes of average-link clustering.

    1. Topics: average link over :func:`story_similarity`, cut at ``topic_threshold``.
    2. Events: a topic of at least :data:`MIN_NEIGHBOURHOOD` articles is split by
       :func:`~storytrace.cluster.events.same_event` (event detail weighed inside the
       topic), cut at ``event_threshold``, and an article left alone rejoins the part it
       is likeliest to share (:func:`_rejoin_lone`); a smaller topic is cut by
       :func:`story_similarity` at ``threshold``. Event detail is read without each
       outlet's standing text (:func:`~storytrace.cluster.standing.standing_spans`).

    Reused text (:func:`linking_edges`) links two articles outright, and so does an existing
    story: articles in
    ``existing`` keep their story id, so a new run adds articles to the stories they belong
    to rather than renumbering. Two dated articles more than ``window_days`` apart are never
    linked, even by reused text: text recycled months later starts a new story.

    No all-pairs matrix is built: candidate pairs come from
    :func:`~storytrace.cluster.blocking.candidate_edges`, and both passes run inside each
    connected part of the pairs scoring ``topic_threshold`` or more (average link never
    joins two such parts, so the result is the whole-corpus one). A part of at most
    ``dense_limit`` articles is clustered on its exact matrix; a larger one by
    :func:`~storytrace.cluster.sparse_link.sparse_average_link` over its candidate pairs.
    With ``focus`` (the new articles' ids) only the parts holding them are clustered;
    every other article keeps its ``existing`` story. ``pairs_of`` scores the candidate
    pairs and ``parts_of`` finds their connected parts (the engine's: in this process, or
    on Spark). ``views`` are the articles' views when already made (rows of the whole
    corpus's: :func:`~storytrace.cluster.terms.stored_views`), else they are fitted on
    ``articles``.
    """
    existing = existing or {}
    ids = [a.id for a in articles]
    standing = standing_spans(articles, edges)
    edges = linking_edges(articles, edges)
    if len(articles) < 2:
        return _name_components(ids, [1] * len(ids), existing)
    index = {article_id: i for i, article_id in enumerate(ids)}
    if views is None:
        texts = [f"{a.title or ''}\n{a.text}" for a in articles]
        views = corpus_views(texts, np.stack([vectors[a.id] for a in articles]))
    texts = [f"{a.title or ''}\n{without_spans(a.text, standing.get(a.id, []))}" for a in articles]
    days = day_numbers(a.published for a in articles)
    rows = None if focus is None else [index[i] for i in focus if i in index]
    found = pairs_of(views, days, cut=topic_threshold * FLOOR, window_days=window_days,
                     rows=rows)  # fmt: skip
    linked = _linked(ids, edges, existing, days, window_days)
    strong = tuple(part[found[2] >= topic_threshold] for part in found)
    pairs = [*linked, *zip(strong[0].tolist(), strong[1].tolist(), strict=True)]
    parts = parts_of(len(ids), pairs)
    if rows is not None:
        wanted = set(rows)
        parts = [part for part in parts if wanted.intersection(part)]
    labels = [-1] * len(ids)
    settings = (threshold, topic_threshold, event_threshold, window_days)
    next_label = 0
    for part in parts:
        if len(part) <= dense_limit:
            sub = _dense_part(part, texts, views, edges, existing, articles, settings)
        else:
            sub = _sparse_part(part, texts, views, found, linked, days, settings)
        for i, label in zip(part, sub, strict=True):
            labels[i] = next_label + label
        next_label += max(sub) + 1
    chosen = [i for i, label in enumerate(labels) if label >= 0]
    assignment = _name_components([ids[i] for i in chosen], [labels[i] for i in chosen], existing)
    return {a: assignment.get(a) or existing.get(a) or f"story-{a}" for a in ids}


def linking_edges(articles: Sequence[Article], edges: Sequence[ReuseEdge]) -> list[ReuseEdge]:
    """The reuse edges that link two articles outright: all but an outlet's standing text.

    An edge between two articles of one named outlet counts only when the reused text
    covers at least :data:`OWN_TEXT_CONTAINMENT` of the target; text shared across outlets
    always counts.
    """
    outlet = {a.id: (a.outlet or "").strip().casefold() for a in articles}
    return [edge for edge in edges if not is_standing(edge, outlet)]


Settings = tuple[float, float, float, int]  # story, topic and event cuts; window in days


def _dense_part(
    part: list[int],
    texts: Sequence[str],
    views: Views,
    edges: Sequence[ReuseEdge],
    existing: Mapping[str, str],
    articles: Sequence[Article],
    settings: Settings,
) -> list[int]:
    """Labels of one connected part, from its exact similarity matrices."""
    threshold, topic_threshold, event_threshold, window_days = settings
    local = views.block(part, part)
    forced = _forced([articles[i] for i in part], edges, existing, window_days)
    topics = _average_link(_with_forced(combine_views(local), forced), topic_threshold)
    labels = [0] * len(part)
    next_label = 0
    for members in _groups(topics):
        rows = [part[i] for i in members]
        grid = np.ix_(members, members)
        sub = _split_topic(
            [texts[r] for r in rows],
            views.embedding[rows],
            {name: view[grid] for name, view in local.items()},
            _within(forced, members),
            threshold,
            event_threshold,
            day_numbers(articles[r].published for r in rows),
        )
        for i, label in zip(members, sub, strict=True):
            labels[i] = next_label + label
        next_label += max(sub) + 1
    return labels


def _sparse_part(
    part: list[int],
    texts: Sequence[str],
    views: Views,
    found: Edges,
    linked: Sequence[tuple[int, int]],
    days: npt.NDArray[np.float64],
    settings: Settings,
) -> list[int]:
    """Labels of a part too large for its matrix: average link over its candidate pairs.

    Topics come from the candidate pairs; a topic small enough is split as
    :func:`_dense_part` splits one (event detail, exact matrices), a larger one is cut at
    the story threshold over its candidate pairs.
    """
    threshold, topic_threshold, event_threshold, window_days = settings
    position = {m: k for k, m in enumerate(part)}
    scores = dict(similarity_of(found))
    for i, j in linked:
        scores[min(i, j), max(i, j)] = 1.0
    pairs = [(position[i], position[j], s) for (i, j), s in scores.items()
             if i in position and j in position]  # fmt: skip
    floor = background(views, part, days, below=topic_threshold * FLOOR, window_days=window_days)
    topics = sparse_average_link(len(part), pairs, topic_threshold, floor)
    labels = [0] * len(part)
    next_label = 0
    for members in _groups(topics):
        rows = [part[k] for k in members]
        if len(members) <= DENSE_LIMIT:
            sub = _split_topic(
                [texts[r] for r in rows],
                views.embedding[rows],
                views.block(rows, rows),
                _forced_pairs(rows, pairs, position, days, window_days),
                threshold,
                event_threshold,
                days[rows],
            )
        else:
            inside = {k: n for n, k in enumerate(members)}
            sub = sparse_average_link(len(members), [(inside[a], inside[b], s)
                                      for a, b, s in pairs if a in inside and b in inside],
                                      threshold, floor)  # fmt: skip
        for k, label in zip(members, sub, strict=True):
            labels[k] = next_label + label
        next_label += max(sub) + 1
    return labels


def _forced_pairs(
    rows: Sequence[int],
    pairs: Sequence[tuple[int, int, float]],
    position: Mapping[int, int],
    days: npt.NDArray[np.float64],
    window_days: int,
) -> dict[tuple[int, int], float]:
    """The forced pairs among ``rows`` (positions in ``rows``), from linked pairs and dates."""
    local = {position[r]: n for n, r in enumerate(rows)}
    forced = {(min(local[a], local[b]), max(local[a], local[b])): 1.0
              for a, b, s in pairs if s >= 1.0 and a in local and b in local}  # fmt: skip
    chosen = days[list(rows)]
    apart = np.abs(chosen[:, None] - chosen[None, :]) > window_days
    for i, j in zip(*np.nonzero(np.triu(apart, 1)), strict=True):
        forced[int(i), int(j)] = 0.0
    return forced


def _linked(
    ids: Sequence[str],
    edges: Sequence[ReuseEdge],
    existing: Mapping[str, str],
    days: npt.NDArray[np.float64],
    window_days: int,
) -> list[tuple[int, int]]:
    """Pairs joined outright (reused text, one existing story), unless dated too far apart."""
    index = {article_id: i for i, article_id in enumerate(ids)}
    pairs = [(index[e.source], index[e.target]) for e in edges
             if e.source in index and e.target in index and e.source != e.target]  # fmt: skip
    first: dict[str, int] = {}
    for i, article_id in enumerate(ids):
        if article_id in existing:
            head = first.setdefault(existing[article_id], i)
            if head != i:
                pairs.append((head, i))
    return [(i, j) for i, j in pairs if not abs(days[i] - days[j]) > window_days]


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


def _split_topic(
    texts: Sequence[str],
    embedding: Vectors,
    local: Mapping[str, Vectors],
    forced: Mapping[tuple[int, int], float],
    threshold: float,
    event_threshold: float,
    days: npt.NDArray[np.float64],
) -> list[int]:
    """Stories of one topic: split by event detail when it is large enough, else at the cut.

    ``days`` are the articles' publication days (NaN when unknown), for the event model.
    A large enough topic of dated articles is split instead on the four views refitted on
    ``texts`` (read without standing text:
    :func:`~storytrace.cluster.events.neighbourhood_similarity`) where a pair is alike
    enough or stands out from the topic (:func:`~storytrace.cluster.events.dated_events`);
    an article left alone rejoins a part told in close words (:func:`_rejoin_lone`: a topic
    that is one event's reports has no pair that stands out).
    """
    if len(texts) >= MIN_NEIGHBOURHOOD and not np.isnan(days).any():
        similar = _with_forced(dated_events(neighbourhood_similarity(texts, embedding)), forced)
        return _rejoin_lone(similar, _average_link(similar, DATED_ALIKE),
                            _dated_cosines(embedding, days))  # fmt: skip
    if len(texts) >= MIN_NEIGHBOURHOOD:
        similar = _with_forced(same_event(texts, embedding, local, days=days), forced)
        return _rejoin_lone(similar, _average_link(similar, event_threshold),
                            _dated_cosines(embedding, days))  # fmt: skip
    return _average_link(_with_forced(combine_views(local), forced), threshold)


def _within(
    forced: Mapping[tuple[int, int], float], members: Sequence[int]
) -> dict[tuple[int, int], float]:
    """The forced pairs among ``members``, as positions in ``members``."""
    position = {m: k for k, m in enumerate(members)}
    return {
        (position[i], position[j]): value
        for (i, j), value in forced.items()
        if i in position and j in position
    }


def _with_forced(similar: Vectors, forced: Mapping[tuple[int, int], float]) -> Vectors:
    """``similar`` with the forced pairs set."""
    similar = similar.copy()
    for (i, j), value in forced.items():
        similar[i, j] = similar[j, i] = value
    return similar


def _average_link(similar: Vectors, threshold: float) -> list[int]:
    """0-based cluster labels: average link on ``1 - similar``, cut at ``1 - threshold``."""
    if len(similar) < 2:
        return [0] * len(similar)
    distances = np.clip(1.0 - similar, 0.0, None)
    np.fill_diagonal(distances, 0.0)
    tree = linkage(squareform(distances, checks=False), method="average")
    return [int(label) - 1 for label in fcluster(tree, t=1.0 - threshold, criterion="distance")]


def _dated_cosines(embedding: Vectors, days: npt.NDArray[np.float64]) -> Vectors:
    """The cosine of each pair's title-and-lead embeddings where both articles are dated,
    NaN where either is not."""
    dated = ~np.isnan(days)
    cosines = np.asarray(embedding @ embedding.T, dtype=np.float32)
    return np.where(dated[:, None] & dated[None, :], cosines, np.float32(np.nan))


def _rejoin_lone(similar: Vectors, labels: list[int], dated: Vectors | None = None) -> list[int]:
    """Labels with each article left alone moved to the part it is likeliest to share.

    One article is weak evidence of a second event: it rejoins the part of two or more
    articles with the highest average probability, when that is at least
    :data:`REJOIN_THRESHOLD`. When it and every article of that part are dated
    (``dated``, from :func:`_dated_cosines`), the probability carries the dated offset and
    the lone article rejoins instead when its title and lead are as close as
    :data:`REJOIN_DATED_COSINE` on average to theirs. The labels are renumbered 0..k-1.
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
            cosines = None if dated is None else dated[lone, best]
            if cosines is not None and not np.isnan(cosines).any():
                joins = cosines.mean() >= REJOIN_DATED_COSINE
            else:
                joins = similar[lone, best].mean() >= REJOIN_THRESHOLD
            if joins:
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
    days = day_numbers(a.published for a in articles)
    apart = np.abs(days[:, None] - days[None, :]) > window_days  # NaN (undated): never apart
    return [(int(i), int(j)) for i, j in zip(*np.nonzero(np.triu(apart, 1)), strict=True)]


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
