"""How the events stage reads a report's place (issue 19): the place the action's words
name over the speaker's and the victims' hometowns; towns the small tagger calls people or
organisations in a report that names no country, where the sentence frames them as places;
towns named in a local institution's name; a town over the district named after it; a
province written before its region as a district; "between X and Y", "30 km from X" and a
municipality as ACLED's geo_precision 2.

Every report here is written for the test (none is an ACLED note, nor one of the notes in
``bench/acled_style_notes/``). Each goes through the read stage and
``pipeline.build_story`` as in a run; fields are checked as the ACLED export writes them.
"""

from __future__ import annotations

from typing import Any

import pytest

from storytrace.text.nlp import load_nlp
from storytrace.text.places import geocode, geocode_places
from storytrace_testkit import coded_row

PUBLISHED = "2024-10-09"


def _row(text: str) -> dict[str, Any]:
    return coded_row(text, PUBLISHED)


def _where(text: str) -> tuple[str, str, str]:
    row = _row(text)
    return row["location"], row["admin1"], str(row["geo_precision"])


@pytest.mark.parametrize(
    ("text", "location", "admin1"),
    [
        ("A displaced woman who fled Kharkiv to Lviv said Russian missiles hit her old school "
         "in Izium on Sunday.", "Izyum", "Kharkiv"),
        ("Speaking in Abuja, the governor said gunmen killed seven villagers in Zaria on Sunday.",
         "Zaria", "Kaduna"),
        ("A farmer from Bauchi was among three men killed when bandits raided a village near "
         "Gusau on Sunday.", "Gusau", "Zamfara"),
    ],
)  # fmt: skip
def test_the_actions_place_beats_the_speakers_and_the_hometown(
    text: str, location: str, admin1: str
) -> None:
    row = _row(text)
    assert (row["location"], row["admin1"]) == (location, admin1)


def test_a_country_the_action_names_leaves_the_dateline_town() -> None:
    # only a town or region the action names displaces another town
    row = _row("Ottawa, 3 March - Canada imposed new sanctions on Syria on Tuesday.")
    assert row["location"] == "Ottawa"


def test_rockets_fired_from_one_country_hit_towns_of_another() -> None:
    text = "Rockets fired from Syria hit Kilis on Tuesday, wounding three civilians."
    assert _where(text)[:2] == ("Kilis", "Kilis")


@pytest.mark.parametrize(
    ("text", "location", "admin1"),
    [
        # a town's own name written without its accents is that town, not a namesake abroad
        ("Separatist fighters attacked a gendarmerie checkpoint in Njombe, Littoral, on Monday, "
         "killing two gendarmes.", "Njombé", "Littoral"),
        ("Gunmen killed five villagers in Illela, Tahoua, on Monday.", "Illéla", "Tahoua"),
    ],
)  # fmt: skip
def test_a_town_spelt_without_its_accents(text: str, location: str, admin1: str) -> None:
    row = _row(text)
    assert (row["location"], row["admin1"]) == (location, admin1)


def test_a_region_written_with_its_word_stands_whatever_the_village() -> None:
    # "Windsor" is a town of three other countries: the province is still Chad's
    text = (
        "Gunmen stormed the village of Windsor, Lac province, on Monday and killed six fishermen."
    )
    assert _where(text) == ("Lac", "Lac", "3")


def test_a_town_the_tagger_calls_an_organisation_in_a_report_naming_no_country() -> None:
    text = "Youths set fire to a police post in Djibo on Monday; two officers were hurt."
    location, admin1, geo = _where(text)
    assert (location, admin1, geo) == ("Djibo", "Sahel", "1")


def test_a_town_thirty_km_from_which_the_attack_was_is_near() -> None:
    assert _where("Militants attacked an army post 30 km from Djibo on Sunday.") == (
        "Djibo",
        "Sahel",
        "2",
    )


def test_a_first_name_is_no_guessed_town() -> None:
    # "Dori" is a town of Burkina Faso and a woman's name: untagged, with no country named,
    # it is not taken for the town
    doc = load_nlp()("Youths set fire to a police post in Dori on Monday.")
    assert geocode("Dori", set()) is not None
    assert geocode_places(next(iter(doc.sents)), set()) == []


@pytest.mark.parametrize(
    ("text", "location"),
    [
        ("Students threw stones at riot police outside the University of Jaffna on Tuesday.",
         "Jaffna"),
        ("Unknown gunmen shot dead a member of the Kenema city council on Tuesday.", "Kenema"),
    ],
)  # fmt: skip
def test_the_town_an_institution_is_named_after(text: str, location: str) -> None:
    assert _row(text)["location"] == location


def test_a_university_named_after_a_person_is_no_town() -> None:
    doc = load_nlp()("Students clashed with police at Drexel University on Tuesday.")
    assert geocode_places(next(iter(doc.sents)), {"US"}) == []


def test_a_town_beats_the_district_named_after_it() -> None:
    assert _where("Police arrested four activists in Vavuniya on Friday.") == (
        "Vavuniya",
        "Northern",
        "1",
    )


def test_a_municipality_is_near_its_town() -> None:
    assert _where("Police detained three men in Zugdidi municipality on Sunday.")[2] == "2"


def test_a_province_written_before_its_region_is_the_towns_district() -> None:
    text = ("Soldiers clashed with a column of insurgents near the river in Huanta province, "
            "Ayacucho, on Sunday; two soldiers were killed.")  # fmt: skip
    assert _where(text) == ("Huanta", "Ayacucho", "2")


def test_the_road_between_two_towns_is_near_the_first() -> None:
    text = "Gunmen ambushed a bus on the road between Gao and Ansongo on Sunday, killing four."
    assert _where(text) == ("Gao", "Gao", "2")
