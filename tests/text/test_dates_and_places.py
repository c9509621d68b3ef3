"""Dates resolved against the publication date, and places geocoded offline."""

from __future__ import annotations

import pytest

from storytrace.text import geocode_places, load_nlp
from storytrace.text.places import geocode
from storytrace_testkit import resolved_dates


@pytest.mark.parametrize(
    ("sentence", "published", "expected"),
    [
        ("Their offices were raided on March 5.", "2022-04-06",
         ("March 5", "2022-03-05", "2022-03-05", "day")),
        ("Their offices were raided on March 5.", None,
         ("March 5", "--03-05", "--03-05", "month-day")),
        ("The plant closed on 12 December.", "2022-04-06",
         ("12 December", "2021-12-12", "2021-12-12", "day")),
        ("The law was passed in May 2021.", "2022-04-06",
         ("May 2021", "2021-05-01", "2021-05-31", "month")),
        ("The bridge was built in 1998.", "2022-04-06",
         ("1998", "1998-01-01", "1998-12-31", "year")),
        ("The mayor resigned on Tuesday.", "2022-04-06",
         ("Tuesday", "2022-04-05", "2022-04-05", "day")),
        ("The convoy left yesterday.", "2022-04-06",
         ("yesterday", "2022-04-05", "2022-04-05", "day")),
        ("The strike began three days ago.", "2022-04-06",
         ("three days ago", "2022-04-03", "2022-04-03", "day")),
        ("Their offices were raided a month ago.", "2022-04-06",
         ("a month ago", "2022-03-01", "2022-03-31", "month")),
        ("The survey was conducted September 16-19 among 900 voters.", "2016-09-20",
         ("September 16-19", "2016-09-16", "2016-09-19", "span")),
        ("The poll was taken Sept. 16 to 19, 2015, among 1,000 adults.", "2016-09-20",
         ("Sept. 16 to 19, 2015", "2015-09-16", "2015-09-19", "span")),
    ],
)  # fmt: skip
def test_dates_resolve_with_a_precision(
    sentence: str, published: str | None, expected: tuple[str, str, str, str]
) -> None:
    assert expected in resolved_dates(sentence, published)


def test_a_vague_period_is_not_a_date() -> None:
    assert (
        resolved_dates("In the recent month of fighting, desertions had taken place.", "2022-04-06")
        == []
    )


@pytest.mark.parametrize(
    ("name", "context", "country", "precision", "admin1"),
    [
        ("Pskov", {"RU"}, "RU", "city", "Pskovskaya oblast'"),
        ("Sumy", {"UA"}, "UA", "city", "Sumska oblast"),
        ("Kiev", set(), "UA", "city", "Kyiv"),
        ("Belarus", set(), "BY", "country", None),
        ("the Republic of Belarus", set(), "BY", "country", None),
        ("Khakassia", {"RU"}, "RU", "region", "Khakasiya, Respublika"),
        ("California", {"US"}, "US", "region", "California"),
        ("Georgia", {"US"}, "US", "region", "Georgia"),
        ("Georgia", set(), "GE", "country", None),
        ("Paris", set(), "FR", "city", None),
    ],
)
def test_places_geocode_with_country_region_and_precision(
    name: str, context: set[str], country: str, precision: str, admin1: str | None
) -> None:
    place = geocode(name, context)
    assert place is not None
    assert (place.country, place.precision) == (country, precision)
    if admin1 is not None:
        assert place.admin1 == admin1


def test_the_article_context_decides_an_ambiguous_city() -> None:
    assert geocode("Birmingham", {"US"}).admin1 == "Alabama"
    assert geocode("Birmingham", {"GB"}).country == "GB"
    assert geocode("Paris", {"US", "US-TX"}).country == "US"
    assert geocode("Paris", {"FR"}).country == "FR"


def test_a_place_the_model_tags_as_an_organisation_is_kept_in_context() -> None:
    doc = load_nlp()("A group of 300 Russians refused to obey orders when deployed to Sumy.")
    places = geocode_places(next(iter(doc.sents)), {"UA", "RU"})
    assert [(p.name, p.country) for p in places] == [("Sumy", "UA")]
    start, end = places[0].span
    assert doc.text[start:end] == "Sumy"
