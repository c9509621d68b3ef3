"""Named periods ("last week", "over the weekend") resolve with the precision ACLED codes."""

from __future__ import annotations

import pytest

from storytrace.events.acled import time_precision
from storytrace.text import load_nlp, resolve_dates

PUBLISHED = "2024-05-08"  # a Wednesday


@pytest.mark.parametrize(
    ("sentence", "expected", "acled"),
    [
        ("Troops refused orders last week.", ("2024-04-29", "2024-05-05", "week"), 2),
        ("Protesters gathered over the weekend.", ("2024-05-04", "2024-05-05", "week"), 2),
        ("The raid took place last month.", ("2024-04-01", "2024-04-30", "month"), 3),
        ("Thousands fled the town last year.", ("2023-01-01", "2023-12-31", "year"), 3),
        ("The offices were raided on March 5.", ("2024-03-05", "2024-03-05", "day"), 1),
    ],
)
def test_periods_resolve_against_the_publication_date(
    sentence: str, expected: tuple[str, str, str], acled: int
) -> None:
    dates = resolve_dates(next(iter(load_nlp()(sentence).sents)), PUBLISHED)
    assert [(d.start, d.end, d.precision) for d in dates] == [expected]
    assert time_precision(dates[0]) == acled


def test_without_a_publication_date_a_named_period_is_not_resolved() -> None:
    sentence = next(iter(load_nlp()("Troops refused orders last week, officials said.").sents))
    assert resolve_dates(sentence, None) == []


def test_a_day_named_again_is_read_once_and_the_same_each_time() -> None:
    from storytrace.text.dates import _remembered_reading

    _remembered_reading.cache_clear()
    nlp = load_nlp()
    sentence = "The minister resigned on Monday."  # no publication date: against the clock
    first = resolve_dates(next(iter(nlp(sentence).sents)), None)
    again = resolve_dates(next(iter(nlp(sentence).sents)), None)
    assert [(d.start, d.precision) for d in first] == [(d.start, d.precision) for d in again]
    assert first and first[0].precision == "day"
    assert _remembered_reading.cache_info().hits >= 1


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Healthcare reform failed in the 1990s.", ("1990-01-01", "1999-12-31")),
        ("Crime rose sharply in the early 1970s.", ("1970-01-01", "1973-12-31")),
        ("The band was popular in the late '80s.", ("1987-01-01", "1989-12-31")),
        ("The mid-2000s were quieter.", ("2004-01-01", "2006-12-31")),
    ],
)
def test_a_decade_is_the_span_of_its_years(sentence: str, expected: tuple[str, str]) -> None:
    dates = resolve_dates(next(iter(load_nlp()(sentence).sents)), PUBLISHED)
    assert [(d.start, d.end, d.precision) for d in dates] == [(*expected, "span")]


@pytest.mark.parametrize(
    "sentence",
    [
        "She earned a four-year degree from the state university.",
        "The agency opened a 30-day comment period.",
        "They returned from a two-week trip abroad.",
    ],
)
def test_a_length_used_as_an_adjective_is_not_a_date(sentence: str) -> None:
    assert resolve_dates(next(iter(load_nlp()(sentence).sents)), PUBLISHED) == []


def test_this_weekend_in_the_past_tense_is_the_weekend_just_gone() -> None:
    nlp = load_nlp()
    said = resolve_dates(next(iter(nlp("He spoke at a rally this weekend.").sents)), PUBLISHED)
    will = resolve_dates(next(iter(nlp("He will speak at a rally this weekend.").sents)), PUBLISHED)
    assert [(d.start, d.end) for d in said] == [("2024-05-04", "2024-05-05")]
    assert [(d.start, d.end) for d in will] == [("2024-05-11", "2024-05-12")]
