"""Places written as ACLED's notes write them (issue 19): a town with its regions in brackets
("Eldoret (Uasin Gishu)", "Marseille (Marseille - Provence-Alpes-Cote d'Azur)"), a city and
its district ("Rawalpindi - Raja Bazar (Rawalpindi - Punjab)", "Chennai - Ward 12
(Chennai)"); a name spelt otherwise than the gazetteer spells a town of the region it is
written with ("Bardera, Gedo" is GeoNames' Baardheere); a town said to lie in a place of
another country ("near Lido beach in Mogadishu").

Every sentence is written for the test (none is an ACLED note, nor one of the notes in
``bench/acled_style_notes/``); no country is named in any of them.
"""

from __future__ import annotations

import pytest

from storytrace.records import Place
from storytrace.text import load_nlp
from storytrace.text.places import geocode_places


def _places(sentence: str) -> list[Place]:
    doc = load_nlp()(sentence)
    return [p for s in doc.sents for p in geocode_places(s, set())]


def _first(sentence: str) -> tuple[str, str | None, str | None, str]:
    place = _places(sentence)[0]
    return place.name, place.country, place.admin1, place.precision


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Residents of Eldoret (Uasin Gishu) held a demonstration against the tax bill.",
         ("Eldoret", "KE", "Uasin Gishu", "city")),
        ("Dockers marched in Marseille (Marseille - Provence-Alpes-Cote d'Azur) against the "
         "pension reform.", ("Marseille", "FR", "Provence-Alpes-Côte-d’Azur", "city")),
        ("Traders protested in Rawalpindi - Raja Bazar (Rawalpindi - Punjab) against new taxes.",
         ("Rawalpindi", "PK", "Punjab", "city")),
        ("Residents protested in Chennai - Ward 12 (Chennai) over water shortages.",
         ("Chennai", "IN", "Tamil Nādu", "city")),
    ],
)  # fmt: skip
def test_a_town_with_its_regions_in_brackets_is_the_town(
    sentence: str, expected: tuple[str, str, str, str]
) -> None:
    assert _first(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "country"),
    [
        ("Shopkeepers closed their shutters in Hyderabad (Sindh) against load-shedding.", "PK"),
        ("Shopkeepers closed their shutters in Hyderabad (Telangana) against a new levy.", "IN"),
        ("Teachers marched in Tripoli (North) demanding unpaid wages.", "LB"),
        ("Nurses marched in Valencia (Carabobo) demanding unpaid wages.", "VE"),
    ],
)
def test_the_region_in_brackets_tells_namesakes_apart(sentence: str, country: str) -> None:
    place = _places(sentence)[0]
    assert (place.name.split()[0], place.country, place.precision) == (
        sentence.split(" (")[0].split()[-1],
        country,
        "city",
    )


def test_a_district_the_gazetteer_knows_as_a_town_of_the_region_is_that_town() -> None:
    assert _first("Hawkers protested in Lagos - Ikeja (Lagos) against evictions.")[:2] == (
        "Ikeja",
        "NG",
    )


def test_an_unknown_place_in_brackets_of_a_region_is_the_region() -> None:
    _name, country, admin1, precision = _first(
        "Farmers protested in Kaptembwo (Nakuru) against the price of fertiliser."
    )
    assert (country, admin1, precision) == ("KE", "Nakuru", "region")


@pytest.mark.parametrize(
    "sentence",
    [
        "Sen. Ted Cruz (Tex.) would not endorse his rival.",
        "We got off the sidelines for Jeb (Bush).",
        "The state is defined by the Big Apple (New York City) and its farms.",
        "The deal angered the Rapid Support Forces (RSF) and their allies.",
    ],
)
def test_a_person_or_a_nickname_before_brackets_is_no_town(sentence: str) -> None:
    before = sentence.split(" (")[0].split()[-1]
    assert all(p.text.split(",")[0].split()[-1] != before for p in _places(sentence))
    assert all(p.precision != "city" or p.country == "US" for p in _places(sentence))


@pytest.mark.parametrize(
    ("sentence", "name", "admin1"),
    [
        ("Al Shabaab fighters attacked an army base in Bardera, Gedo.", "Baardheere", "Gedo"),
        ("RSF fighters abducted 12 civilians from Um Rawaba, North Kordofan.", "Umm Ruwaba",
         "North Kordofan"),
        ("Al Shabaab fighters fired mortars at the airport in Hudur (Bakool).", "Xuddur",
         "Bakool"),
    ],
)  # fmt: skip
def test_a_name_spelt_nearly_like_a_town_of_its_region_is_that_town(
    sentence: str, name: str, admin1: str
) -> None:
    place = _places(sentence)[0]
    assert (place.name, place.admin1, place.precision) == (name, admin1, "city")


def test_a_name_the_gazetteer_knows_is_not_respelt_as_a_town_of_the_region() -> None:
    found = _places("Clinton won Ohio, Florida, Illinois and North Carolina on Tuesday.")
    assert all(p.name != "Flora" for p in found)


@pytest.mark.parametrize(
    ("sentence", "country"),
    [
        ("Gunmen fired on a bus near Lido beach in Mogadishu on Friday.", "SO"),
        ("Police fired tear gas at residents in Eastleigh in Nairobi.", "KE"),
        ("Youths clashed with police in the Palermo neighbourhood of Buenos Aires.", "AR"),
    ],
)
def test_a_town_said_to_lie_in_a_place_of_another_country_is_not_that_countrys(
    sentence: str, country: str
) -> None:
    found = _places(sentence)
    assert found
    assert all(p.country == country for p in found)


@pytest.mark.parametrize(
    ("sentence", "name", "admin1"),
    [
        ("Clashes erupted in Kadugly, the capital of South Kordofan state, on Monday.",
         "Kadugli", "South Kordofan"),
        ("Protesters marched in Port Soudan, the capital of Red Sea state.", "Port Sudan",
         "Red Sea"),
        ("Fighting erupted in Kousti, in White Nile state.", "Kosti", "White Nile"),
    ],
)  # fmt: skip
def test_a_name_spelt_nearly_like_a_town_of_a_region_the_sentence_names_is_that_town(
    sentence: str, name: str, admin1: str
) -> None:
    place = _places(sentence)[0]
    assert (place.name, place.admin1, place.precision) == (name, admin1, "city")


def test_a_name_in_a_newspapers_title_is_not_respelt_as_a_town() -> None:
    found = _places("Susan Collins (Maine) published an op-ed in The Washington Post.")
    assert all(p.precision != "city" for p in found)


@pytest.mark.parametrize(
    ("sentence", "admin1"),
    [
        ("Drones launched at Moscow region were shot down overnight.", "Moskovskaya oblast'"),
        ("Drones launched at Kyiv region were shot down overnight.", "Kyivska oblast"),
    ],
)
def test_the_region_of_a_city_that_is_a_region_of_its_own_is_the_oblast(
    sentence: str, admin1: str
) -> None:
    place = _places(sentence)[0]
    assert (place.admin1, place.precision) == (admin1, "region")


def test_a_state_named_after_a_people_is_the_state() -> None:
    place = _places("The rebels seized a junta outpost in northern Kachin state.")[0]
    assert (place.country, place.admin1, place.precision) == ("MM", "Kachin", "region")


def test_a_state_named_after_its_capital_keeps_the_town() -> None:
    place = _places("Gunmen killed five people in Kaduna state.")[0]
    assert (place.name, place.precision) == ("Kaduna", "city")


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        ("Ukrainian forces shelled Shebekino in Belgorod region on Monday.", "Shebekino"),
        ("Malian troops took control of Tessalit after days of fighting.", "Tessalit"),
    ],
)
def test_what_is_shelled_or_taken_is_a_place(sentence: str, name: str) -> None:
    assert name in [p.name for p in _places(sentence)]


@pytest.mark.parametrize(
    "sentence",
    [
        "Republicans hope to win back control of Congress.",
        "The fall of Assad surprised everyone.",
        "The rebels captured Smith and two others.",
    ],
)
def test_what_is_taken_is_no_place_when_no_town_is_so_called(sentence: str) -> None:
    assert _places(sentence) == []


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a district, then a region GeoNames names after its town, in brackets
        ("Drones struck Nikopol (Nikopol - Dnipropetrovsk) overnight, damaging a school.",
         ("Nikopol", "UA", "city")),
        ("Artillery shelled Beryslav (Beryslav - Kherson) in the morning.",
         ("Beryslav", "UA", "city")),
        # an Arabic article joined by a hyphen; an ordinal district; "town" after the name
        ("Warplanes struck Maarat al-Numan (Maarat An Numan - Idleb) at dawn.",
         ("Ma‘arrat an Nu‘mān", "SY", "city")),
        ("Students marched in Marseille - 3rd arrondissement (Marseille - Provence-Alpes-Cote "
         "d'Azur) against fees.", ("Marseille", "FR", "city")),
    ],
)  # fmt: skip
def test_districts_articles_and_town_words_before_brackets(
    sentence: str, expected: tuple[str, str, str]
) -> None:
    name, country, admin1, precision = _first(sentence)
    assert (name, country, precision) == expected
    assert admin1  # the region in brackets, in ISO's or ACLED's spelling
