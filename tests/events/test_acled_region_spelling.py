"""First-level regions as ACLED writes them: short names without the generic word
("Northern", not "Northern Province"), ACLED's romanisations (Armenia, Iran, Israel),
Indonesia's provinces rather than ISO's island groups, and the regions of countries that
redrew theirs (Nepal's seven provinces of 2015, the Congo's twenty-six of 2015).

Every report is written for the test (none is an ACLED note) and goes through the read
stage and ``pipeline.build_story`` as in a run; fields are checked as the ACLED export
writes them.
"""

from __future__ import annotations

from typing import Any

import pytest

from storytrace.text.gazetteer import acled_admin1
from storytrace_testkit import coded_row

PUBLISHED = "2024-05-17"  # a Friday


def _row(text: str) -> dict[str, Any]:
    return coded_row(text, PUBLISHED)


@pytest.mark.parametrize(
    ("text", "admin1"),
    [
        # Nepal: the provinces, not the development regions GeoNames once gave
        ("Police fired tear gas at teachers demonstrating for a new education act in "
         "Pokhara on Wednesday.", "Gandaki"),
        ("Hundreds of shopkeepers protested in Dhangadhi on Tuesday against a new municipal "
         "tax.", "Sudurpashchim"),
        ("Farmers blocked the highway near Biratnagar on Monday demanding fertiliser; the "
         "protest ended peacefully.", "Koshi"),
        # Sri Lanka: ACLED writes the province without the word
        ("Fishermen staged a sit-in at the Jaffna harbour on Thursday against Indian "
         "trawlers.", "Northern"),
        # Armenia: ACLED's romanisation, without "Marz"
        ("Azerbaijani forces shelled positions near Goris on Tuesday; the defence ministry "
         "reported no casualties.", "Syunik"),
        # Iran: English names
        ("Security forces opened fire on mourners in Zahedan on Wednesday, killing 3 "
         "people, rights groups said.", "Sistan and Baluchestan"),
        # Israel: the districts by their Hebrew names
        ("Hezbollah fired rockets at Safed, northern Israel, on Thursday. No injuries were "
         "reported.",
         "HaZafon"),
        # Indonesia: a province, not ISO's island group
        ("Police arrested 5 suspected members of a militant cell in Bandung on Tuesday.",
         "West Java"),
        # the Congo: the 2015 provinces
        ("ADF rebels attacked a village near Bunia on Wednesday, killing 6 civilians.", "Ituri"),
    ],
)  # fmt: skip
def test_a_report_gives_the_region_as_acled_spells_it(text: str, admin1: str) -> None:
    assert _row(text)["admin1"] == admin1


@pytest.mark.parametrize(
    ("country", "name", "acled"),
    [
        ("LK", "Eastern Province", "Eastern"),
        ("BD", "Dhaka", "Dhaka"),  # GeoNames: "Dhaka Division"
        ("TN", "Sfax", "Sfax"),  # GeoNames: "Safaqis"
        ("EG", "Al Qāhirah", "Cairo"),  # GeoNames: "Muhafazat al Qahirah"
        ("AM", "Vayots' Dzori Marz", "Vayots Dzor"),  # a GeoNames name ISO does not spell
        ("IR", "Kordestān", "Kurdistan"),
        ("IR", "Āz̄ārbāyjān-e Ghārbī", "West Azarbaijan"),
        ("ID", "Papua Pengunungan", "Highland Papua"),
        ("NG", "Abuja Federal Capital Territory", "Federal Capital Territory"),
        ("BY", "Grodnenskaya", "Grodno"),  # GeoNames' Russian name; ISO's is Belarusian
        ("BY", "Homieĺskaja voblasć", "Gomel"),
    ],
)  # fmt: skip
def test_region_names_lose_only_the_generic_word(country: str, name: str, acled: str) -> None:
    assert acled_admin1(country, name) == acled


@pytest.mark.parametrize(
    ("country", "name"),
    [
        ("ZA", "Free State"),  # the word is part of the name
        ("IN", "Uttar Pradesh"),
        ("CN", "Tibet Autonomous Region"),
    ],
)
def test_a_generic_word_that_is_part_of_the_name_stays(country: str, name: str) -> None:
    assert acled_admin1(country, name) == name


def test_a_region_known_only_by_name_is_placed_at_the_seat_it_is_named_after() -> None:
    # Mali's Ménaka region: the commune of Andéranboukan counts more people than the town
    # of Ménaka, but ACLED places a region-only event at the region's seat
    row = _row("Unidentified gunmen killed two herders in the Menaka region on Friday, local "
               "sources said.")  # fmt: skip
    assert (row["location"], row["geo_precision"]) == ("Ménaka", 3)
    assert float(row["latitude"]) == pytest.approx(15.92, abs=0.02)


@pytest.mark.parametrize(
    ("text", "location", "lat", "lon", "geo"),
    [
        # a district (ISO's second level) named after its town: the name alone is the town
        ("Police arrested two men in Batticaloa on Monday over a grenade attack.",
         "Batticaloa", 7.71, 81.69, 1),
        # a governorate whose GeoNames towns are not matched to it
        ("Israeli forces raided the Jenin camp on Monday and arrested 5 men.", "Jenin",
         32.46, 35.30, 3),
    ],
)  # fmt: skip
def test_a_region_without_a_known_town_is_placed_at_the_town_named_as_it(
    text: str, location: str, lat: float, lon: float, geo: int
) -> None:
    row = _row(text)
    assert (row["location"], row["geo_precision"]) == (location, geo)
    assert (float(row["latitude"]), float(row["longitude"])) == pytest.approx((lat, lon), abs=0.02)


@pytest.mark.parametrize(
    ("text", "location", "admin1"),
    [
        # the short vowels of Arabic names are not written: GeoNames' "Bent Jbaïl"
        ("An Israeli drone struck a house in Bint Jubayl, southern Lebanon, on Monday, "
         "killing 2 people.", "Bent Jbaïl", "Nabatieh"),
        # GeoNames' region "Nabatiye" is ACLED's "Nabatieh"
        ("Israeli artillery shelled the outskirts of Hasbaya, southern Lebanon, on Monday. No "
         "casualties were reported.", "Hasbaya", "Nabatieh"),
    ],
)  # fmt: skip
def test_a_village_spelt_with_other_vowels_is_found_in_the_country_named(
    text: str, location: str, admin1: str
) -> None:
    row = _row(text)
    assert (row["location"], row["admin1"]) == (location, admin1)


def test_a_village_is_not_taken_for_another_with_the_same_consonants() -> None:
    # "Rybotyn" (Chernihiv) has Robotyne's consonants but not its last letter
    row = _row("Russian forces shelled Robotyne, Zaporizhia, on Monday. Casualties unknown.")
    assert row["location"] != "Rybotyn"
