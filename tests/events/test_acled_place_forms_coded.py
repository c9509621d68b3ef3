"""The events stage on places written as ACLED's notes write them (issue 19): a city's
district with its regions in brackets is the city, named by the report itself (ACLED's
geo_precision 1, not the 2 of a district), with the region in brackets in ACLED's spelling;
a town spelt otherwise than GeoNames spells it is placed at the town of the region.

Every report is written for the test (none is an ACLED note, nor one of the notes in
``bench/acled_style_notes/``); none names its country.
"""

from __future__ import annotations

import pytest

from storytrace_testkit import coded_row

PUBLISHED = "2024-05-14"


@pytest.mark.parametrize(
    ("text", "admin1", "country", "lat", "lon"),
    [
        ("Gunmen shot dead a shopkeeper in Rawalpindi - Raja Bazar (Rawalpindi - Punjab). "
         "1 fatality.", "Punjab", "Pakistan", 33.60, 73.05),
        ("Teachers held a demonstration in Tripoli (North) demanding unpaid wages. "
         "[size=around 100]", "North", "Lebanon", 34.43, 35.84),
        ("Al Shabaab militants attacked an army base in Bardera, Gedo, killing 3 soldiers.",
         "Gedo", "Somalia", 2.34, 42.28),
    ],
)  # fmt: skip
def test_the_town_of_an_acled_place_form_is_the_events_place(
    text: str, admin1: str, country: str, lat: float, lon: float
) -> None:
    row = coded_row(text, PUBLISHED)
    assert (row["admin1"], row["country"], row["geo_precision"]) == (admin1, country, 1)
    assert abs(float(row["latitude"]) - lat) < 0.1
    assert abs(float(row["longitude"]) - lon) < 0.1


def test_the_bracketed_place_is_the_events_not_another_town_of_the_sentence() -> None:
    """ACLED's notes bracket the event's place; a destination named in passing is not it,
    and a place the gazetteer lacks ("the Wagah border") falls to its district's town."""
    row = coded_row(
        "Traders marched towards Lahore from the Wagah border (Amritsar - Punjab) against "
        "the closure of the crossing. [size=hundreds]",
        PUBLISHED,
    )
    assert (row["location"], row["admin1"], row["country"]) == ("Amritsar", "Punjab", "India")


def test_a_town_of_a_region_acled_names_above_iso_s_governorates() -> None:
    """ "Nablus (Nablus - West Bank)": ACLED's region is GeoNames' West Bank, above the
    governorates ISO lists; the town is found in it, and a crowd that demonstrated there
    with no word of violence is a peaceful protest."""
    row = coded_row(
        "Students demonstrated in Tulkarm (Tulkarm - West Bank) in solidarity with Gaza. "
        "[size=dozens]",
        PUBLISHED,
    )
    assert (row["admin1"], row["geo_precision"]) == ("West Bank", 1)
    assert abs(float(row["latitude"]) - 32.31) < 0.05
    assert abs(float(row["longitude"]) - 35.03) < 0.05
    assert row["sub_event_type"] == "Peaceful protest"


def test_a_people_that_demonstrated_with_no_word_of_violence_is_a_peaceful_protest() -> None:
    """The kind model reads a riot into who demonstrated and where; with no word of
    violence in the note, a plural people's plain "demonstrated" is a peaceful protest."""
    row = coded_row(
        "Palestinians demonstrated in Tulkarm (Tulkarm - West Bank) in solidarity with Gaza.",
        PUBLISHED,
    )
    assert (row["event_type"], row["sub_event_type"]) == ("Protests", "Peaceful protest")
