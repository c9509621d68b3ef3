"""Events told in several stories are records of their own, updated from what a run rebuilt."""

from __future__ import annotations

import dataclasses
from collections.abc import Collection, Sequence

from storytrace.events.merge import across_stories, merged_event
from storytrace.incremental import cross_story_events, edges_by_story, stories_to_build
from storytrace.records import ClaimGroup, DateMention, Event, ReuseEdge

asked: list[list[str]] = []


def _day(day: int) -> DateMention:
    return DateMention(text=f"March {day}", start=f"2021-03-{day:02}", end=f"2021-03-{day:02}",
                       precision="day")  # fmt: skip


def _event(event_id: str, story: str, day: int = 2, kind: str = "Peaceful protest") -> Event:
    return Event(id=event_id, event_type="Protests", sub_event_type=kind, action="protest",
                 actors=("Farmers Union",), date=_day(day), story_ids=(story,),
                 claim_group_ids=(f"g-{event_id}",), article_ids=(f"{story}-a",))  # fmt: skip


def _groups(ids: Collection[str]) -> dict[str, ClaimGroup]:
    asked.append(sorted(ids))
    return {g: ClaimGroup(id=g, text=f"Farmers protested ({g}).", verdict="single_source",
                          members=()) for g in ids}  # fmt: skip


def _whole(events: Sequence[Event]) -> set[Event]:
    """What merging every event afresh gives."""
    groups = _groups([g for e in events for g in e.claim_group_ids])
    return {merged_event(group, groups) for group in across_stories(events)}


def _run(events: list[Event], stored: set[Event], rebuilt: set[str]) -> set[Event]:
    """The stored merged events after a run that rebuilt these stories."""
    made, dropped = cross_story_events(events, sorted(stored, key=lambda e: e.id), rebuilt,
                                       _groups)  # fmt: skip
    return {e for e in stored if e.id not in dropped} | set(made)


def test_events_of_two_stories_that_match_make_one_record_of_their_own() -> None:
    asked.clear()
    events = [_event("e1", "s1"), _event("e2", "s2"),
              _event("e3", "s3", kind="Protest with intervention")]  # fmt: skip
    (merged,), dropped = cross_story_events(events, [], {"s2"}, _groups)
    assert dropped == []
    assert set(merged.story_ids) == {"s1", "s2"} and merged.claim_group_ids == ("g-e1", "g-e2")
    assert merged.id not in {"e1", "e2"}
    assert merged.notes.startswith("Farmers protested (g-e1).")
    assert asked == [["g-e1", "g-e2"]]  # only the merged events' groups are read


def test_a_kept_merged_event_is_not_compared_or_read_again() -> None:
    events = [_event("e1", "s1"), _event("e2", "s2"), _event("e3", "s3", day=20)]
    stored = _whole(events[:2])
    asked.clear()
    assert cross_story_events(events, sorted(stored, key=lambda e: e.id), {"s3"}, _groups) == (
        [], [])  # fmt: skip
    assert asked == []


def test_runs_one_story_at_a_time_give_what_merging_everything_afresh_gives() -> None:
    events = [_event("a", "s1", 2), _event("b", "s2", 2), _event("c", "s3", 9),
              _event("d", "s4", 9), _event("e", "s4", 2, kind="Protest with intervention"),
              _event("f", "s5", 2, kind="Protest with intervention"),
              _event("g", "s6", 2)]  # fmt: skip
    stored: set[Event] = set()
    for n in range(1, 7):  # stories stored one run after another
        now = [e for e in events if int(e.story_ids[0][1:]) <= n]
        stored = _run(now, stored, {f"s{n}"})
        assert stored == _whole(now)
    assert {tuple(sorted(e.story_ids)) for e in stored} == {("s1", "s2", "s6"), ("s3", "s4"),
                                                            ("s4", "s5")}  # fmt: skip
    # s2 is rebuilt, its event now a week later: s1 and s6 stay one event without it
    moved = [dataclasses.replace(e, date=_day(15)) if e.id == "b" else e for e in events]
    stored = _run(moved, stored, {"s2"})
    assert stored == _whole(moved)
    assert ("s1", "s6") in {tuple(sorted(e.story_ids)) for e in stored}
    # s4 is merged into s3 (replaced): its events are gone, and so are its merged events
    gone = [e for e in moved if e.story_ids != ("s4",)]
    stored = _run(gone, stored, {"s3", "s4"})
    assert stored == _whole(gone)
    assert all("s4" not in e.story_ids for e in stored)


def test_stories_to_build_are_those_holding_a_new_article() -> None:
    existing = {"a": "s1", "b": "s1", "c": "s2", "d": "s3"}
    assignment = {"a": "s1", "b": "s1", "c": "s1", "d": "s3", "n": "s1"}
    assert stories_to_build(assignment, existing, ["n"]) == (["s1"], {"s1", "s2"})
    edges = [ReuseEdge("a", "n", 0.5), ReuseEdge("n", "d", 0.4), ReuseEdge("a", "n", 0.5)]
    assert edges_by_story(edges, assignment) == {"s1": [ReuseEdge("a", "n", 0.5)]}
