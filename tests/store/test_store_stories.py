"""Stories as one consistent state: replaced whole, merged away with a redirect, never empty."""

from __future__ import annotations

import dataclasses
import threading
import time

import pytest

from storytrace.errors import StoreError
from storytrace.records import Story
from storytrace.store import open_store


def _story(story_id: str, *articles, title: str = "t") -> Story:
    return Story(id=story_id, title=title, article_ids=tuple(a.id for a in articles))


@pytest.fixture
def three(store, sofrep, ibt, flood):
    for article in (sofrep, ibt, flood):
        store.add_article(article)
    return sofrep, ibt, flood


def test_a_merged_away_story_is_deleted_and_redirects_to_its_successor(store, three):
    sofrep, ibt, flood = three
    store.replace_stories([_story("s1", sofrep), _story("s2", ibt), _story("s3", flood)])

    merged = store.replace_stories([_story("s1", sofrep, ibt), _story("s3", flood)])

    assert merged == {"s2": "s1"}
    assert [s.id for s in store.get_stories()] == ["s1", "s3"]
    assert store.get_story("s2") is None
    assert store.redirect_of("s2") == "s1"
    assert store.story_of(ibt.id) == "s1"
    assert all(s.article_ids for s in store.get_stories())


def test_replacing_some_stories_leaves_every_other_one_as_stored(store, three):
    sofrep, ibt, flood = three
    store.replace_stories([_story("s1", sofrep), _story("s2", ibt), _story("s3", flood, title="x")])

    merged = store.replace_stories([_story("s1", sofrep, ibt)], replacing={"s1", "s2"})

    assert merged == {"s2": "s1"}
    assert {s.id: s.article_ids for s in store.get_stories()} == {
        "s1": (sofrep.id, ibt.id),
        "s3": (flood.id,),
    }
    assert store.get_story("s3").title == "x"


def test_a_split_keeps_both_parts_and_redirects_nothing(store, three):
    sofrep, ibt, flood = three
    store.replace_stories([_story("s1", sofrep, ibt, flood)])

    assert store.replace_stories([_story("s1", sofrep), _story("s4", ibt, flood)]) == {}

    assert {s.id: s.article_ids for s in store.get_stories()} == {
        "s1": (sofrep.id,),
        "s4": (ibt.id, flood.id),
    }
    assert store.redirect_of("s4") is None


def test_redirects_follow_a_chain_of_merges(store, three):
    sofrep, ibt, flood = three
    store.replace_stories([_story("s1", sofrep), _story("s2", ibt), _story("s3", flood)])
    store.replace_stories([_story("s1", sofrep, ibt), _story("s3", flood)])
    store.replace_stories([_story("s3", sofrep, ibt, flood)])

    assert store.redirect_of("s2") == "s3"
    assert store.redirect_of("s1") == "s3"
    assert [s.id for s in store.get_stories()] == ["s3"]


def test_a_story_that_comes_back_is_no_longer_redirected(store, three):
    sofrep, ibt, _flood = three
    store.replace_stories([_story("s1", sofrep), _story("s2", ibt)])
    store.replace_stories([_story("s1", sofrep, ibt)])
    store.replace_stories([_story("s1", sofrep), _story("s2", ibt)])
    assert store.redirect_of("s2") is None
    assert store.get_story("s2") is not None


def test_an_empty_story_is_never_stored(store, three):
    sofrep, ibt, _flood = three
    store.replace_stories([_story("s1", sofrep, ibt), _story("empty")])
    assert [s.id for s in store.get_stories()] == ["s1"]


def test_replacing_with_the_same_stories_changes_nothing(store, three, mutiny_story):
    _sofrep, _ibt, flood = three
    stories = [mutiny_story, _story("s9", flood)]
    store.replace_stories(stories)
    before = store.get_stories()
    assert store.replace_stories(before) == {}
    assert store.get_stories() == before == sorted(stories, key=lambda s: s.id)


def test_a_failed_replacement_leaves_the_previous_stories_whole(store, three, mutiny_story):
    sofrep, ibt, flood = three
    store.replace_stories([mutiny_story, _story("s9", flood)])
    before = store.get_stories()
    broken = dataclasses.replace(mutiny_story, article_ids=(sofrep.id, "not-stored"))

    with pytest.raises(StoreError):
        store.replace_stories([_story("s9", flood, ibt), broken])

    assert store.get_stories() == before
    assert store.redirect_of("s9") is None


def test_story_updates_of_two_connections_take_turns(db, store, three):
    order: list[str] = []
    entered = threading.Event()

    def first() -> None:
        with open_store(db) as mine, mine.story_update():
            order.append("first in")
            entered.set()
            time.sleep(0.5)
            order.append("first out")

    def second() -> None:
        entered.wait(10)
        with open_store(db) as mine, mine.story_update():
            order.append("second in")

    threads = [threading.Thread(target=first), threading.Thread(target=second)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    assert order == ["first in", "first out", "second in"]


def test_stories_with_events_finds_only_the_stories_holding_that_kind(store, three):
    from storytrace.records import Event

    sofrep, ibt, flood = three
    riot = Event(id="e1", event_type="Riots", sub_event_type="Mob violence", action="riot")
    fire = Event(id="e2", event_type="Explosions", sub_event_type="Remote", action="fire")
    store.replace_stories([
        dataclasses.replace(_story("s1", sofrep), events=(riot,)),
        dataclasses.replace(_story("s2", ibt), events=(fire,)),
        _story("s3", flood),
    ])  # fmt: skip

    assert store.stories_with_events([("Riots", "Mob violence", "riot")]) == ["s1"]
    assert store.stories_with_events([("Riots", "Mob violence", "fire")]) == []
    both = [("Explosions", "Remote", "fire"), ("Riots", "Mob violence", "riot")]
    assert store.stories_with_events(both) == ["s1", "s2"]


def test_events_told_in_several_stories_are_records_of_their_own(store, three):
    from storytrace.records import ClaimGroup, DateMention, Event, Place

    sofrep, ibt, flood = three
    pskov = Place("Pskov", "Pskov", "RU", "Pskovskaya oblast'", 57.8, 28.3, "city")
    day = DateMention("March 5", "2022-03-05", "2022-03-05", "day")
    refusal = Event(id="e1", event_type="Strategic developments", sub_event_type="Other",
                    action="refusal", location=pskov, date=day, claim_group_ids=("g1",),
                    story_ids=("s1",), count={"reports": [{"kind": "people"}]})  # fmt: skip
    other = dataclasses.replace(refusal, id="e2", claim_group_ids=("g2",), story_ids=("s2",))
    fire = Event(id="e3", event_type="Explosions", sub_event_type="Remote", action="fire")
    group = ClaimGroup(id="g1", text="60 paratroopers refused.", verdict="single_source",
                       members=())  # fmt: skip
    store.replace_stories([
        dataclasses.replace(_story("s1", sofrep), events=(refusal,), claim_groups=(group,)),
        dataclasses.replace(_story("s2", ibt), events=(other, fire)),
        _story("s3", flood),
    ])  # fmt: skip
    kind = ("Strategic developments", "Other", "refusal")

    assert store.event_kinds(["s2", "s3"]) == {kind, ("Explosions", "Remote", "fire")}
    assert store.story_events([kind]) == [refusal, other]
    assert store.claim_groups(["g1", "g9"]) == {"g1": group}

    merged = dataclasses.replace(refusal, id="m1", story_ids=("s1", "s2"))
    store.save_cross_events([merged])
    assert store.get_cross_events() == [merged] == store.cross_events([kind])
    assert store.cross_events([("Explosions", "Remote", "fire")]) == []
    assert store.story_events([kind]) == [refusal, other]  # the stories keep their own
    assert [s.events for s in store.get_stories(["s1"])] == [(refusal,)]
    grown = dataclasses.replace(merged, id="m2", story_ids=("s1", "s2", "s3"))
    lone = dataclasses.replace(fire, id="m3", story_ids=("s2", "s3"))
    store.save_cross_events([grown, lone], replacing=["m1"])
    assert store.get_cross_events() == [grown, lone]
    store.save_cross_events([], replacing=["m2"])
    assert store.get_cross_events() == [lone]


def test_stories_streamed_once_replace_as_a_list_does(store, three, mutiny_story):
    """``replace_stories`` reads a one-shot stream (what a run streams from disk): the
    merges, redirects and stories are those a list gives."""
    sofrep, ibt, flood = three
    store.replace_stories([_story("s1", sofrep), _story("s2", ibt), _story("s3", flood)])

    merged = store.replace_stories(iter([_story("s1", sofrep, ibt), _story("s3", flood)]))

    assert merged == {"s2": "s1"}
    assert {s.id: s.article_ids for s in store.get_stories()} == {
        "s1": (sofrep.id, ibt.id),
        "s3": (flood.id,),
    }
    assert store.redirect_of("s2") == "s1"


def test_a_stream_that_breaks_midway_leaves_the_previous_stories_whole(store, three):
    sofrep, ibt, flood = three
    store.replace_stories([_story("s1", sofrep), _story("s2", ibt), _story("s3", flood)])
    before = store.get_stories()

    def stream():
        yield _story("s1", sofrep, ibt, flood)  # saved first, then the stream breaks
        raise OSError("the spill file could not be read")

    with pytest.raises(OSError):
        store.replace_stories(stream())

    assert store.get_stories() == before
    assert store.redirect_of("s2") is None
