"""What a run with new articles rebuilds, and what it reads back.

A run groups only its new articles (:func:`~storytrace.cluster.group_stories` with
``focus``): the stories they join, merge or form are rebuilt; every other story stays as
stored. Events told in several stories are records of their own
(:func:`cross_story_events`), so an event a new article joins changes no other story.
These functions are pure (records in, records out): the pipeline reads and saves.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Mapping, Sequence

from storytrace.events.merge import across_stories, merged_event
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
    events: Sequence[Event], groups_of: Callable[[Collection[str]], Mapping[str, ClaimGroup]]
) -> list[Event]:
    """The events told in several stories, each merged from the stories' own events
    (:func:`~storytrace.events.merge.across_stories`).

    A run recomputes them for the kinds its rebuilt stories hold (or held), from every
    stored story's own events of those kinds: no story changes when an event merges,
    and the result is what a run over the whole store gives. ``groups_of`` reads the
    claim groups the merged events cite (only those).
    """
    found = across_stories(events)
    cited = sorted({g for group in found for e in group for g in e.claim_group_ids})
    groups = groups_of(cited) if cited else {}
    return [merged_event(group, groups) for group in found]
