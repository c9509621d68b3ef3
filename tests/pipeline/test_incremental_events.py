"""Events of rebuilt stories merge with stored stories' events; unrelated stories stay."""

from __future__ import annotations

from storytrace.incremental import edges_by_story, merge_with_stored, stories_to_build
from storytrace.records import DateMention, Event, ReuseEdge, Story

DAY = DateMention(text="Tuesday", start="2021-03-02", end="2021-03-02", precision="day")


def _event(event_id: str, story: str, kind: str = "Peaceful protest") -> Event:
    return Event(id=event_id, event_type="Protests", sub_event_type=kind, action="protest",
                 actors=("Farmers Union",), date=DAY, story_ids=(story,))  # fmt: skip


def _story(story_id: str, *events: Event) -> Story:
    return Story(id=story_id, title=story_id, article_ids=(f"{story_id}-a",), events=events)


def test_a_rebuilt_event_joins_a_stored_one_and_only_that_story_changes() -> None:
    stored = _story("s1", _event("e1", "s1"))
    other = _story("s3", _event("e3", "s3", kind="Protest with intervention"))
    rebuilt = _story("s2", _event("e2", "s2"))
    built, changed = merge_with_stored([rebuilt], [stored, other])
    assert [s.id for s in changed] == ["s1"]
    (merged,) = built[0].events
    assert changed[0].events == (merged,)
    assert set(merged.story_ids) == {"s1", "s2"}
    assert merged.id not in {"e1", "e2"}


def test_without_a_match_nothing_stored_changes() -> None:
    built, changed = merge_with_stored(
        [_story("s2", _event("e2", "s2", kind="Protest with intervention"))],
        [_story("s1", _event("e1", "s1"))],
    )
    assert changed == []
    assert built[0].events[0].id == "e2"


def test_stories_to_build_are_those_holding_a_new_article() -> None:
    existing = {"a": "s1", "b": "s1", "c": "s2", "d": "s3"}
    assignment = {"a": "s1", "b": "s1", "c": "s1", "d": "s3", "n": "s1"}
    assert stories_to_build(assignment, existing, ["n"]) == (["s1"], {"s1", "s2"})
    edges = [ReuseEdge("a", "n", 0.5), ReuseEdge("n", "d", 0.4), ReuseEdge("a", "n", 0.5)]
    assert edges_by_story(edges, assignment) == {"s1": [ReuseEdge("a", "n", 0.5)]}
