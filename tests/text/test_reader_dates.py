"""Dates as a reader resolves them: the verb's tense decides the direction, lengths of time
count from the publication date, ages and scores are never years, and no date raises."""

from __future__ import annotations

from pathlib import Path

import pytest

from storytrace.text import load_nlp, resolve_dates
from storytrace_testkit import resolved_dates

WEDNESDAY = "2024-05-08"
MARCH = "2024-03-12"
POLNEAR = Path(__file__).resolve().parents[3] / "shared" / "data" / "polnear"


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Parliament will vote on Thursday.", "2024-05-09"),
        ("Parliament is going to vote on Thursday.", "2024-05-09"),
        ("The vote takes place on Thursday.", "2024-05-09"),
        ("Parliament could vote on Thursday, officials said.", "2024-05-09"),
        ("Parliament voted on Thursday.", "2024-05-02"),
        ("Parliament has voted on Thursday.", "2024-05-02"),
        ("The minister said on Thursday that the vote was postponed.", "2024-05-02"),
        ("Parliament votes next Thursday.", "2024-05-09"),
        ("Parliament voted last Wednesday.", "2024-05-01"),
        ("On Thursday, the rebels agreed to resume talks with the army.", "2024-05-02"),
        ("The rebels agreed to resume talks on Thursday.", "2024-05-09"),
        ("Parliament will vote on Wednesday.", WEDNESDAY),
        ("The talks will resume tomorrow.", "2024-05-09"),
        # a date that owns a noun is that thing's day: a present verb over it says nothing
        ("The mayor is raising questions about Monday's vote count.", "2024-05-06"),
        ("Critics are still angry about Monday's ruling.", "2024-05-06"),
        ("Monday's ruling will be appealed.", "2024-05-13"),
        ("Lawyers are preparing for Friday's hearing.", "2024-05-10"),
        ("Aides are getting ready ahead of Friday's debate.", "2024-05-10"),
        # the day of something planned is still to come, whatever the verb over it
        ("She noted a planned rally on Saturday in the north of the state.", "2024-05-11"),
        ("Aides discussed the scheduled vote on Monday with the whips.", "2024-05-13"),
    ],
)  # fmt: skip
def test_a_weekday_is_the_nearest_one_in_the_verbs_direction(sentence: str, expected: str) -> None:
    [(_, start, end, precision)] = resolved_dates(sentence, WEDNESDAY)
    assert (start, end, precision) == (expected, expected, "day")


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The ministry plans to open the bridge in June.", "2024-06"),
        ("The bridge will open in June.", "2024-06"),
        ("The bridge is scheduled to open in June.", "2024-06"),
        ("The bridge opened in June.", "2023-06"),
        ("The bridge was damaged in June.", "2023-06"),
        ("The bridge will reopen next June.", "2024-06"),
        ("The bridge was damaged in March.", "2024-03"),
        ("The elections will be held in February.", "2025-02"),
        ("The elections were held in February.", "2024-02"),
    ],
)  # fmt: skip
def test_a_month_without_a_year_follows_the_tense(sentence: str, expected: str) -> None:
    [(_, start, _end, precision)] = resolved_dates(sentence, MARCH)
    assert precision == "month" and start is not None and start.startswith(expected)


def test_a_day_and_month_without_a_year_follows_the_tense() -> None:
    assert resolved_dates("The court will rule on 2 January.", MARCH)[0][1:3] == ("2025-01-02",) * 2
    assert resolved_dates("The court ruled on 2 January.", MARCH)[0][1:3] == ("2024-01-02",) * 2
    assert resolved_dates("The court will rule on April 2.", MARCH)[0][1:3] == ("2024-04-02",) * 2


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The company must respond within 30 days.", ("2024-03-12", "2024-04-11")),
        ("Prices will rise in the next two weeks, the bank said.", ("2024-03-12", "2024-03-26")),
        ("Prices will rise over the coming three months.", ("2024-03-12", "2024-06-12")),
        ("Prices rose 4% in the past 30 days.", ("2024-02-11", "2024-03-12")),
        ("Police detained 200 people over the last two weeks.", ("2024-02-27", "2024-03-12")),
    ],
)  # fmt: skip
def test_a_length_of_time_is_a_span_from_the_publication_date(
    sentence: str, expected: tuple[str, str]
) -> None:
    [(_, start, end, precision)] = resolved_dates(sentence, MARCH)
    assert (start, end, precision) == (*expected, "span")


def test_a_bare_length_of_time_is_not_a_date() -> None:
    assert resolved_dates("The strike lasted 30 days.", MARCH) == []
    assert resolved_dates("Officials expect more arrests in the coming days.", MARCH) == []


@pytest.mark.parametrize(
    "sentence",
    [
        "Nadia El Amrani, 44, was arrested in Brussels.",
        "The suspect, aged 44, was arrested in Brussels.",
        "The 44-year-old was arrested in Brussels.",
        "The Eagles won 44-21 against the Giants.",
        "Police said 2000 people marched through the centre.",
        "The ministry counted 1,999 complaints.",
        "Jonas De Smet, 62, and his son were detained.",
    ],
)
def test_ages_counts_and_scores_are_never_years(sentence: str) -> None:
    assert not [
        d
        for d in resolved_dates(sentence, MARCH)
        if d[3] == "year" or (d[1] or "").startswith("19")
    ]


@pytest.mark.parametrize(
    ("sentence", "published", "expected"),
    [
        ("The archive will be released on February 29.", "2015-02-19", "2016-02-29"),
        ("The archive was released on February 29.", "2015-03-19", "2012-02-29"),
        ("The archive was released on February 29.", "2016-03-19", "2016-02-29"),
        ("The archive was released on February 29, 2015.", "2016-03-19", None),
        ("The archive was released on April 31.", "2016-03-19", None),
        ("The archive was released on 31 September.", "2016-03-19", None),
        ("The archive was released on February 30.", None, None),
    ],
)
def test_impossible_and_leap_days_never_raise(
    sentence: str, published: str | None, expected: str | None
) -> None:
    days = [d for d in resolved_dates(sentence, published) if d[3] == "day"]
    assert [d[1] for d in days] == ([expected] if expected else [])


def test_a_real_leap_day_article_resolves_without_raising() -> None:
    path = POLNEAR / "train" / "text" / "politico_2016-02-19_more-hillary-clinton-emails-rele.txt"
    if not path.is_file():
        pytest.skip("PolNeAR is not in ../shared/data")
    doc = load_nlp()(path.read_text(encoding="utf-8"))
    dates = [d for s in doc.sents for d in resolve_dates(s, "2016-02-19")]
    assert ("Feb. 29", "2016-02-29") in [
        (d.text, d.start) for d in dates
    ]  # "concluding ... by Feb. 29"


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Most voters are already set in their choice on April 2.", "2024-04-02"),
        ("The final hearing is scheduled for April 2 in Ghent.", "2024-04-02"),
        ("Two judges are scheduled to co-chair the second hearing, April 2 in Ghent.",
         "2024-04-02"),
        ("The hearing was scheduled for January 2 in Ghent.", "2024-01-02"),
    ],
)  # fmt: skip
def test_a_present_passive_or_a_planned_sentence_looks_ahead(sentence: str, expected: str) -> None:
    assert resolved_dates(sentence, MARCH)[0][1:3] == (expected, expected)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Ground zero is Florida, one of five states voting on March 19.", "2024-03-19"),
        ("The contests on March 19 matter most.", "2024-03-19"),
        ("Three states holding primaries on March 5 drew most of the money.", "2024-03-05"),
        ("Donors in the race for December gave less.", "2023-12"),
        # a present passive says nothing unless it schedules
        ("The list is included, with the February 5 killing of a guard.", "2024-02-05"),
        # a headline's infinitive looks ahead
        ("Mayor to visit flooded towns in February.", "2025-02"),
    ],
)  # fmt: skip
def test_a_month_no_verb_dates_is_the_one_nearest_the_publication(
    sentence: str, expected: str
) -> None:
    [(_, start, _end, _precision)] = resolved_dates(sentence, MARCH)
    assert start.startswith(expected)


def test_a_month_that_names_a_thing_is_the_nearest_one() -> None:
    """ "the October report" in a November article is last month's, whatever the verb's tense."""
    [(_, start, end, _)] = resolved_dates(
        "The strong October report represents a one-time blip.", "2015-11-09"
    )
    assert (start, end) == ("2015-10-01", "2015-10-31")
    # a weekday keeps its verb's direction: "on pace to finish on Monday afternoon" looks ahead
    [(_, start, _, _)] = resolved_dates(
        "He is on pace to finish the tour on Monday afternoon.", "2016-01-27"
    )
    assert start == "2016-02-01"
