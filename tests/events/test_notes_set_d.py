"""Conflict reports in forms set D of our notes found the rules missing: nights as dates
("on the night of 3-4 June", "on Sunday night", "overnight"), captives released, forced
recruitment, ground handed over, infrastructure blown up, peace agreements signed, drones
destroyed in the air, explosives deactivated, killings "to death" and by beheading,
gatherings with demands broken up by arrests, protests dispersed by armed men, GeoNames'
French and variant region names, a region named with its region word beside a foreign
actor, a sentence that opens with the place, the Arabic article spelt otherwise.

Every report here is written for the test (none is an ACLED note, nor one of the notes in
``bench/acled_style_notes/``). Each goes through the read stage and
``pipeline.build_story`` as in a run; fields are checked as the ACLED export writes them.
"""

from __future__ import annotations

from typing import Any

import pytest

from storytrace.text.gazetteer import acled_admin1
from storytrace.text.places import geocode
from storytrace_testkit import coded_row

PUBLISHED = "2024-10-09"  # a Wednesday


def _row(text: str, published: str = PUBLISHED) -> dict[str, Any]:
    return coded_row(text, published)


@pytest.mark.parametrize(
    ("text", "date"),
    [
        # the night is dated by the day it began
        ("Russian drones struck Sumy city, Sumy, on the night of 6-7 October.", "2024-10-06"),
        ("On the night of 5 to 6 October, Russian missiles hit Kharkiv city, Kharkiv.",
         "2024-10-05"),
        ("Gunmen attacked a police post in Kandahar city, Kandahar, on Monday night.",
         "2024-10-07"),
        ("Overnight, Ukrainian drones attacked an oil depot in Bryansk city, Bryansk.",
         "2024-10-08"),
        ("Russian forces shelled Nikopol, Dnipropetrovsk, overnight on 6 October.",
         "2024-10-06"),
    ],
)  # fmt: skip
def test_nights_are_dated_by_the_day_they_began(text: str, date: str) -> None:
    assert _row(text)["event_date"] == date


def test_captives_released_are_a_strategic_development_of_the_day_of_release() -> None:
    row = _row("Bandits freed 14 farmers kidnapped last month in Katsina, Katsina.")
    assert (row["event_type"], row["sub_event_type"]) == ("Strategic developments", "Other")
    assert row["event_date"] == PUBLISHED


def test_forced_recruitment_is_a_change_of_activity() -> None:
    row = _row("Militants forcibly recruited 40 teenagers from villages near Jilib, Middle Juba.")
    assert row["sub_event_type"] == "Change to group/activity"


def test_ground_handed_over_is_a_non_violent_transfer() -> None:
    row = _row("Rebel fighters handed over their positions in Kalehe, South Kivu, to the army.")
    assert row["sub_event_type"] == "Non-violent transfer of territory"


def test_suspects_handed_over_are_no_transfer_of_ground() -> None:
    row = _row("Soldiers arrested 3 suspects in Gao, Gao, and handed them over to the police.")
    assert row["sub_event_type"] == "Arrests"


def test_infrastructure_blown_up_by_militants_is_a_remote_explosive() -> None:
    row = _row("Militants blew up a railway bridge near Quetta, Balochistan. No one was hurt.")
    assert (row["event_type"], row["sub_event_type"]) == (
        "Explosions/Remote violence",
        "Remote explosive/landmine/IED",
    )


def test_a_peace_agreement_signed_is_an_agreement() -> None:
    row = _row("The government and the rebel group signed a peace agreement in Juba, Central "
               "Equatoria.")  # fmt: skip
    assert (row["event_type"], row["sub_event_type"]) == ("Strategic developments", "Agreement")


def test_drones_destroyed_in_the_air_are_disrupted_weapons_use() -> None:
    row = _row("Air defence forces destroyed 22 attack drones over Dnipropetrovsk region.")
    assert row["sub_event_type"] == "Disrupted weapons use"


def test_a_landmine_deactivated_is_disrupted_weapons_use() -> None:
    row = _row("Army engineers deactivated a landmine planted by rebels near Tame, Arauca.")
    assert row["sub_event_type"] == "Disrupted weapons use"


def test_a_killing_told_to_death_counts_one_death() -> None:
    row = _row("A mob stoned to death a woman accused of witchcraft in Kisii, Kisii.")
    assert row["fatalities"] == 1


def test_beheading_farmers_is_an_attack_on_civilians_with_its_toll() -> None:
    row = _row("Insurgents beheaded four farmers near Macomia, Cabo Delgado, on Sunday.")
    assert (row["event_type"], row["sub_event_type"]) == ("Violence against civilians", "Attack")
    assert row["fatalities"] == 4


def test_a_gathering_with_a_demand_broken_up_by_arrests_is_a_protest() -> None:
    row = _row("Police detained 20 mothers of conscripts who gathered outside the defence "
               "ministry in Moscow demanding their sons' return.")  # fmt: skip
    assert (row["event_type"], row["sub_event_type"]) == ("Protests", "Protest with intervention")


def test_a_protest_dispersed_by_armed_fighters_is_an_intervention() -> None:
    row = _row("Dozens of students protested in Herat city, Herat, against school closures. "
               "Taliban fighters dispersed them with warning shots.")  # fmt: skip
    assert (row["event_type"], row["sub_event_type"]) == ("Protests", "Protest with intervention")


@pytest.mark.parametrize(
    ("country", "geonames", "acled"),
    [("ET", "Oromiya", "Oromia"), ("LB", "Liban-Sud", "South"), ("LB", "Liban-Nord", "North")],
)
def test_regions_are_spelt_as_acled_spells_them(country: str, geonames: str, acled: str) -> None:
    assert acled_admin1(country, geonames) == acled


def test_a_region_named_with_its_region_word_beside_a_foreign_actor() -> None:
    row = _row("American aircraft bombed militant hideouts in Shabwah governorate.")
    assert row["admin1"] == "Shabwah"
    assert row["geo_precision"] == 3


def test_a_sentence_that_opens_with_its_town_and_region() -> None:
    row = _row("In Buea, South-West region, separatist fighters killed a teacher.")
    assert row["location"] == "Buea"
    assert row["geo_precision"] == 1


def test_the_arabic_article_spelt_otherwise_finds_the_town() -> None:
    place = geocode("Al-Safira", {"SY"})
    assert place is not None and place.precision == "city" and place.lat is not None
    assert round(place.lat, 1) == 36.1


def test_the_family_of_the_dead_is_no_second_toll() -> None:
    row = _row("An airstrike hit a house in Deir al-Balah, Gaza Strip, killing 7 members of one "
               "family.")  # fmt: skip
    assert row["fatalities"] == 7


def test_aircraft_destroyed_by_a_strike_are_the_strike_not_an_interception() -> None:
    row = _row("A missile hit an air base near Kursk city, Kursk, destroying two helicopters.")
    assert row["sub_event_type"] != "Disrupted weapons use"
