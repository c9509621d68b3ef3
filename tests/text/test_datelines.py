"""A dateline says where a report was filed: it is no part of the first sentence's claim."""

from __future__ import annotations

import pytest

from storytrace.claims import read_stage
from storytrace.records import Article
from storytrace.text.segment import after_dateline


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
