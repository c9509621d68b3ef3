"""What a run with new articles rebuilds, and what it reads back.

A run groups only its new articles (:func:`~storytrace.cluster.group_stories` with
``focus``): the stories they join, merge or form are rebuilt; every other story stays as
stored. These functions are pure (records in, records out): the pipeline reads and saves.
"""

from __future__ import annotations

import dataclasses
import hashlib
from collections.abc import Collection, Iterable, Mapping, Sequence

from storytrace.events.merge import cluster, combine
from storytrace.records import Article, Event, ReuseEdge, Story


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


def _merged_id(events: Sequence[Event]) -> str:
    ids = "|".join(sorted(e.id for e in events))
    return "ev-" + hashlib.sha256(ids.encode()).hexdigest()[:12]


def merge_with_stored(
    built: Sequence[Story], others: Sequence[Story]
) -> tuple[list[Story], list[Story]]:
    """Events of the rebuilt stories merged across stories, with each other and with the
    stored stories' events (as :func:`~storytrace.events.merge_across_stories` merges).

    Only stored events of a kind a rebuilt event has are compared. Returns the rebuilt
    stories and the stored stories whose events changed (a rebuilt event joined one).
    """
    fresh = [e for story in built for e in story.events]
    kinds = {event_kind(e) for e in fresh}
    stored: dict[str, Event] = {}
    for story in others:
        for event in story.events:
            if event_kind(event) in kinds:
                stored.setdefault(event.id, event)
    pool = fresh + list(stored.values())
    novel = {id(e) for e in fresh}
    groups = {g.id: g for story in (*built, *others) for g in story.claim_groups}
    merged: dict[str, Event] = {}
    for group in cluster(pool, strict=True):
        if not any(id(e) in novel for e in group):
            continue  # stored events only: already merged as they are
        if len(group) == 1 or len({s for e in group for s in e.story_ids}) < 2:
            continue
        event = dataclasses.replace(combine(group, groups), id=_merged_id(group))
        for part in group:
            merged[part.id] = event
    if not merged:
        return list(built), []
    changed = [s for s in others if any(e.id in merged for e in s.events)]
    return [_with_merged(s, merged) for s in built], [_with_merged(s, merged) for s in changed]


def _with_merged(story: Story, merged: Mapping[str, Event]) -> Story:
    events = {merged.get(e.id, e).id: merged.get(e.id, e) for e in story.events}
    return dataclasses.replace(story, events=tuple(events.values()))
