"""What a run with new articles rebuilds, and what it reads back.

A run groups only its new articles (:func:`~storytrace.cluster.group_stories` with
``focus``): the stories they join, merge or form are rebuilt; every other story stays as
stored. Events told in several stories are records of their own
(:func:`cross_story_events`), so an event a new article joins changes no other story.
These functions are pure (records in, records out): the pipeline reads and saves.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Mapping, Sequence

from storytrace.events.merge import Parts, events_match, merged_event
from storytrace.records import Article, ClaimGroup, Event, ReuseEdge


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
    for i in fresh:
        for j in range(len(events)):
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
