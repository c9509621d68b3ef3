"""Towns get their first-level region from GeoNames' admin1 names, shipped with the package."""

from __future__ import annotations

import pytest

from storytrace.text.places import geocode, region_code, region_seat


@pytest.mark.parametrize(
    ("town", "country", "admin1"),
    [
        ("Paris", "FR", "Île-de-France"),  # region not named like its largest town
        ("Abakan", "RU", "Khakasiya, Respublika"),
        ("Mykolayiv", "UA", "Mykolaivska oblast"),
        ("Pskov", "RU", "Pskovskaya oblast'"),
    ],
)
def test_towns_get_their_iso_region(town: str, country: str, admin1: str) -> None:
    place = geocode(town, set())
    assert place is not None
    assert (place.country, place.admin1, place.precision) == (country, admin1, "city")


def test_a_region_known_only_by_name_gets_its_seats_coordinates() -> None:
    region = geocode("Khakassia", {"RU"})
    assert region is not None and region.precision == "region"
    assert region_code(region) == "RU-KK"
    seat = region_seat(region)
    assert seat is not None and seat.name == "Abakan"
    assert seat.lat == pytest.approx(53.72, abs=0.05)
    assert seat.lon == pytest.approx(91.43, abs=0.05)
