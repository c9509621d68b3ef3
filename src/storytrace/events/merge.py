"""When two reports or events are one event, and merging events across stories.

Two are one event when they have the same type and sub-event type, compatible places
(none given, the same town, or one place inside the other), compatible dates (none
given, or intervals that overlap; a day without its year matches that day of any year;
a report's date bounds the event from above) and something more in common: counts
whose intervals overlap, an actor, or the same town and day.
"""

from __future__ import annotations

import dataclasses
import hashlib
import math
from collections.abc import Callable, Mapping, Sequence

from storytrace.events.notes import summarise
from storytrace.records import ClaimGroup, DateMention, Event, EventCount, Place, Story

_NEAR_KM = 25.0


def places_compatible(a: Place | None, b: Place | None) -> bool:
    """Unknown, the same place, or one inside the other (a town in its region or country)."""
    if a is None or b is None:
        return True
    if a.country and b.country and a.country != b.country:
        return False
    if a.precision == "city" and b.precision == "city":
        return a.name == b.name or _km(a, b) <= _NEAR_KM
    if a.precision == "region" and b.precision == "region":
        return a.admin1 == b.admin1
    region = a if a.precision == "region" else b if b.precision == "region" else None
    city = b if region is a else a
    if region is not None and city.precision == "city" and city.admin1 and region.admin1:
        return city.admin1 == region.admin1
    return True  # a country holds everything in it


def same_town(a: Place | None, b: Place | None) -> bool:
    """Both given as the same town (or two places within a few kilometres)."""
    if a is None or b is None or a.precision != "city" or b.precision != "city":
        return False
    return a.name == b.name or _km(a, b) <= _NEAR_KM


def _km(a: Place, b: Place) -> float:
    if None in (a.lat, a.lon, b.lat, b.lon):
        return math.inf
    lat1, lon1, lat2, lon2 = map(math.radians, (a.lat, a.lon, b.lat, b.lon))  # type: ignore[arg-type]
    h = (
        math.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    )
    return 2 * 6371.0 * math.asin(math.sqrt(h))


def _interval(date: DateMention) -> tuple[str, str] | None:
    if not date.start:
        return None
    return date.start, date.end or date.start


def dates_compatible(a: DateMention | None, b: DateMention | None) -> bool:
    """Unknown, overlapping, the same day of an unknown year, or before the report's date."""
    if a is None or b is None:
        return True
    ia, ib = _interval(a), _interval(b)
    if ia is None or ib is None:
        return True
    if ia[0].startswith("--") or ib[0].startswith("--"):
        return ia[0][-5:] == ib[0][-5:] or ia[1][-5:] == ib[1][-5:]
    if a.precision == "reported" or b.precision == "reported":
        reported, other = (ia, ib) if a.precision == "reported" else (ib, ia)
        return other[0] <= reported[1]
    return ia[0] <= ib[1] and ib[0] <= ia[1]


def same_day(a: DateMention | None, b: DateMention | None) -> bool:
    """Both dated to the same single day."""
    if a is None or b is None or a.precision not in ("day", "month-day"):
        return False
    return b.precision == a.precision and a.start == b.start


def counts_overlap(a: Sequence[tuple[float | None, float | None]],
                   b: Sequence[tuple[float | None, float | None]]) -> bool:  # fmt: skip
    """Some interval of ``a`` meets some interval of ``b`` (None: unbounded)."""
    for low_a, high_a in a:
        for low_b, high_b in b:
            if (high_b is None or (low_a or 0) <= high_b) and (
                high_a is None or (low_b or 0) <= high_a
            ):
                return True
    return False


_LABELS = ("Military Forces", "Police Forces", "Civilians", "Protesters", "Rioters")


def events_match(a: Event, b: Event, *, strict: bool = False) -> bool:
    """Same type, compatible place and date, and a count, a named actor or town-and-day shared.

    ``strict`` (for events of different stories) also asks that both give a place or both
    give a date: two undated, unplaced refusals of the same size are not one event.
    """
    if (a.event_type, a.sub_event_type, a.action) != (b.event_type, b.sub_event_type, b.action):
        return False
    if not places_compatible(a.location, b.location) or not dates_compatible(a.date, b.date):
        return False
    if strict and not (
        (a.location is not None and b.location is not None)
        or (a.date is not None and b.date is not None)
    ):
        return False
    named = {x for x in (*a.actors, *a.targets) if not x.startswith(_LABELS)}
    shared_actor = bool(named & {*b.actors, *b.targets})
    kinds = {r.get("kind") for r in a.count.get("reports", [])}
    shared_count = any(counts_overlap(_bounds(a, k), _bounds(b, k)) for k in kinds)
    return (
        shared_actor
        or shared_count
        or (same_town(a.location, b.location) and same_day(a.date, b.date))
    )


def match_candidates(events: Sequence[Event]) -> Callable[[Event], list[int]]:
    """For an event ``a``, the indexes ``j`` of ``events`` (ascending) for which
    ``events_match(a, events[j], strict=True)`` may hold; every other index fails it.

    Strict matching needs the same kind and a named actor of ``a`` among the other's
    actors or targets, a count of a kind both give, or both dated to the same day (the
    same town is checked by :func:`events_match`); and both located or both dated. So
    only events sharing such a key are compared, not every pair."""
    index: dict[tuple[object, ...], list[int]] = {}
    for j, event in enumerate(events):
        for key in _keys(event, named_only=False):
            index.setdefault(key, []).append(j)

    def candidates(event: Event) -> list[int]:
        if event.location is None and event.date is None:
            return []  # strict matching needs a place or a date on both sides
        found: set[int] = set()
        for key in _keys(event, named_only=True):
            found.update(index.get(key, ()))
        return sorted(found)

    return candidates


def _keys(event: Event, *, named_only: bool) -> set[tuple[object, ...]]:
    """What two matching events share (see :func:`match_candidates`): an actor or target
    (only named ones on the asking side), a kind of count, a day."""
    kind = (event.event_type, event.sub_event_type, event.action)
    people = {*event.actors, *event.targets}
    if named_only:
        people = {x for x in people if not x.startswith(_LABELS)}
    keys: set[tuple[object, ...]] = {(kind, "actor", x) for x in people}
    keys |= {(kind, "count", r.get("kind")) for r in event.count.get("reports", [])}
    date = event.date
    if date is not None and date.precision in ("day", "month-day"):
        keys.add((kind, "day", date.precision, date.start))
    return keys


def _bounds(event: Event, kind: object) -> list[tuple[float | None, float | None]]:
    reports = event.count.get("reports", [])
    return [(r.get("low"), r.get("high")) for r in reports if r.get("kind") == kind]


def combine(events: Sequence[Event], groups: Mapping[str, ClaimGroup]) -> Event:
    """One event from several codings of it: every value kept, the most precise fields won."""
    first = events[0]
    located = [e for e in events if e.location is not None]
    best_place = min(located, key=lambda e: (e.geo_precision or 4, e.id), default=None)
    dated = [e for e in events if e.date is not None]
    best_date = min(dated, key=lambda e: (e.time_precision or 4, e.id), default=None)
    merged = Event(
        id=first.id,
        event_type=first.event_type,
        sub_event_type=first.sub_event_type,
        actors=_union(e.actors for e in events),
        location=best_place.location if best_place else None,
        date=best_date.date if best_date else None,
        count=EventCount(reports=tuple(r for e in events for r in e.count.reports)),
        claim_group_ids=_union(e.claim_group_ids for e in events),
        sources=_union(e.sources for e in events),
        notes="",
        disorder_type=first.disorder_type,
        geo_precision=best_place.geo_precision if best_place else None,
        time_precision=best_date.time_precision if best_date else None,
        targets=_union(e.targets for e in events),
        article_ids=_union(e.article_ids for e in events),
        outlets=_union(e.outlets for e in events),
        story_ids=_union(e.story_ids for e in events),
        action=first.action,
        related_places=tuple({p.name: p for e in events for p in e.related_places}.values()),
    )
    return summarise(merged, groups)


def _union(parts: object) -> tuple[str, ...]:
    return tuple(dict.fromkeys(item for part in parts for item in part))  # type: ignore[attr-defined]


class Parts:
    """Disjoint sets of indexes 0..n-1 (union-find with path halving)."""

    def __init__(self, size: int) -> None:
        self._parent = list(range(size))

    def find(self, i: int) -> int:
        """The representative of ``i``'s set."""
        parent = self._parent
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def join(self, i: int, j: int) -> None:
        """Make ``i``'s set and ``j``'s one."""
        self._parent[self.find(i)] = self.find(j)

    def members(self) -> list[list[int]]:
        """Every set's indexes, in order of each set's first index."""
        found: dict[int, list[int]] = {}
        for i in range(len(self._parent)):
            found.setdefault(self.find(i), []).append(i)
        return list(found.values())


def cluster(
    events: Sequence[Event], *, together: Sequence[tuple[int, int]] = (), strict: bool = False
) -> list[list[Event]]:
    """Groups of events that match, transitively (single link), in first-seen order.

    ``together`` lists index pairs that are one event whatever their fields say (two
    reports in one claim group state the same fact); ``strict`` as for :func:`events_match`.
    """
    parts = Parts(len(events))
    for i, j in together:
        parts.join(i, j)
    for i, a in enumerate(events):
        for j in range(i):
            if parts.find(i) != parts.find(j) and events_match(a, events[j], strict=strict):
                parts.join(i, j)
    return [[events[i] for i in members] for members in parts.members()]


def across_stories(events: Sequence[Event]) -> list[list[Event]]:
    """The groups of events (each told in one story) that are one event told in several
    stories: single link, strict (:func:`events_match`), in first-seen order."""
    return [
        group
        for group in cluster(events, strict=True)
        if len(group) > 1 and len({s for e in group for s in e.story_ids}) > 1
    ]


def merged_event(events: Sequence[Event], groups: Mapping[str, ClaimGroup]) -> Event:
    """One event told in several stories, from each story's own event: every value kept,
    the most precise fields won; its id follows from the events it merges."""
    return dataclasses.replace(combine(events, groups), id=_merged_id(events))


def merge_across_stories(stories: Sequence[Story]) -> list[Story]:
    """Stories whose events are one event share a merged event, with one id, told once each."""
    groups = {g.id: g for story in stories for g in story.claim_groups}
    merged: dict[str, Event] = {}
    for group in across_stories([e for story in stories for e in story.events]):
        event = merged_event(group, groups)
        for part in group:
            merged[part.id] = event
    if not merged:
        return list(stories)
    result = []
    for story in stories:
        events = {merged.get(e.id, e).id: merged.get(e.id, e) for e in story.events}
        result.append(dataclasses.replace(story, events=tuple(events.values())))
    return result


def _merged_id(events: Sequence[Event]) -> str:
    ids = "|".join(sorted(e.id for e in events))
    return "ev-" + hashlib.sha256(ids.encode()).hexdigest()[:12]
