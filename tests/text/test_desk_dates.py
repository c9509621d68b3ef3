"""Dates a verification desk meets in political copy: a month that dates a thing through a
preposition is that thing's (the nearest such month), and a part of a named period ("late
last year", "earlier this month") is that period."""

from __future__ import annotations

import pytest

from storytrace_testkit import resolved_dates

NOVEMBER = "2015-11-17"


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The only basis for the figure is an announcement in September by the minister.",
         ("2015-09-01", "2015-09-30")),
        ("The likeliest source of the number is a speech in October by the governor.",
         ("2015-10-01", "2015-10-31")),
        # the nearest month is ahead when it is nearer
        ("The main worry of the party is the caucus in January.", ("2016-01-01", "2016-01-31")),
    ],
)  # fmt: skip
def test_a_month_that_dates_a_thing_is_the_nearest_one(
    sentence: str, expected: tuple[str, str]
) -> None:
    found = resolved_dates(sentence, NOVEMBER)
    assert [(start, end) for _, start, end, _ in found] == [expected]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Late last year, the department said it had found 12 more emails.",
         ("2014-01-01", "2014-12-31", "year")),
        ("Earlier this month, the agency said it had closed the case.",
         ("2015-11-01", "2015-11-16", "month")),  # of this month, before the day of writing
        ("The plant will reopen later this year, the company said.",
         ("2015-01-01", "2015-12-31", "year")),
        ("Early next week, the committee will publish its report.",
         ("2015-11-23", "2015-11-29", "week")),
    ],
)  # fmt: skip
def test_a_part_of_a_named_period_is_that_period(
    sentence: str, expected: tuple[str, str, str]
) -> None:
    found = resolved_dates(sentence, NOVEMBER)
    assert [(start, end, precision) for _, start, end, precision in found] == [expected]


@pytest.mark.parametrize(
    "sentence",
    [
        "The candidates made their cases to voters on Wednesday, just six days before the "
        "state's primary.",
        "The senator resigned two weeks after the vote on the budget.",
        "The plant closed in 1998 and reopened three years later.",
        'The governor said on NBC\'s "This Week" that the plan was dead.',
        "The mayor told CBS's “Last Week” program that taxes would rise.",
        "Taxes will rise, he said on ABC's ''This Week.''",
    ],
)
def test_a_length_from_another_day_or_a_quoted_title_is_no_date(sentence: str) -> None:
    found = resolved_dates(sentence, NOVEMBER)
    assert all(
        not any(w in text.lower() for w in ("six days", "two weeks", "three years", "week"))
        for text, *_ in found
    ), found


@pytest.mark.parametrize(
    "sentence",
    [
        "“We’ll be meeting on Friday in Dayton to settle the platform,” the chair said.",
        "“They’d vote on Friday if the count were done,” the clerk said.",
    ],
)
def test_a_modal_with_a_typographic_apostrophe_looks_ahead(sentence: str) -> None:
    # published on a Wednesday: the Friday ahead, not the one gone
    found = resolved_dates(sentence, "2016-06-22")
    assert [(text, start) for text, start, *_ in found] == [("Friday", "2016-06-24")]
