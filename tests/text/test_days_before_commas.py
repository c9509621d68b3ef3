"""A day or a month before a comma is no town of the region after it: "after the vote
Tuesday, Charlotte ..." is Charlotte, North Carolina, not a guessed town in the parish of
Charlotte, Saint Vincent. Sentences written for the test, read by the read stage."""

from __future__ import annotations

import pytest

from storytrace.claims import read_articles
from storytrace.records import Article


def _places(text: str) -> list[tuple[str, str, str]]:
    article = Article.from_text(text, outlet="Desk", published="2024-09-25")
    return [
        (p.name, p.country, p.precision)
        for _, claims in read_articles([article])
        for claim in claims
        for p in claim.places
    ]


@pytest.mark.parametrize(
    "text",
    [
        "After the shooting Tuesday, Charlotte braced for a third night of marches.",
        "City officials said on Friday, Charlotte would keep its curfew in place.",
    ],
)
def test_a_weekday_before_a_comma_is_not_a_town(text: str) -> None:
    assert _places(text) == [("Charlotte", "US", "city")]


def test_a_town_before_its_region_still_reads_as_one() -> None:
    assert ("Jalālābād", "AF", "city") in _places(
        "Gunmen attacked a checkpoint in Jalalabad, Nangarhar, on Tuesday."
    )
