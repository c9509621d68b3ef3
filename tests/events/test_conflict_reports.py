"""Events coded from short conflict reports without counts, as real conflict reporting reads.

Every report here is written for the test in the style of wire and monitoring reports.
Each goes through the read stage and ``pipeline.build_story`` as in a run.
"""

from __future__ import annotations

import pytest

from storytrace.claims import read_articles
from storytrace.events.coding import UNKNOWN_TOLL
from storytrace.pipeline import build_story
from storytrace.records import Article, Event, Story
from storytrace.report.acled_csv import acled_row

PUBLISHED = "2024-05-10"  # a Friday


def _story(text: str, published: str | None = PUBLISHED) -> Story:
    article = Article.from_text(text, outlet="Wire", published=published)
    claims = [c for _, found in read_articles([article]) for c in found]
    return build_story("s-report", [article], claims, [])


def _event(text: str, published: str | None = PUBLISHED) -> Event:
    story = _story(text, published)
    assert story.events, f"no event coded from: {text}"
    return story.events[0]


@pytest.mark.parametrize(
    ("text", "event_type", "sub_event_type"),
    [
        ("Russian forces shelled Toretsk, Donetsk, with heavy artillery on Tuesday.",
         "Explosions/Remote violence", "Shelling/artillery/missile attack"),
        ("Ukrainian troops clashed with Russian forces near the town of Kupiansk in Kharkiv "
         "region on Wednesday.", "Battles", "Armed clash"),
        ("Syrian government warplanes carried out airstrikes on the town of Maarat al-Numan in "
         "Idlib province, killing four civilians.", "Explosions/Remote violence",
         "Air/drone strike"),
        ("Hundreds of people protested peacefully outside the parliament in Tbilisi on Monday "
         "against the foreign agents bill.", "Protests", "Peaceful protest"),
        ("Police arrested 12 opposition activists in Minsk on Thursday, the rights group "
         "Viasna said.", "Strategic developments", "Arrests"),
        ("Gunmen abducted a local council member from his home in the village of Bakassi in "
         "Borno state overnight.", "Violence against civilians",
         "Abduction/forced disappearance"),
        ("A roadside bomb exploded under a police vehicle near Kandahar, wounding two officers.",
         "Explosions/Remote violence", "Remote explosive/landmine/IED"),
        ("Rioters torched cars and threw stones at police in the centre of Dakar on Tuesday "
         "after the opposition leader was sentenced.", "Riots", "Violent demonstration"),
    ],
)  # fmt: skip
def test_each_report_is_coded_with_its_acled_sub_event_type(
    text: str, event_type: str, sub_event_type: str
) -> None:
    event = _event(text)
    assert (event.event_type, event.sub_event_type) == (event_type, sub_event_type)


def test_shelling_without_a_count_is_an_event_with_an_acled_actor_and_unknown_toll() -> None:
    event = _event("Russian forces shelled Toretsk, Donetsk, on Tuesday. Casualties unknown.")
    assert event.actors[0] == "Military Forces of Russia (2000-)"
    assert (event.location.name, event.location.country, event.geo_precision) == (
        "Toretsk", "UA", 1,
    )  # fmt: skip
    assert (event.date.start, event.time_precision) == ("2024-05-07", 1)  # Tuesday before
    assert UNKNOWN_TOLL in event.notes
    row = acled_row(event, timestamp=0)
    assert (row["fatalities"], row["inter1"], row["actor2"], row["interaction"]) == (0, 1, "", 10)


def test_a_clash_near_a_town_has_both_sides_and_precision_two() -> None:
    event = _event("The Ukrainian army clashed with the Russian forces near Barvinkove, Kharkiv, "
                   "on Thursday.")  # fmt: skip
    assert (event.event_type, event.sub_event_type) == ("Battles", "Armed clash")
    assert event.actors[0] == "Military Forces of Ukraine (2019-)"
    assert event.targets[0] == "Military Forces of Russia (2000-)"
    assert event.location.name == "Barvinkove"
    assert event.geo_precision == 2  # "near" a town
    row = acled_row(event, timestamp=0)
    assert (row["inter1"], row["inter2"], row["interaction"]) == (1, 1, 11)


def test_a_region_only_is_precision_three() -> None:
    event = _event("Russian troops shelled settlements in the Sumy region on Monday, the "
                   "regional military administration said.")  # fmt: skip
    assert event.geo_precision == 3
    assert event.location.country == "UA"


def test_without_a_date_the_publication_date_is_used_with_its_precision() -> None:
    event = _event("Russian forces shelled Toretsk, Donetsk. Casualties unknown.")
    assert event.date.start == PUBLISHED
    assert event.time_precision in (2, 3)


def test_a_denied_or_planned_attack_is_no_event() -> None:
    assert _story("Officials in Kharkiv said Russian forces will not shell the city again, "
                  "according to the mayor.").events == ()  # fmt: skip


@pytest.mark.parametrize(
    ("text", "event_type", "sub_event_type"),
    [
        # a rule word ("clash") whose sentence the kind model is sure of: a riot, not a battle
        ("Hundreds of demonstrators clashed with police in Conakry on Monday, burning tyres "
         "and throwing stones.", "Riots", "Violent demonstration"),
        # a claim of responsibility is outside ACLED's scheme, whatever the bomb's rule says
        ("The Islamic State group claimed responsibility for the suicide bombing in Kabul on "
         "Friday.", "Attribution", "Claim of responsibility"),
        # event words the rules do not know, taken for reports by the kind model
        ("Islamist militants seized control of the town of Mocimboa da Praia in Cabo Delgado "
         "on Wednesday.", "Battles", "Non-state actor overtakes territory"),
        ("Troops found a cache of weapons and ammunition in a forest near Beni on Saturday.",
         "Strategic developments", "Disrupted weapons use"),
    ],
)  # fmt: skip
def test_the_kind_model_names_what_the_action_word_alone_would_not(
    text: str, event_type: str, sub_event_type: str
) -> None:
    event = _event(text)
    assert (event.event_type, event.sub_event_type) == (event_type, sub_event_type)
