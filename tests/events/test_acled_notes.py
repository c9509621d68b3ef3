"""Events from reports written as ACLED's source notes read: "Town, Region", what happened,
then what followed or the toll in a short second sentence.

Every report here is written for the test in that style (none is an ACLED note). Each goes
through the read stage and ``pipeline.build_story`` as in a run; fields are checked as the
ACLED export writes them.
"""

from __future__ import annotations

from typing import Any

import pytest

from storytrace.claims import read_articles
from storytrace.events.coding import UNKNOWN_TOLL
from storytrace.pipeline import build_story
from storytrace.records import Article, Event
from storytrace.report.acled_csv import acled_row
from storytrace.text.gazetteer import acled_admin1
from storytrace.text.nlp import load_nlp
from storytrace.text.places import geocode_places

PUBLISHED = "2023-06-16"  # a Friday


def _event(text: str, published: str = PUBLISHED) -> Event:
    article = Article.from_text(text, outlet="Monitor", published=published)
    claims = [c for _, found in read_articles([article]) for c in found]
    story = build_story("s-note", [article], claims, [])
    assert story.events, f"no event coded from: {text}"
    return story.events[0]


def _row(text: str, published: str = PUBLISHED) -> dict[str, Any]:
    return acled_row(_event(text, published), timestamp=0)


@pytest.mark.parametrize(
    ("text", "country", "admin1", "location", "geo"),
    [
        ("Russian forces launched a drone strike on Pokrovsk, Donetsk. Casualties unknown.",
         "Ukraine", "Donetsk", "Pokrovsk", 1),
        ("Syrian regime forces shelled Saraqib, Idleb. No casualties were reported.",
         "Syria", "Idleb", "Saraqib", 1),
        ("Students protested in Minna, Niger state, against the closure of their school.",
         "Nigeria", "Niger", "Minna", 1),
        ("Farmers demonstrated in Bathinda, Punjab, demanding higher prices for wheat.",
         "India", "Punjab", "Bathinda", 1),
        ("Teachers marched in Acapulco, Guerrero, demanding unpaid wages.",
         "Mexico", "Guerrero", "Acapulco de Juárez", 1),
        ("Around 40 women protested in Abuja, Federal Capital Territory, against insecurity.",
         "Nigeria", "Federal Capital Territory", "Abuja", 1),
        ("Dozens of residents demonstrated in Hajin, Deir-ez-Zor, against fuel prices.",
         "Syria", "Deir-ez-Zor", "Hajīn", 1),
        ("Fighting between Ukrainian and Russian forces took place in Bakhmut district, "
         "Donetsk. Casualties unknown.", "Ukraine", "Donetsk", "Bakhmut", 2),
        ("An IED planted by unidentified militants exploded on the outskirts of Daraa city, "
         "Daraa, injuring 2 soldiers.", "Syria", "Dar'a", None, 2),
    ],
)  # fmt: skip
def test_a_place_written_with_its_region_is_placed_in_it(
    text: str, country: str, admin1: str, location: str | None, geo: int
) -> None:
    row = _row(text)
    assert (row["country"], row["admin1"], row["geo_precision"]) == (country, admin1, geo)
    if location is not None:
        assert row["location"] == location
    assert row["latitude"] not in ("", None)


def test_a_town_unknown_in_the_named_region_leaves_the_region_not_a_namesake() -> None:
    # Vuhledar is a town of Donetsk region, none of Sumy region
    row = _row("Russian forces shelled the village of Vuhledar, Sumy. Casualties unknown.")
    assert (row["admin1"], row["geo_precision"]) == ("Sumy", 3)


def test_a_village_spelt_otherwise_is_found_in_the_named_region() -> None:
    # GeoNames spells Sumy region's Krasnopillia "Krasnopillya" (a namesake lies in Mykolaiv
    # region): the transliteration skeleton finds the one of the region named
    row = _row("Russian forces shelled the village of Krasnopillia, Sumy. Casualties unknown.")
    assert (row["admin1"], row["geo_precision"]) == ("Sumy", 1)
    assert abs(float(row["latitude"]) - 50.77) < 0.05


def test_a_list_of_regions_is_no_town_in_the_last_one() -> None:
    doc = load_nlp()("Russian forces shelled Odesa, Kherson and Mykolaiv.")
    places = geocode_places(next(iter(doc.sents)), set())
    assert not any(p.name == "Odesa" and "Kherson" in (p.admin1 or "") for p in places)


def test_acled_spells_regions_its_own_way() -> None:
    assert acled_admin1("SY", "Idlib") == "Idleb"
    assert acled_admin1("SY", "Dayr az Zawr") == "Deir-ez-Zor"
    assert acled_admin1("YE", "Al Ḩudaydah") == "Al Hudaydah"
    assert acled_admin1("NG", "Abuja Federal Capital Territory") == "Federal Capital Territory"
    assert acled_admin1("MM", "Sagaing") == "Sagaing"  # GeoNames spells it "Sagain"


@pytest.mark.parametrize(
    ("text", "fatalities"),
    [
        ("Turkish forces shelled the village of Tal Abyad, Ar-Raqqa. A child was killed.", 1),
        ("Unidentified gunmen shot dead a teacher in Celaya, Guanajuato.", 1),
        ("Russian forces launched missiles at Kharkiv city, Kharkiv. 3 people were killed.", 3),
        ("Demonstrators gathered in Bahri, Khartoum. Security forces shot dead 4 protesters.", 4),
        ("Militants shot dead a shopkeeper in Anantnag, Jammu and Kashmir.", 1),
        ("Unidentified gunmen shot at a bus in Culiacan, Sinaloa. No one was hurt.", 0),
    ],
)  # fmt: skip
def test_fatalities_follow_acleds_conservative_rule(text: str, fatalities: int) -> None:
    assert _row(text)["fatalities"] == fatalities


def test_casualties_unknown_is_zero_with_a_note() -> None:
    event = _event("Russian forces shelled Orikhiv, Zaporizhia. Casualties unknown.")
    assert acled_row(event, timestamp=0)["fatalities"] == 0
    assert UNKNOWN_TOLL in event.notes


@pytest.mark.parametrize(
    ("text", "event_type", "sub_event_type", "fatalities"),
    [
        ("Residents gathered in Kherson city, Kherson, to protest against the occupation. "
         "Soldiers fired in the air and dispersed them.",
         "Protests", "Protest with intervention", 0),
        ("Hundreds of students protested in Mandalay, Mandalay, against the coup. Security "
         "forces opened fire on the protesters, killing 2.",
         "Protests", "Excessive force against protesters", 2),
        ("Traders protested in Kano, Kano, against new market fees. The protesters later threw "
         "stones at police and burned tyres.", "Riots", "Violent demonstration", 0),
        ("Farmers protested in Kurukshetra, Haryana, against the farm laws. Police "
         "baton-charged the protesters.", "Protests", "Protest with intervention", 0),
        ("Hundreds of teachers protested in Enugu, Enugu, demanding unpaid salaries. The "
         "ministry said the salaries would be paid next month.",
         "Protests", "Peaceful protest", 0),
    ],
)  # fmt: skip
def test_a_protest_takes_what_the_next_sentence_tells_was_done(
    text: str, event_type: str, sub_event_type: str, fatalities: int
) -> None:
    row = _row(text)
    assert (row["event_type"], row["sub_event_type"], row["fatalities"]) == (
        event_type, sub_event_type, fatalities,
    )  # fmt: skip


@pytest.mark.parametrize(
    ("text", "event_type", "sub_event_type"),
    [
        ("Supporters of two rival parties clashed in Kalna, West Bengal. Several people were "
         "injured.", "Riots", "Mob violence"),
        ("Members of the Meitei and Kuki communities clashed in Moirang, Manipur. Several "
         "houses were torched.", "Riots", "Mob violence"),
        ("Bandits attacked Maru, Zamfara, killing 6 villagers.",
         "Violence against civilians", "Attack"),
        ("Houthi snipers shot and wounded a woman in Taiz city, Taizz.",
         "Violence against civilians", "Attack"),
        ("Fighting between the SAF and the RSF continued in Nyala, South Darfur. Casualties "
         "unknown.", "Battles", "Armed clash"),
    ],
)  # fmt: skip
def test_the_sides_decide_between_battle_riot_and_violence_against_civilians(
    text: str, event_type: str, sub_event_type: str
) -> None:
    row = _row(text)
    assert (row["event_type"], row["sub_event_type"]) == (event_type, sub_event_type)


def test_a_groups_forces_are_not_the_states() -> None:
    row = _row("Houthi forces shelled residential areas in Hodeidah city, Al Hudaydah.")
    assert not row["actor1"].startswith("Military Forces")
    assert "Houthi" in row["actor1"]


def test_last_night_is_the_day_before_publication() -> None:
    row = _row("Unknown gunmen abducted 3 aid workers in Maiduguri, Borno, last night.")
    assert (row["event_date"], row["time_precision"]) == ("2023-06-15", 1)


@pytest.mark.parametrize(
    "text",
    [
        # "Northern" alone names regions of Sudan, Ghana, Zambia ...: not the region here
        "The soldiers came from a base in Novgorod, Northern Russia.",
        "The delegation flew in from Kisumu, Western Kenya, on Monday.",
    ],
)
def test_a_compass_word_before_a_country_is_no_region_for_a_known_town(text: str) -> None:
    doc = load_nlp()(text)
    places = geocode_places(next(iter(doc.sents)), set())
    assert places, text
    assert places[0].precision == "city"
    assert places[0].country in ("RU", "KE")
