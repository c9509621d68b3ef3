"""ACLED's columns beyond the type: region, place and its precision, dates relative to the
publication date, fatalities by the conservative rule, and the actors ACLED names.

Every report is written for the test in the style of conflict monitoring reports; each
goes through the read stage and ``pipeline.build_story`` as in a run.
"""

from __future__ import annotations

import pytest

from storytrace.claims import read_articles
from storytrace.events.coding import UNKNOWN_TOLL
from storytrace.pipeline import build_story
from storytrace.records import Article, Event
from storytrace.report.acled_csv import acled_row

PUBLISHED = "2024-05-10"  # a Friday


def _event(text: str) -> Event:
    article = Article.from_text(text, outlet="Monitor", published=PUBLISHED)
    claims = [c for _, found in read_articles([article]) for c in found]
    story = build_story("s-fields", [article], claims, [])
    assert story.events, f"no event coded from: {text}"
    return story.events[0]


@pytest.mark.parametrize(
    ("text", "name", "admin1", "country", "geo"),
    [
        # a named village: the village itself, its oblast in ACLED's spelling, precision 1
        ("Russian forces shelled the village of Verkhnyotoretske, Donetsk, on Wednesday. "
         "Casualties unknown.", "Verkhnotoretske", "Donetska oblast", "UA", 1),
        ("On 6 May, unidentified gunmen killed three farmers in the village of Kukawa, Borno "
         "state.", "Kukawa", "Borno", "NG", 1),
        ("Armed men kidnapped 20 students from a school in Kaduna state on 4 May.",
         "Kaduna", "Kaduna", "NG", 1),
        # a region only: precision 3
        ("Clashes erupted between herders and farmers in Benue state last week, leaving at "
         "least 20 people dead.", "Benue", "Benue", "NG", 3),
    ],
)  # fmt: skip
def test_the_place_its_region_and_geo_precision(
    text: str, name: str, admin1: str, country: str, geo: int
) -> None:
    event = _event(text)
    place = event.location
    assert place is not None
    assert (place.name, place.admin1, place.country, event.geo_precision) == (
        name,
        admin1,
        country,
        geo,
    )
    assert place.lat is not None and place.lon is not None


@pytest.mark.parametrize(
    ("text", "start", "end", "time_precision"),
    [
        ("Al-Shabaab militants attacked a military base in Jowhar yesterday.",
         "2024-05-09", "2024-05-09", 1),
        ("Two days ago, Israeli aircraft struck a house in Rafah, killing at least 12 people.",
         "2024-05-08", "2024-05-08", 1),
        ("Russian forces shelled the village of Verkhnyotoretske, Donetsk, on Wednesday.",
         "2024-05-08", "2024-05-08", 1),  # the Wednesday before publication
        ("Clashes erupted between herders and farmers in Benue state last week, leaving at "
         "least 20 people dead.", "2024-04-29", "2024-05-05", 2),  # ACLED's 2: a week
    ],
)  # fmt: skip
def test_dates_relative_to_publication(
    text: str, start: str, end: str, time_precision: int
) -> None:
    event = _event(text)
    assert event.date is not None
    assert (event.date.start, event.date.end, event.time_precision) == (start, end, time_precision)


@pytest.mark.parametrize(
    ("text", "fatalities"),
    [
        # a range: the lower bound
        ("Fighting between the army and RSF fighters in El Fasher, North Darfur, left between "
         "10 and 15 civilians dead on Tuesday.", 10),
        # "left ... dead": a toll though the verb is "leave"
        ("Clashes erupted between herders and farmers in Benue state last week, leaving at "
         "least 20 people dead.", 20),
        # deaths and injuries told together: only the deaths
        ("Russian forces launched missiles at Kharkiv on 8 May, killing 2 and injuring 15.", 2),
        ("On 6 May, unidentified gunmen killed three farmers in the village of Kukawa, Borno "
         "state.", 3),
    ],
)  # fmt: skip
def test_fatalities_are_the_conservative_toll(text: str, fatalities: int) -> None:
    assert acled_row(_event(text), timestamp=0)["fatalities"] == fatalities


def test_an_unknown_toll_is_zero_with_a_note_and_injuries_are_no_deaths() -> None:
    event = _event("An IED exploded near a checkpoint in Kirkuk on Monday, wounding four "
                   "soldiers. The number of fatalities is unknown.")  # fmt: skip
    assert (event.event_type, event.sub_event_type) == (
        "Explosions/Remote violence",
        "Remote explosive/landmine/IED",
    )
    assert UNKNOWN_TOLL in event.notes
    assert acled_row(event, timestamp=0)["fatalities"] == 0


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        # aircraft are the armed forces of their country
        ("Two days ago, Israeli aircraft struck a house in Rafah, killing at least 12 people.",
         "Military Forces of Israel"),
        ("Sudanese army retook the town of Wad Madani in Gezira state on 9 May.",
         "Military Forces of Sudan"),
        ("On 6 May, unidentified gunmen killed three farmers in the village of Kukawa, Borno "
         "state.", "Unidentified Armed Group"),
    ],
)  # fmt: skip
def test_actors_as_acled_names_them(text: str, actor: str) -> None:
    assert _event(text).actors[0].startswith(actor)


@pytest.mark.parametrize(
    ("text", "event_type", "sub_event_type"),
    [
        # forms and phrases the tagger's lemmas miss
        ("Sudanese army retook the town of Wad Madani in Gezira state on 9 May.",
         "Battles", "Government regains territory"),
        ("The Turkish army has set up a new observation point in Idlib province.",
         "Strategic developments", "Headquarters or base established"),
        ("Thousands of people took to the streets in Minsk on Sunday.",
         "Protests", "Peaceful protest"),
        # an attack word the model types, kept as a report with its place
        ("Ukrainian forces struck a Russian ammunition depot near Tokmak on Thursday.",
         "Explosions/Remote violence", None),
    ],
)  # fmt: skip
def test_phrases_and_attack_words_are_reports(
    text: str, event_type: str, sub_event_type: str | None
) -> None:
    event = _event(text)
    assert event.event_type == event_type
    if sub_event_type is not None:
        assert event.sub_event_type == sub_event_type


def test_a_sure_report_stands_alone_without_place_or_date() -> None:
    """Nothing but who and what: the kind model has no doubt it is a conflict event."""
    event = _event("Rebel groups and pro-government forces have agreed a 48-hour ceasefire in "
                   "three Syrian towns, activists say.")  # fmt: skip
    assert (event.event_type, event.sub_event_type) == ("Strategic developments", "Agreement")
