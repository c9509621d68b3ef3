"""Quantities as intervals with what they count, and which lines are prose."""

from __future__ import annotations

import pytest

from storytrace.text import find_quantities, load_nlp, split_lines
from storytrace.text.segment import classify_line


def _quantities(sentence: str) -> list:
    doc = load_nlp()(sentence)
    return [q for sent in doc.sents for q in find_quantities(sent)]


@pytest.mark.parametrize(
    ("sentence", "low", "high", "counted", "approximate"),
    [
        ("About 60 servicemen refused to go to war.", 54, 66, "serviceman", True),
        ("Over 20,000 soldiers have been killed in the war.", 20000, None, "soldier", False),
        ("At least 12 people were injured in the crash.", 12, None, "people", False),
        ("Dozens of residents were evacuated overnight.", 24, 99, "resident", True),
        ("Rescuers found 20k tonnes of debris in the river.", 20000, 20000, "tonne", False),
        ("Eleven workers were taken to hospital.", 11, 11, "worker", False),
    ],
)
def test_counts_become_intervals(
    sentence: str, low: float, high: float | None, counted: str, approximate: bool
) -> None:
    (quantity,) = _quantities(sentence)
    assert quantity.low == pytest.approx(low)
    assert quantity.high == (None if high is None else pytest.approx(high))
    assert quantity.counted is not None and quantity.counted.endswith(counted)
    assert quantity.approximate is approximate


def test_years_ages_and_dates_are_not_counts() -> None:
    assert _quantities("The 23-year-old soldier was arrested on March 5, 2022.") == []


def test_the_predicate_tells_killed_from_injured() -> None:
    (killed,) = _quantities("Three workers were killed in the blast.")
    (injured,) = _quantities("Three workers were injured in the blast.")
    assert killed.predicate == "kill" and injured.predicate == "injure"


@pytest.mark.parametrize(
    ("line", "role"),
    [
        ("Sergei Shoigu Twitter", "caption"),
        ("Smoke over the harbour web screen grab", "caption"),
        ("Firefighters at the scene on Tuesday. Photo: Courier staff", "caption"),
        ("  • Updated", "furniture"),
        ("Share this article", "furniture"),
        ("Related: Port traffic resumes", "furniture"),
        ("Defying Putin's Orders", "heading"),
        ("The troops were sent back to their base in Pskov.", "prose"),
        ('He said: "We will stay."', "prose"),
        ("", "blank"),
    ],
)
def test_line_roles(line: str, role: str) -> None:
    assert classify_line(line) == role


@pytest.mark.parametrize(
    "line",
    [
        "Thousands of people marched in Lviv and Ternopil against the new law",
        "GUNMEN STORM A POLICE POST IN NORTHERN MALI, KILLING FOUR OFFICERS",
        "Three rockets hit a fuel depot on the edge of Kramatorsk overnight. Photo: Reuters",
    ],
)
def test_a_text_of_one_line_is_prose_whatever_it_looks_like(line: str) -> None:
    """A brief cut short, set in capitals or closed by a photo credit heads nothing."""
    assert classify_line(line) != "prose"
    (alone,) = split_lines(line)
    assert alone.role == "prose"


def test_line_offsets_index_the_text() -> None:
    text = "Headline\n\nFirst paragraph.\nSecond one."
    for line in split_lines(text):
        assert text[line.start : line.end] == line.text


def test_a_lone_report_cut_before_its_full_stop_is_prose() -> None:
    cut = "Russian forces shelled the village of Novoselivka in Donetsk on Monday, killing two"
    (alone,) = split_lines(cut)
    assert alone.role == "prose"
    heading, body = split_lines(cut + "\n" + "Two houses burned.")
    assert heading.role == "heading" and body.role == "prose"


@pytest.mark.parametrize(
    ("sentence", "low", "high", "counted"),
    [
        ("Between 10 and 15 people were killed in the attack.", 10, 15, "people"),
        ("Between 130 and 160 courses are closing.", 130, 160, "course"),
        ("Police said 3 to 4 protesters were detained.", 3, 4, "protester"),
    ],
)
def test_a_range_is_one_count_with_both_bounds(
    sentence: str, low: float, high: float, counted: str
) -> None:
    (quantity,) = _quantities(sentence)
    assert (quantity.low, quantity.high, quantity.value) == (low, high, None)
    assert quantity.counted == counted


def test_a_change_from_one_figure_to_another_is_two_counts() -> None:
    assert [q.value for q in _quantities("The toll rose from 10 to 15 people.")] == [10, 15]


@pytest.mark.parametrize(
    "sentence",
    [
        "The margin of error is plus or minus 5.7 percentage points.",
        "The margin of sampling error is +/- 4 points.",
        "It was a 22-point defeat.",
        "They held a three-day protest.",
    ],
)
def test_error_bounds_and_hyphenated_kinds_are_not_counts(sentence: str) -> None:
    assert _quantities(sentence) == []


def test_a_hyphenated_kind_stays_out_of_what_is_counted() -> None:
    (quantity,) = _quantities("Almost 650 18-hole golf courses have closed.")
    assert quantity.counted == "golf course" and quantity.value == 650
