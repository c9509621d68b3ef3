"""What a run with new articles rebuilds, and what it reads back.

A run groups only its new articles (:func:`~storytrace.cluster.group_stories` with
``focus``): the stories they join, merge or form are rebuilt; every other story stays as
stored. Events told in several stories are records of their own
(:func:`cross_story_events`), so an event a new article joins changes no other story.
These functions are pure (records in, records out): the pipeline reads and saves.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence

import numpy as np

from storytrace.cluster.blocking import day_numbers
from storytrace.cluster.terms import Counts, term_counts
from storytrace.events.merge import Parts, events_match, match_candidates, merged_event
from storytrace.records import Article, ClaimGroup, Event, ReuseEdge
from storytrace.reuse.stored import index_articles

Keys = dict[str, list[tuple[int, str]]]
TermCounts = dict[str, dict[str, tuple[int, int]]]


def stories_to_build(
    assignment: Mapping[str, str], existing: Mapping[str, str], new: Collection[str]
) -> tuple[list[str], set[str]]:
    """The story ids holding a new article, and the stored stories they replace.

    A stored story is replaced when one of its articles now sits in a rebuilt story (it
    was joined, or merged into another).
    """
    built = sorted({assignment[a] for a in new if a in assignment})
    wanted = set(built)
    replaced = {existing[a] for a, story in assignment.items() if story in wanted and a in existing}
    return built, replaced


def neighbourhood(
    ready: Sequence[tuple[str, str | None]],
    new: Collection[str],
    grouped: Mapping[str, str],
    window_days: int,
) -> list[str]:
    """The articles story grouping needs to place the ``new`` ones, in store order.

    ``ready`` are every grouped or new article's id and publication date, ``grouped`` the
    stored story of each grouped one. Two dated articles more than ``window_days`` apart
    are never compared or linked, so the new articles meet only those dated within the
    window of one of them, and undated ones (every article, when a new one is undated);
    the stories those belong to come whole, as grouping links their articles.
    """
    days = day_numbers(p for _, p in ready)
    fresh = set(new)
    is_new = np.array([i in fresh for i, _ in ready], dtype=bool)
    near = np.isnan(days)
    new_days = np.sort(days[is_new])
    if np.isnan(new_days).any():
        near[:] = True
    elif len(new_days):
        at = np.searchsorted(new_days, days)
        below = np.abs(days - new_days[np.maximum(at - 1, 0)])
        above = np.abs(new_days[np.minimum(at, len(new_days) - 1)] - days)
        near |= np.minimum(below, above) <= window_days
    chosen = {i for (i, _), keep in zip(ready, near.tolist(), strict=True) if keep} | fresh
    stories = {grouped[i] for i in chosen if i in grouped}
    chosen |= {i for i, story in grouped.items() if story in stories}
    return [i for i, _ in ready if i in chosen]


def index_rows(articles: Sequence[Article], first: int) -> tuple[Keys, TermCounts]:
    """What the corpus index gains from ``articles`` (numbered from ``first`` in corpus
    order): reuse fingerprints and band keys, word counts, and story grouping's term
    counts with their first appearances."""
    reuse = index_articles(articles)
    terms = term_counts([grouping_text(a) for a in articles], first=first)
    return reuse.keys(), {**reuse.counts(), **terms}


def grouping_text(article: Article) -> str:
    """What story grouping's views read of an article: its title and body."""
    return f"{article.title or ''}\n{article.text}"


def with_new(counts: Counts, new: TermCounts) -> Counts:
    """The stored term counts plus those of articles not yet indexed (``new``)."""

    def found(kind: str, terms: Collection[str]) -> dict[str, tuple[int, int]]:
        out = dict(counts(kind, terms))
        extra = new.get(kind, {})
        for term in terms:
            if term in extra:
                held, first = extra[term]
                old = out.get(term)
                out[term] = (held, first) if old is None else (old[0] + held, old[1])
        return out

    return found


def members_by_story(
    articles: Sequence[Article], assignment: Mapping[str, str], story_ids: Iterable[str]
) -> dict[str, list[Article]]:
    """Each chosen story's articles, in the order of ``articles`` (one pass over them)."""
    members: dict[str, list[Article]] = {story_id: [] for story_id in story_ids}
    for article in articles:
        found = members.get(assignment.get(article.id, ""))
        if found is not None:
            found.append(article)
    return members


def story_batches(
    story_ids: Sequence[str], members: Mapping[str, Sequence[Article]], articles: int
) -> Iterator[list[str]]:
    """``story_ids`` in order, cut into runs of stories holding about ``articles`` articles
    together (a story is never cut): the stories built while one run's claims and claim
    vectors are loaded, so memory stays bounded whatever the corpus size."""
    batch: list[str] = []
    held = 0
    for story_id in story_ids:
        batch.append(story_id)
        held += len(members[story_id])
        if held >= articles:
            yield batch
            batch, held = [], 0
    if batch:
        yield batch


def edges_by_story(
    edges: Iterable[ReuseEdge], assignment: Mapping[str, str]
) -> dict[str, list[ReuseEdge]]:
    """Reuse edges whose two articles share a story, by story (each pair once)."""
    found: dict[str, dict[tuple[str, str], ReuseEdge]] = {}
    for edge in edges:
        story = assignment.get(edge.source)
        if story is not None and story == assignment.get(edge.target):
            found.setdefault(story, {}).setdefault((edge.source, edge.target), edge)
    return {story: sorted(pairs.values(), key=lambda e: (e.source, e.target))
            for story, pairs in found.items()}  # fmt: skip


def event_kind(event: Event) -> tuple[str, str, str]:
    """(type, sub-type, action): only events of one kind are compared for merging."""
    return event.event_type, event.sub_event_type, event.action


def cross_story_events(
    events: Sequence[Event],
    stored: Sequence[Event],
    rebuilt: Collection[str],
    groups_of: Callable[[Collection[str]], Mapping[str, ClaimGroup]],
) -> tuple[list[Event], list[str]]:
    """The events told in several stories that change, and the stored ones they replace.

    ``events`` are every stored story's own events of the kinds a run touches (in store
    order), ``stored`` the events told in several stories of those kinds as last saved,
    ``rebuilt`` the stories the run saved or replaced. Only the rebuilt stories' events,
    and the parts of stored merged events that held one, are compared, against every
    event; a stored merged event nothing new joins is kept as it is. The result is what
    single-link merging of all ``events`` (:func:`~storytrace.events.merge.across_stories`)
    gives, without comparing stored events with each other again. ``groups_of`` reads
    the claim groups the changed events cite (only those).
    """
    owner = {g: x.id for x in stored for g in x.claim_group_ids}
    dissolved = {x.id for x in stored if set(x.story_ids) & set(rebuilt)}
    part_of = [next((owner[g] for g in e.claim_group_ids if g in owner), None) for e in events]
    fresh = [i for i, e in enumerate(events)
             if _story(e) in rebuilt or part_of[i] in dissolved]  # fmt: skip
    parts = Parts(len(events))
    first_of: dict[str, int] = {}
    is_fresh = set(fresh)
    for i, x in enumerate(part_of):  # a kept merged event's parts are one, as stored
        if x is not None and i not in is_fresh:
            parts.join(i, first_of.setdefault(x, i))
    candidates = match_candidates(events)
    for i in fresh:
        for j in candidates(events[i]):
            if j == i or (j in is_fresh and j > i) or parts.find(i) == parts.find(j):
                continue
            if events_match(events[i], events[j], strict=True):
                parts.join(i, j)
    sets = parts.members()
    changed = [
        [events[i] for i in members]
        for members in sets
        if is_fresh & set(members) and len({_story(events[i]) for i in members}) > 1
    ]
    touched = {x for members in sets if is_fresh & set(members)
               for i in members if (x := part_of[i]) is not None}  # fmt: skip
    cited = sorted({g for group in changed for e in group for g in e.claim_group_ids})
    groups = groups_of(cited) if cited else {}
    return [merged_event(group, groups) for group in changed], sorted(touched | dissolved)


def _story(event: Event) -> str:
    return event.story_ids[0] if event.story_ids else ""
