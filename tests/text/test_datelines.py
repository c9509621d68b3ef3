"""Datelines and title-case headlines: where a report was filed and its headline are no part
of its claims."""

from __future__ import annotations

import pytest

from storytrace.claims import read_stage
from storytrace.records import Article
from storytrace.text.segment import after_dateline, classify_line


@pytest.mark.parametrize(
    ("text", "rest"),
    [
        ("WASHINGTON ― The Senate voted on Tuesday.", "The Senate voted on Tuesday."),
        ("LIMA, Peru (CPA) — Floods cut the road.", "Floods cut the road."),
        ("HARTLEY, N.D., Sept. 26 (UPI) — Two silos burned.", "Two silos burned."),
        ("ODESA - The port reopened.", "The port reopened."),
    ],
)
def test_a_dateline_is_skipped(text: str, rest: str) -> None:
    assert text[after_dateline(text, 0) :] == rest


@pytest.mark.parametrize(
    "text",
    ["US - China talks resumed on Monday.", "The FBI - and the CIA - declined to comment."],
)
def test_prose_is_not_a_dateline(text: str) -> None:
    assert after_dateline(text, 0) == 0


def test_the_first_claim_and_its_source_leave_the_dateline_out() -> None:
    text = (
        "BRUSSELS - European leaders said on Friday that they would set up a joint military "
        "headquarters in 2027, two diplomats said."
    )
    (reading,) = read_stage([Article.from_text(text)])
    (claim,) = reading.claims
    assert claim.text.startswith("European leaders said")
    assert claim.span[0] == text.index("European")
    assert all("BRUSSELS" not in a.source for a in reading.attributions)


@pytest.mark.parametrize(
    "line",
    [
        "Harbour Board Vows To Rebuild The Quay Before Winter Storms.",
        "Poll: Rural Voters Abandon Mayor Vidal Over Port Closure.",
    ],
)
def test_a_headline_in_title_case_is_a_heading_even_with_a_full_stop(line: str) -> None:
    assert classify_line(line) == "heading"


def test_a_sentence_full_of_names_is_still_prose() -> None:
    line = "Mayor Elena Petrova told the Harbour Gazette that the quay would reopen in May."
    assert classify_line(line) == "prose"
