"""Events told in several stories are records of their own: a story keeps its own events."""

from __future__ import annotations

from collections.abc import Collection

from storytrace.incremental import cross_story_events, edges_by_story, stories_to_build
from storytrace.records import ClaimGroup, DateMention, Event, ReuseEdge

DAY = DateMention(text="Tuesday", start="2021-03-02", end="2021-03-02", precision="day")


def _event(event_id: str, story: str, kind: str = "Peaceful protest") -> Event:
    return Event(id=event_id, event_type="Protests", sub_event_type=kind, action="protest",
                 actors=("Farmers Union",), date=DAY, story_ids=(story,),
                 claim_group_ids=(f"g-{event_id}",), article_ids=(f"{story}-a",))  # fmt: skip


def _groups(ids: Collection[str]) -> dict[str, ClaimGroup]:
    asked.append(sorted(ids))
    return {g: ClaimGroup(id=g, text=f"Farmers protested ({g}).", verdict="single_source",
                          members=()) for g in ids}  # fmt: skip


asked: list[list[str]] = []


def test_events_of_two_stories_that_match_make_one_record_of_their_own() -> None:
    asked.clear()
    events = [_event("e1", "s1"), _event("e2", "s2"),
              _event("e3", "s3", kind="Protest with intervention")]  # fmt: skip
    (merged,) = cross_story_events(events, _groups)
    assert set(merged.story_ids) == {"s1", "s2"}
    assert merged.claim_group_ids == ("g-e1", "g-e2")
    assert merged.id not in {"e1", "e2"}
    assert merged.notes.startswith("Farmers protested (g-e1).")
    assert asked == [["g-e1", "g-e2"]]  # only the merged events' groups are read
    again = cross_story_events(list(reversed(events)), _groups)
    assert [e.id for e in again] == [merged.id]  # the id follows from the events merged


def test_events_of_one_story_or_unmatched_make_none() -> None:
    asked.clear()
    same_story = [_event("e1", "s1"), _event("e2", "s1")]
    unmatched = [_event("e1", "s1"), _event("e2", "s2", kind="Protest with intervention")]
    assert cross_story_events(same_story, _groups) == []
    assert cross_story_events(unmatched, _groups) == []
    assert asked == []


def test_stories_to_build_are_those_holding_a_new_article() -> None:
    existing = {"a": "s1", "b": "s1", "c": "s2", "d": "s3"}
    assignment = {"a": "s1", "b": "s1", "c": "s1", "d": "s3", "n": "s1"}
    assert stories_to_build(assignment, existing, ["n"]) == (["s1"], {"s1", "s2"})
    edges = [ReuseEdge("a", "n", 0.5), ReuseEdge("n", "d", 0.4), ReuseEdge("a", "n", 0.5)]
    assert edges_by_story(edges, assignment) == {"s1": [ReuseEdge("a", "n", 0.5)]}
