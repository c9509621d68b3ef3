"""Reports in the style of ACLED's source notes from many countries: the region as ACLED
spells it, remote weapons named by their word, drones shot down, villages and district seats.

Every report here is written for the test (none is an ACLED note). Each goes through the read
stage and ``pipeline.build_story`` as in a run; fields are checked as the ACLED export
writes them.
"""

from __future__ import annotations

from typing import Any

import pytest

from storytrace.claims import read_articles
from storytrace.pipeline import build_story
from storytrace.records import Article
from storytrace.text.gazetteer import acled_admin1, villages_named
from storytrace_testkit import coded_row

PUBLISHED = "2024-05-17"  # a Friday


def _row(text: str, published: str = PUBLISHED) -> dict[str, Any]:
    return coded_row(text, published)


@pytest.mark.parametrize(
    ("country", "iso_name", "acled"),
    [
        ("SO", "Hiiraan", "Hiraan"),
        ("SO", "Shabeellaha Hoose", "Lower Shabelle"),
        ("IQ", "Nīnawá", "Ninewa"),
        ("IQ", "Arbīl", "Erbil"),  # a governorate of the Kurdistan Region: ACLED's own region
        ("PS", "Nablus", "West Bank"),
        ("PS", "Khan Yunis", "Gaza Strip"),
        ("LB", "An Nabaţīyah", "Nabatieh"),
        ("PH", "Davao (Region XI)", "Davao"),
        ("BF", "Sanmatenga", "Centre-Nord"),  # a province: its region
        ("PH", "Sulu", "Bangsamoro Autonomous Region in Muslim Mindanao"),
        ("RU", "Krasnodarskiy kray", "Krasnodar"),
        ("RU", "Bryanskaya oblast'", "Bryansk"),
        ("UA", "Zaporizka oblast", "Zaporizhia"),
        ("KE", "Nairobi City", "Nairobi"),
        ("AF", "Panjshayr", "Panjshir"),
    ],
)  # fmt: skip
def test_regions_are_spelt_as_acled_spells_them(country: str, iso_name: str, acled: str) -> None:
    assert acled_admin1(country, iso_name) == acled


@pytest.mark.parametrize(
    ("text", "admin1", "location"),
    [
        ("Al Shabaab fighters clashed with Somali troops in Jowhar, Middle Shabelle. "
         "Casualties unknown.", "Middle Shabelle", "Jawhar"),
        ("Israeli forces arrested 6 Palestinians in Nablus, West Bank.", "West Bank", "Nablus"),
        ("NPA rebels ambushed an army patrol in Catarman, Northern Samar. Casualties unknown.",
         "Eastern Visayas", "Catarman"),
        ("Suspected JNIM militants attacked a VDP post in Kaya, Sanmatenga province, Centre-Nord "
         "region, killing 4 VDP members.", "Centre-Nord", "Kaya"),
    ],
)  # fmt: skip
def test_a_report_gives_the_region_acled_names(text: str, admin1: str, location: str) -> None:
    row = _row(text)
    assert (row["admin1"], row["location"]) == (admin1, location)


def test_a_french_region_is_found_by_its_english_name() -> None:
    row = _row("M23 rebels clashed with FARDC troops in Uvira, South Kivu. Casualties unknown.")
    assert (row["country"], row["admin1"]) == ("Democratic Republic of Congo", "Sud-Kivu")


def test_a_town_written_without_its_diacritics_is_found() -> None:
    # GeoNames spells it "Niafunké"; the town is too small for its alternate names
    row = _row("Unidentified gunmen killed a trader in Niafunke, Tombouctou. ")
    assert (row["location"], row["geo_precision"]) == ("Niafunké", 1)


def test_a_region_named_after_its_seat_is_the_region() -> None:
    row = _row("Unidentified gunmen killed a trader in Goundam, Timbuktu region.")
    assert (row["location"], row["admin1"], row["geo_precision"]) == ("Goundam", "Tombouctou", 1)


def test_a_district_seat_without_a_population_is_a_village() -> None:
    # GeoNames records no population for Tessalit, a seat of a district: still in the table
    assert any(v["countrycode"] == "ML" for v in villages_named("Tessalit"))


def test_a_village_named_in_a_district_is_the_place_not_the_district() -> None:
    row = _row("Ukrainian drones struck the village of Kozinka in Grayvoron district, Belgorod. "
               "Casualties unknown.")  # fmt: skip
    assert (row["location"], row["geo_precision"]) == ("Kozinka", 1)


def test_a_town_known_abroad_only_by_another_name_is_no_namesake() -> None:
    # "Boni" is one of Bonn's other names: not a reason to leave Mali's Mopti region
    row = _row("JNIM fighters clashed with Dozo hunters near Boni, Mopti. Casualties unknown.")
    assert (row["country"], row["admin1"]) == ("Mali", "Mopti")


@pytest.mark.parametrize(
    "text",
    [
        "Clashes between ELN militants and the army were reported in the rural area of Ituango, "
        "Antioquia. Casualties unknown.",
        "Fighting took place in the hinterlands of Ituango, Antioquia. Casualties unknown.",
    ],
)
def test_a_rural_area_of_a_town_is_near_it(text: str) -> None:
    row = _row(text)
    assert (row["location"], row["geo_precision"]) == ("Ituango", 2)


@pytest.mark.parametrize(
    "text",
    [
        "Russian air defence systems shot down 9 Ukrainian drones over Belgorod, Belgorod. "
        "No casualties were reported.",
        "Ukrainian forces intercepted two Russian cruise missiles over Lviv, Lviv.",
    ],
)
def test_drones_or_missiles_brought_down_are_disrupted_weapons_use(text: str) -> None:
    row = _row(text)
    assert (row["event_type"], row["sub_event_type"]) == (
        "Strategic developments",
        "Disrupted weapons use",
    )


@pytest.mark.parametrize(
    ("text", "sub_type"),
    [
        ("A Russian drone hit a car in Nikopol, Dnipropetrovsk, injuring a man.",
         "Air/drone strike"),
        ("Militants detonated a roadside bomb as a police patrol passed in Bannu, Khyber "
         "Pakhtunkhwa, killing 2 policemen.", "Remote explosive/landmine/IED"),
        ("An IED blast hit an army truck in Kupwara, Jammu and Kashmir. Casualties unknown.",
         "Remote explosive/landmine/IED"),
    ],
)  # fmt: skip
def test_the_weapon_named_gives_the_remote_sub_type(text: str, sub_type: str) -> None:
    row = _row(text)
    assert (row["event_type"], row["sub_event_type"]) == ("Explosions/Remote violence", sub_type)


def test_killing_with_no_remote_weapon_is_no_remote_violence() -> None:
    row = _row("ADF militants killed 6 civilians with machetes in Oicha, North Kivu.")
    assert (row["event_type"], row["sub_event_type"]) == ("Violence against civilians", "Attack")


def test_a_raid_met_with_fighting_is_an_armed_clash() -> None:
    row = _row("Israeli forces raided Nablus, West Bank, and clashed with Palestinian gunmen. "
               "Casualties unknown.")  # fmt: skip
    assert (row["event_type"], row["sub_event_type"]) == ("Battles", "Armed clash")


def test_a_lynching_is_mob_violence_whatever_the_model_reads() -> None:
    row = _row("A crowd lynched a suspected kidnapper in Huejutla, Hidalgo.")
    assert (row["event_type"], row["sub_event_type"]) == ("Riots", "Mob violence")


def test_a_sit_in_is_a_peaceful_protest() -> None:
    row = _row("Teachers held a sit-in in front of the education office in Sukkur, Sindh.")
    assert (row["event_type"], row["sub_event_type"]) == ("Protests", "Peaceful protest")


@pytest.mark.parametrize(("word", "coded"), [("dozens", 12), ("hundreds", 100)])
def test_a_vague_toll_is_coded_as_acled_codes_it(word: str, coded: int) -> None:
    row = _row(f"Nigerian troops killed {word} of ISWAP fighters in Bama, Borno.")
    assert row["fatalities"] == coded


def test_people_intercepted_are_no_disrupted_weapons_use() -> None:
    article = Article.from_text(
        "Coast guards intercepted 40 migrants off the coast of Zuwara, Libya.",
        outlet="Monitor", published=PUBLISHED,
    )  # fmt: skip
    claims = [c for _, found in read_articles([article]) for c in found]
    story = build_story("s-note", [article], claims, [])
    assert all(e.sub_event_type != "Disrupted weapons use" for e in story.events)


def test_explosives_found_before_use_are_disrupted_weapons_use() -> None:
    row = _row("Iraqi troops found and cleared 12 IEDs planted on a road in Tarmiyah, Baghdad.")
    assert (row["event_type"], row["sub_event_type"]) == (
        "Strategic developments",
        "Disrupted weapons use",
    )


def test_homes_demolished_are_property_destruction() -> None:
    row = _row("Israeli forces demolished three Palestinian homes in Hebron, West Bank.")
    assert (row["event_type"], row["sub_event_type"]) == (
        "Strategic developments",
        "Looting/property destruction",
    )


def test_a_region_with_a_suffix_is_found_by_its_geonames_name() -> None:
    # ISO spells it "Panjshayr"
    row = _row("The Taliban and NRF fighters clashed in Panjshir province. Casualties unknown.")
    assert (row["country"], row["admin1"], row["geo_precision"]) == ("Afghanistan", "Panjshir", 3)


def test_a_region_name_with_a_french_particle_is_read_whole() -> None:
    row = _row("Soldiers clashed with JNIM militants near Solenzo, Boucle du Mouhoun. "
               "Casualties unknown.")  # fmt: skip
    assert (row["country"], row["admin1"]) == ("Burkina Faso", "Boucle du Mouhoun")
