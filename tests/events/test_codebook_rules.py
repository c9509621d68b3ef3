"""ACLED's codebook rules the events stage applies to one report, on reports written for the
test in the style of wire reporting; each goes through the read stage and ``build_story``."""

from __future__ import annotations

import pytest

from storytrace.claims import read_articles
from storytrace.events import acled
from storytrace.pipeline import build_story
from storytrace.records import Article, Story


def _story(text: str) -> Story:
    article = Article.from_text(text, outlet="Wire", published="2024-05-10")
    claims = [c for _, found in read_articles([article]) for c in found]
    return build_story("s-rules", [article], claims, [])


@pytest.mark.parametrize(
    ("text", "event_type", "sub_event_type"),
    [
        # arrests at a protest are the protest, broken up
        ("Police detained dozens of protesters in Minsk on Sunday.",
         "Protests", "Protest with intervention"),
        # "riot police" are police: no riot unless the demonstrators are violent
        ("Riot police chased demonstrators during a protest in the centre of Tunis on Tuesday.",
         "Protests", "Protest with intervention"),
        # live fire on a demonstration: excessive force
        ("Security forces shot dead four protesters during a demonstration in Karbala on Friday.",
         "Protests", "Excessive force against protesters"),
        # fighters going over to another side: a change to the group
        ("About 450 fighters defected to the government side in Bentiu, Unity State, on Monday.",
         "Strategic developments", "Change to group/activity"),
    ],
)  # fmt: skip
def test_codebook_sub_event_types(text: str, event_type: str, sub_event_type: str) -> None:
    story = _story(text)
    assert story.events, f"no event coded from: {text}"
    event = story.events[0]
    assert (event.event_type, event.sub_event_type) == (event_type, sub_event_type)


def test_opening_fire_is_shooting_not_a_fire() -> None:
    story = _story("Gunmen opened fire on a minibus near Kaduna on Sunday, killing three people.")
    assert story.events
    assert all(acled.is_acled(e.event_type) for e in story.events)
    assert not any(e.sub_event_type == "Fire/explosion" for e in story.events)


def test_a_participle_that_describes_a_thing_reports_no_event() -> None:
    story = _story("Deserters in looted civilian clothing were seen near Belgorod on Monday.")
    assert not [e for e in story.events if e.sub_event_type == "Looting/property destruction"]


def test_a_report_with_only_an_unknown_place_stands_alone() -> None:
    """The place is named but the gazetteer does not know it: still a fact of the report."""
    story = _story("Unknown gunmen have opened fire on a civilian bus near Qurbaniyat village in "
                   "Lower Shabelle region, killing at least one passenger.")  # fmt: skip
    assert [e for e in story.events if acled.is_acled(e.event_type)]


@pytest.mark.parametrize(
    "text",
    [
        "Lynch herself was a partner at Hogan & Hartson from 2002 to 2010.",
        "In an essay last week, the candidate's daughter acknowledged their uphill battle.",
        "The company lost a long legal battle over the patents in Delaware.",
        "The harbour rules, announced in Dayton on Monday, are likely to draw fire from "
        "Republicans, and a costly push abroad.",
        "The county's jail population in Texas has since exploded to hold a record 12,000 "
        "inmates as of 2014, according to the sheriff.",
        "The state's jail population stood at 9,000 in 1980 and has since exploded to hold "
        "31,000 inmates as of 2014, according to the Texas sheriffs' union.",
    ],
)
def test_a_name_or_a_figure_of_speech_is_no_event(text: str) -> None:
    assert not _story(text).events


def test_a_bomb_that_explodes_is_no_accident() -> None:
    story = _story("A car bomb exploded near a market in Mogadishu on Sunday, killing four.")
    assert [(e.event_type, e.sub_event_type) for e in story.events] == [
        ("Explosions/Remote violence", "Remote explosive/landmine/IED")
    ]


@pytest.mark.parametrize(
    "text",
    [
        "At a rally Friday in Coral Springs, the candidate questioned her rival's judgement.",
        "The suicide rate among young veterans was ten times higher in 2014.",
        "Leaders proposed jointly owned drones and other shared equipment in Brussels.",
    ],
)
def test_a_campaign_rally_a_suicide_rate_and_owned_drones_are_no_event(text: str) -> None:
    assert not _story(text).events


def test_a_rally_with_a_demand_and_a_suicide_bomber_are_events() -> None:
    rally = _story("Hundreds of students rallied in Tallahassee on Monday, demanding gun laws.")
    bomber = _story("A suicide bomber killed 12 people at a checkpoint in Kabul on Sunday.")
    assert [e.sub_event_type for e in rally.events] == ["Peaceful protest"]
    assert [e.sub_event_type for e in bomber.events] == ["Suicide bomb"]


def test_coming_under_fire_is_shooting_not_a_fire() -> None:
    story = _story(
        "A checkpoint near Marib came under fire from rebel fighters on Sunday, killing two "
        "soldiers."
    )
    assert [e.event_type for e in story.events] == ["Battles"]
