"""Place names as news uses them: regions GeoNames names in English, a town's own name
before another town's other name, and names that only start a town's name."""

from __future__ import annotations

import pytest

from storytrace.text.places import geocode


@pytest.mark.parametrize(
    ("name", "country"),
    [("Crimea", "UA"), ("Catalonia", "ES"), ("Tuscany", "IT")],
)
def test_a_region_known_by_its_english_name_is_that_region(name: str, country: str) -> None:
    place = geocode(name, set())
    assert place is not None
    assert (place.precision, place.country, place.admin1) == ("region", country, name)


def test_a_town_called_so_beats_a_town_known_also_by_the_name() -> None:
    place = geocode("Chelsea", {"US"})
    assert place is not None and (place.name, place.admin1) == ("Chelsea", "Massachusetts")


def test_an_old_name_still_finds_the_town_when_no_town_is_called_so() -> None:
    place = geocode("Artemivsk", {"UA"})
    assert place is not None and place.name == "Bakhmut"
    place = geocode("Kiev", set())
    assert place is not None and place.name == "Kyiv"


@pytest.mark.parametrize(("name", "town"), [("Long Island", "Long Island City")])
def test_a_name_that_only_starts_a_towns_name_is_not_that_town(name: str, town: str) -> None:
    place = geocode(name, {"US"})
    assert place is None or place.name != town


def test_a_nationality_lets_in_a_town_the_parser_left_untagged() -> None:
    from storytrace.text import load_nlp
    from storytrace.text.places import context_countries, geocode_places

    doc = load_nlp()("Ukrainian forces struck an ammunition depot near Tokmak on Thursday.")
    ents = list(doc.ents)
    (sent,) = doc.sents
    places = geocode_places(sent, context_countries(ents), ents=ents)
    assert [(p.name, p.country) for p in places] == [("Tokmak", "UA")]
    assert places[0].admin1  # GeoNames' name of the region where ISO's cannot be matched


def test_a_town_takes_geonames_region_name_where_iso_has_none_to_match() -> None:
    place = geocode("Jowhar", {"SO"})
    assert place is not None and place.country == "SO" and place.admin1 == "Middle Shabele"


def test_a_town_a_region_is_named_after_is_the_town() -> None:
    place = geocode("Kherson", set())
    assert place is not None and (place.name, place.precision) == ("Kherson", "city")


def test_a_strike_on_the_outskirts_of_a_town_the_parser_calls_a_person_is_kept() -> None:
    from storytrace.claims import read_stage
    from storytrace.records import Article

    text = "Last night a drone strike hit the outskirts of Kherson."
    (reading,) = read_stage([Article.from_text(text, published="2024-05-10")])
    (claim,) = reading.claims
    assert [(p.name, p.country) for p in claim.places] == [("Kherson", "UA")]


@pytest.mark.parametrize("name", ["the White House", "White House", "the Kremlin"])
def test_a_seat_of_government_is_not_a_town_of_that_name(name: str) -> None:
    assert geocode(name, {"US", "RU"}) is None


@pytest.mark.parametrize(
    "name",
    ["the Red Sea", "Black Sea", "the Gulf of Aden", "Strait of Hormuz", "the Sea of Azov",
     "the Indian Ocean"],
)  # fmt: skip
def test_a_sea_or_strait_is_put_on_no_land(name: str) -> None:
    assert geocode(name, {"YE", "UA"}) is None


def test_a_region_named_for_a_sea_is_still_found_as_a_region() -> None:
    place = geocode("Red Sea state", {"SD"})
    assert place is not None and (place.country, place.precision) == ("SD", "region")


def test_a_capital_beats_a_small_namesake_in_a_region_the_article_names() -> None:
    """A national capital is known world-wide: "Washington" in a story that names Illinois
    is the capital unless Illinois is named beside it."""
    place = geocode("Washington", {"US", "US-IL"}, set())
    assert place is not None and place.admin1 == "District of Columbia"
    place = geocode("Washington", {"US", "US-IL"}, {"US-IL"})
    assert place is not None and place.admin1 == "Illinois"


@pytest.mark.parametrize(
    ("text", "places"),
    [
        ("President Obama nominated Merrick Garland in March. Voters would see the inherent "
         "unfairness of Republicans' denying Garland a hearing.", []),
        ("Ben Carson left the race in Iowa. Cruz said that he had since apologized to Carson, "
         "whom he considers a friend.", [("Iowa", "Iowa")]),
        ("Hillary Clinton spoke in Ohio on Monday. The editors aimed their editorial at "
         "Clinton.", [("Ohio", "Ohio")]),
        # a region or country after the name makes it a place again: the town in that
        # region, read as one place with it (text/town_region.py)
        ("Bill Clinton spoke at a plant in Clinton, Iowa.", [("Clinton, Iowa", "Iowa")]),
    ],
)  # fmt: skip
def test_a_persons_surname_is_no_place(text: str, places: list[tuple[str, str]]) -> None:
    from storytrace.text import load_nlp
    from storytrace.text.places import context_countries, geocode_places

    doc = load_nlp()(text)
    context = context_countries(doc.ents)
    found = [(p.text, p.admin1) for s in doc.sents for p in geocode_places(s, context)]
    assert found == places
