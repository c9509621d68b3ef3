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
